package cn.duban.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * R25: the one working-day calendar behind every limit. Built-in years come from
 * {@code classpath:holidays/<year>.txt} (transcribed from the State Council's yearly notices);
 * an administrator adds later years, or corrects one, with a file of the same form in
 * {@code duban.calendar.holiday-dir}. A year without data is never guessed.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");

  private final String holidayDir;
  private final Map<Integer, HolidaySchedule> years;

  @Autowired
  public WorkingDayCalendar(CalendarProperties properties) {
    this.holidayDir = properties.holidayDir();
    this.years = Collections.unmodifiableMap(load(properties.holidayDir()));
    LOG.info("Working-day calendar has holiday data for {}", years.keySet());
  }

  /** For tests and tools: a calendar of exactly the given years. */
  public WorkingDayCalendar(Map<Integer, HolidaySchedule> years, String holidayDir) {
    this.holidayDir = holidayDir;
    this.years = Map.copyOf(years);
  }

  /** Where an administrator adds the holiday data of later years. */
  public String holidayDir() {
    return holidayDir;
  }

  public NavigableSet<Integer> coveredYears() {
    return Collections.unmodifiableNavigableSet(new TreeSet<>(years.keySet()));
  }

  public boolean isWorkingDay(LocalDate day) {
    return schedule(day.getYear()).isWorkingDay(day);
  }

  /** The name of the holiday or make-up day, or null on an ordinary day. */
  public String holidayName(LocalDate day) {
    return schedule(day.getYear()).nameOf(day);
  }

  /**
   * The Nth working day after {@code day}; {@code day} itself never counts (R25: "N working days
   * from the day after"). Zero gives {@code day} back.
   */
  public LocalDate addWorkingDays(LocalDate day, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + workingDays);
    }
    LocalDate d = day;
    int left = workingDays;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** The Nth working day before {@code day} ({@code day} itself never counts); zero gives it back. */
  public LocalDate subtractWorkingDays(LocalDate day, int workingDays) {
    LocalDate d = day;
    for (int left = workingDays; left > 0; ) {
      d = d.minusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** Working days d with {@code from < d <= to}; negative when {@code to} is before {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  private HolidaySchedule schedule(int year) {
    HolidaySchedule schedule = years.get(year);
    if (schedule == null) {
      throw new MissingHolidayDataException(year, holidayDir);
    }
    return schedule;
  }

  private static Map<Integer, HolidaySchedule> load(String holidayDir) {
    Map<Integer, HolidaySchedule> result = new TreeMap<>();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.txt")) {
        Integer year = yearOf(resource.getFilename());
        if (year != null) {
          try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            result.put(year, HolidaySchedule.parse(year, reader, "classpath:holidays/" + resource.getFilename()));
          }
        }
      }
      Path dir = Path.of(holidayDir);
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.txt")) {
          for (Path file : files) {
            Integer year = yearOf(file.getFileName().toString());
            if (year != null) {
              try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result.put(year, HolidaySchedule.parse(year, reader, file.toString()));
              }
              LOG.info("Holiday data for {} taken from {}", year, file.toAbsolutePath());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read holiday data", e);
    }
    return result;
  }

  private static Integer yearOf(String fileName) {
    Matcher m = fileName == null ? null : YEAR_FILE.matcher(fileName);
    return m != null && m.matches() ? Integer.valueOf(m.group(1)) : null;
  }
}
