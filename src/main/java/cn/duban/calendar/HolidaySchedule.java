package cn.duban.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One year of holidays: the days off (public holidays and the weekend days merged into them) and
 * the make-up working days (调休上班). Every other day is a working day from Monday to Friday and a
 * rest day on the weekend. A schedule is either the State Council's (official) or computed from the
 * statutory holidays while the year's notice is not out (provisional, {@link StatutoryHolidays}).
 *
 * <p>Table format, one entry a line, {@code #} starts a comment:
 * <pre>
 * 2026-02-15..2026-02-23 休 春节
 * 2026-02-14 班 春节调休上班
 * </pre>
 */
public final class HolidaySchedule {

  public enum Kind {
    /** 休: a day off. */
    OFF("休"),
    /** 班: a make-up working day on a weekend. */
    WORK("班");

    private final String mark;

    Kind(String mark) {
      this.mark = mark;
    }

    public String mark() {
      return mark;
    }
  }

  /** A special day of the year. */
  public record Day(LocalDate date, Kind kind, String name) {
  }

  /** A line of a table that cannot be taken, with the reason in Chinese. */
  public record Problem(int line, String message) {

    @Override
    public String toString() {
      return (line > 0 ? "第" + line + "行：" : "") + message;
    }
  }

  private final int year;
  private final boolean provisional;
  private final Map<LocalDate, Day> days;

  HolidaySchedule(int year, boolean provisional, Map<LocalDate, Day> days) {
    this.year = year;
    this.provisional = provisional;
    this.days = Collections.unmodifiableMap(new TreeMap<>(days));
  }

  public int year() {
    return year;
  }

  /** Computed from the statutory holidays, not the State Council's notice of the year. */
  public boolean provisional() {
    return provisional;
  }

  public boolean isWorkingDay(LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(day + " is not in " + year);
    }
    Day special = days.get(day);
    if (special != null) {
      return special.kind() == Kind.WORK;
    }
    return !isWeekend(day);
  }

  /** The holiday's name for a special day, or null for an ordinary day. */
  public String nameOf(LocalDate day) {
    Day special = days.get(day);
    return special == null ? null : special.name();
  }

  /** The special days in date order. */
  public List<Day> days() {
    return List.copyOf(days.values());
  }

  /** The table in its canonical form, a day a line: two tables that count alike and name alike are equal here. */
  public String canonical() {
    return days.values().stream().map(d -> d.date() + " " + d.kind().mark() + " " + d.name())
        .collect(Collectors.joining("\n"));
  }

  /** Same days off and make-up days (names aside): limits count alike under both. */
  public boolean countsAs(HolidaySchedule other) {
    return other != null && year == other.year && days.values().stream().map(d -> d.date() + d.kind().mark()).toList()
        .equals(other.days.values().stream().map(d -> d.date() + d.kind().mark()).toList());
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  /**
   * Reads an official table of {@code year} and checks it as a whole: every line a date or a range
   * within the year with 休 or 班, no day listed twice, a 班 day on a weekend (make-up days are
   * weekends by definition), and no 休 entry made of weekend days only (those are off anyway; the
   * notice lists them only inside a holiday's range). Every problem is reported, with its line.
   */
  public static HolidaySchedule parse(int year, String table) {
    Map<LocalDate, Day> days = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    List<String> lines = lines(table);
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      int hash = lines.get(i).indexOf('#');
      String text = (hash >= 0 ? lines.get(i).substring(0, hash) : lines.get(i)).strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("\\s+", 3);
      if (parts.length < 2) {
        problems.add(new Problem(lineNo, "格式应为“日期[..日期] 休|班 名称”，如“" + year + "-01-01 休 元旦”"));
        continue;
      }
      Kind kind = switch (parts[1]) {
        case "休" -> Kind.OFF;
        case "班" -> Kind.WORK;
        default -> null;
      };
      if (kind == null) {
        problems.add(new Problem(lineNo, "第二项须为“休”（放假）或“班”（调休上班），而不是“" + parts[1] + "”"));
        continue;
      }
      String name = parts.length > 2 ? parts[2].strip() : (kind == Kind.WORK ? "调休上班" : "放假");
      LocalDate from;
      LocalDate to;
      try {
        String[] range = parts[0].split("\\.\\.", -1);
        from = LocalDate.parse(range[0]);
        to = range.length > 1 ? LocalDate.parse(range[1]) : from;
        if (range.length > 2) {
          throw new DateTimeParseException("two ranges", parts[0], 0);
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem(lineNo, "“" + parts[0] + "”不是有效日期，日期写作 yyyy-MM-dd，范围写作“起..止”"));
        continue;
      }
      if (from.getYear() != year || to.getYear() != year) {
        problems.add(new Problem(lineNo, parts[0] + "不在" + year + "年内"));
        continue;
      }
      if (to.isBefore(from)) {
        problems.add(new Problem(lineNo, parts[0] + "的结束日期早于开始日期"));
        continue;
      }
      List<LocalDate> range = from.datesUntil(to.plusDays(1)).toList();
      if (kind == Kind.WORK) {
        List<LocalDate> weekdays = range.stream().filter(d -> !isWeekend(d)).toList();
        if (!weekdays.isEmpty()) {
          problems.add(new Problem(lineNo, "调休上班日须为周六或周日，" + dates(weekdays) + "本就是工作日"));
          continue;
        }
      } else if (range.stream().allMatch(HolidaySchedule::isWeekend)) {
        problems.add(new Problem(lineNo, dates(range) + "本就是周末；通知所列的周末休息日，请与相连的放假日期写成一个范围"));
        continue;
      }
      for (LocalDate d : range) {
        if (days.containsKey(d)) {
          problems.add(new Problem(lineNo, d + "已在前面列出（" + days.get(d).kind().mark() + " " + days.get(d).name()
              + "），同一天只能列一次"));
        } else {
          days.put(d, new Day(d, kind, name));
        }
      }
    }
    if (problems.isEmpty() && days.isEmpty()) {
      problems.add(new Problem(0, "没有任何放假或调休上班的日期"));
    }
    if (!problems.isEmpty()) {
      throw new HolidayTableException(year, problems);
    }
    return new HolidaySchedule(year, false, days);
  }

  private static String dates(List<LocalDate> days) {
    return days.size() == 1 ? days.get(0).toString() : days.get(0) + "至" + days.get(days.size() - 1);
  }

  private static List<String> lines(String table) {
    try (BufferedReader reader = new BufferedReader(new StringReader(table == null ? "" : table))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
