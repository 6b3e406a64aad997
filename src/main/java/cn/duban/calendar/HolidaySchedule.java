package cn.duban.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One year of the State Council's holiday arrangement: the days off (public holidays and the weekend
 * days merged into them) and the make-up working days (调休上班). Every other day is a working day
 * from Monday to Friday and a rest day on the weekend.
 *
 * <p>File format, one entry a line, {@code #} starts a comment:
 * <pre>
 * 2026-02-15..2026-02-23 休 春节
 * 2026-02-14 班 春节调休上班
 * </pre>
 */
public final class HolidaySchedule {

  private final int year;
  private final Map<LocalDate, Boolean> working;
  private final Map<LocalDate, String> names;

  private HolidaySchedule(int year, Map<LocalDate, Boolean> working, Map<LocalDate, String> names) {
    this.year = year;
    this.working = Collections.unmodifiableMap(working);
    this.names = Collections.unmodifiableMap(names);
  }

  public int year() {
    return year;
  }

  public boolean isWorkingDay(LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(day + " is not in " + year);
    }
    Boolean special = working.get(day);
    if (special != null) {
      return special;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The holiday's name for a special day, or null for an ordinary day. */
  public String nameOf(LocalDate day) {
    return names.get(day);
  }

  public static HolidaySchedule parse(int year, Reader source, String origin) throws IOException {
    Map<LocalDate, Boolean> working = new HashMap<>();
    Map<LocalDate, String> names = new HashMap<>();
    BufferedReader reader = new BufferedReader(source);
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("\\s+", 3);
      if (parts.length < 2) {
        throw bad(origin, lineNo, "expected '<date>[..<date>] 休|班 [name]'");
      }
      boolean isWork = switch (parts[1]) {
        case "休" -> false;
        case "班" -> true;
        default -> throw bad(origin, lineNo, "kind must be 休 or 班, was " + parts[1]);
      };
      String name = parts.length > 2 ? parts[2] : (isWork ? "调休上班" : "放假");
      LocalDate from;
      LocalDate to;
      try {
        String[] range = parts[0].split("\\.\\.");
        from = LocalDate.parse(range[0]);
        to = range.length > 1 ? LocalDate.parse(range[1]) : from;
      } catch (DateTimeParseException e) {
        throw bad(origin, lineNo, "not a date: " + parts[0]);
      }
      if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
        throw bad(origin, lineNo, parts[0] + " is not a range within " + year);
      }
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (working.put(d, isWork) != null) {
          throw bad(origin, lineNo, d + " is listed twice");
        }
        names.put(d, name);
      }
    }
    if (working.isEmpty()) {
      throw new IllegalStateException(origin + ": no holiday entries for " + year);
    }
    return new HolidaySchedule(year, working, names);
  }

  private static IllegalStateException bad(String origin, int lineNo, String message) {
    return new IllegalStateException(origin + ":" + lineNo + ": " + message);
  }
}
