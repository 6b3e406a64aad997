package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R25: the working-day calendar, across the 2026 Spring Festival, National Day and make-up days. */
class WorkingDayCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar =
      new WorkingDayCalendar(new CalendarProperties(SHANGHAI, "target/no-holiday-overrides", null));

  @ParameterizedTest(name = "R25 {0} plus {1} working days ends on {2}")
  @CsvSource({
      // the rule's own example: Friday before the Spring Festival, Saturday 14 Feb is a make-up day
      "2026-02-13, 1, 2026-02-14",
      "2026-02-13, 2, 2026-02-24",
      "2026-02-14, 1, 2026-02-24",
      // inside the holiday: counting starts after it
      "2026-02-17, 1, 2026-02-24",
      // the second Spring Festival make-up day, Saturday 28 Feb
      "2026-02-27, 1, 2026-02-28",
      "2026-02-27, 2, 2026-03-02",
      // National Day: Sunday 20 Sep and Saturday 10 Oct are make-up days, 1-7 Oct are off
      "2026-09-18, 1, 2026-09-20",
      "2026-09-30, 1, 2026-10-08",
      "2026-10-08, 2, 2026-10-10",
      "2026-10-09, 1, 2026-10-10",
      // Mid-Autumn 25-27 Sep
      "2026-09-24, 1, 2026-09-28",
      // an ordinary week: Friday plus one is Monday; zero days is the day itself
      "2026-03-06, 1, 2026-03-09",
      "2026-03-06, 0, 2026-03-06",
      // New Year 2026: 1-3 Jan off, Sunday 4 Jan a make-up day
      "2025-12-31, 1, 2026-01-04",
      // 2025 data too: Spring Festival 28 Jan - 4 Feb, make-up Sunday 26 Jan
      "2025-01-24, 1, 2025-01-26",
      "2025-01-27, 1, 2025-02-05",
  })
  void addWorkingDays(LocalDate from, int days, LocalDate expected) {
    assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "R25 {0} is a working day: {1}")
  @CsvSource({
      "2026-01-01, false", "2026-01-04, true", "2026-02-14, true", "2026-02-16, false", "2026-02-23, false",
      "2026-02-24, true", "2026-03-07, false", "2026-03-09, true", "2026-05-09, true", "2026-05-05, false",
      "2026-10-07, false", "2026-10-10, true", "2026-06-19, false",
  })
  void workingDays(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  @DisplayName("R25 working days between two days skip the Spring Festival and count the make-up days")
  void workingDaysBetween() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24))).isEqualTo(2);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 13))).isEqualTo(-2);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2))).isZero();
    assertThat(calendar.holidayName(LocalDate.of(2026, 2, 14))).isEqualTo("春节调休上班");
  }

  @Test
  @DisplayName("R25 a limit that reaches a year without holiday data fails loudly instead of counting weekends")
  void missingYearFails() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 3))
        .isInstanceOf(MissingHolidayDataException.class)
        .hasMessageContaining("2027年节假日安排尚未录入")
        .hasMessageContaining("2027.txt");
    assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
  }

  @Test
  @DisplayName("R25 an administrator adds a year with a file in the holiday folder")
  void administratorAddsAYear(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("2027.txt"), "# test data\n2027-01-01..2027-01-03 休 元旦\n");
    WorkingDayCalendar withFile = new WorkingDayCalendar(new CalendarProperties(SHANGHAI, dir.toString(), null));
    assertThat(withFile.coveredYears()).containsExactly(2025, 2026, 2027);
    // Thursday 31 Dec 2026, one working day: 1-3 Jan off, so Monday 4 Jan 2027
    assertThat(withFile.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  @DisplayName("R25 a malformed holiday file is refused with its line")
  void malformedFile() {
    assertThatThrownBy(() -> HolidaySchedule.parse(2027, new StringReader("2027-01-01 放 元旦\n"), "2027.txt"))
        .hasMessageContaining("2027.txt:1").hasMessageContaining("休 or 班");
    assertThatThrownBy(() -> HolidaySchedule.parse(2027, new StringReader("2026-12-31 休 元旦\n"), "2027.txt"))
        .hasMessageContaining("not a range within 2027");
  }

  @Test
  @DisplayName("R25 a limit ends at the end of its last working day, in Beijing time")
  void limitClockEndOfDay() {
    LimitClock clock = new LimitClock(calendar, new CalendarProperties(SHANGHAI, null, null));
    Date friday = Date.from(ZonedDateTime.of(2026, 2, 13, 10, 0, 0, 0, SHANGHAI).toInstant());
    assertThat(clock.endOfWorkingDays(friday, 1).toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 2, 14, 23, 59, 59, 0, SHANGHAI).toInstant());
    assertThat(clock.endOfDeadline(LocalDate.of(2026, 3, 20)).toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 3, 20, 23, 59, 59, 0, SHANGHAI).toInstant());
    // Monday 10:00, deadline end of Friday 20 Mar: submitted on 13 Mar leaves 5 whole working days
    assertThat(clock.workingDaysBefore(ZonedDateTime.of(2026, 3, 13, 10, 0, 0, 0, SHANGHAI).toInstant(),
        clock.endOfDeadline(LocalDate.of(2026, 3, 20)))).isEqualTo(5);
  }

  @Test
  @DisplayName("R25 the demonstration setting lets a working day last a minute")
  void demoWorkingDay() {
    LimitClock clock = new LimitClock(calendar, new CalendarProperties(SHANGHAI, null, Duration.ofMinutes(1)));
    Date start = Date.from(ZonedDateTime.of(2026, 2, 13, 10, 0, 0, 0, SHANGHAI).toInstant());
    assertThat(Duration.between(start.toInstant(), clock.endOfWorkingDays(start, 5).toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
  }
}
