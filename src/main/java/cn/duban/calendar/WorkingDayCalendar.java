package cn.duban.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * R25: the one working-day calendar behind every limit. A year counts by its official table (the
 * State Council's notice, kept by {@link HolidayTables}) or, while that is not out, provisionally
 * by the statutory holidays ({@link StatutoryHolidays}). Nothing stops for a missing year; a limit
 * that touched a provisional year says so ({@link #provisionalBetween}) and is re-timed once the
 * year's table arrives ({@link Retimer}).
 */
public class WorkingDayCalendar {

  private volatile Map<Integer, HolidaySchedule> official;
  private final Map<Integer, HolidaySchedule> provisional = new ConcurrentHashMap<>();

  /** A calendar of exactly the given official years; every other year is provisional. */
  public WorkingDayCalendar(Map<Integer, HolidaySchedule> official) {
    this.official = Map.copyOf(official);
  }

  /** The official tables changed (entered, corrected, or another node's change seen): count by these from now on. */
  void replaceOfficial(Map<Integer, HolidaySchedule> tables) {
    this.official = Map.copyOf(tables);
  }

  public NavigableSet<Integer> officialYears() {
    return Collections.unmodifiableNavigableSet(new TreeSet<>(official.keySet()));
  }

  public boolean isOfficial(int year) {
    return official.containsKey(year);
  }

  /** The table a year counts by: the official one, else the statutory holidays (provisional). */
  public HolidaySchedule schedule(int year) {
    HolidaySchedule table = official.get(year);
    return table != null ? table : provisional.computeIfAbsent(year, StatutoryHolidays::of);
  }

  public boolean isWorkingDay(LocalDate day) {
    return schedule(day.getYear()).isWorkingDay(day);
  }

  /** The name of the holiday or make-up day, or null on an ordinary day. */
  public String holidayName(LocalDate day) {
    return schedule(day.getYear()).nameOf(day);
  }

  /**
   * Whether counting the days after {@code from} up to {@code to} passes through a year without an
   * official table: a limit counted so is provisional.
   */
  public boolean provisionalBetween(LocalDate from, LocalDate to) {
    LocalDate first = from.isBefore(to) ? from.plusDays(1) : to;
    LocalDate last = from.isBefore(to) ? to : from;
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      if (!isOfficial(year)) {
        return true;
      }
    }
    return false;
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

  /** For tests and tools: the built-in official years. */
  public static WorkingDayCalendar builtIn() {
    Map<Integer, HolidaySchedule> years = new TreeMap<>();
    HolidayFiles.builtIn().forEach((year, file) -> years.put(year, HolidaySchedule.parse(year, file.content())));
    return new WorkingDayCalendar(years);
  }
}
