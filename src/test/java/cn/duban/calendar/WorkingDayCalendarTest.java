package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R25: the working-day calendar, across the 2026 Spring Festival, National Day and make-up days. */
class WorkingDayCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();

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
  @DisplayName("R25 2026-12-25 plus 5 working days with no 2027 table: 4 January 2027, counted provisionally")
  void provisionalAcrossNewYear() {
    assertThat(calendar.isOfficial(2026)).isTrue();
    assertThat(calendar.isOfficial(2027)).isFalse();
    // Friday 25 Dec: 28, 29, 30, 31 Dec; 1 Jan is 元旦 by statute, 2-3 Jan the weekend; Monday 4 Jan is the fifth
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 25), 5)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(calendar.provisionalBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 4))).isTrue();
    assertThat(calendar.provisionalBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isFalse();
    // a limit ending on 31 December never looked at 2027
    assertThat(calendar.provisionalBetween(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31))).isFalse();
    LimitClock clock = new LimitClock(calendar, new CalendarProperties(SHANGHAI, null, null));
    Date deadline = Date.from(ZonedDateTime.of(2026, 12, 25, 23, 59, 59, 0, SHANGHAI).toInstant());
    assertThat(clock.provisional(deadline.toInstant(), clock.endOfWorkingDays(deadline, 5).toInstant())).isTrue();
    assertThat(clock.provisional(deadline.toInstant(), clock.endOfWorkingDays(deadline, 4).toInstant())).isFalse();
  }

  @ParameterizedTest(name = "R25 {0}: 除夕 {1}, 清明 {2}, 端午 {3}, 中秋 {4}, computed from the lunar calendar")
  @CsvSource({
      "2027, 2027-02-05, 2027-04-05, 2027-06-09, 2027-09-15",
      "2028, 2028-01-25, 2028-04-04, 2028-05-28, 2028-10-03",
      "2030, 2030-02-02, 2030-04-05, 2030-06-05, 2030-09-12",
  })
  void statutoryHolidays(int year, LocalDate eve, LocalDate qingming, LocalDate duanwu, LocalDate midAutumn) {
    HolidaySchedule s = StatutoryHolidays.of(year);
    assertThat(s.provisional()).isTrue();
    // 春节: 4 days from 除夕
    for (int i = 0; i < 4; i++) {
      assertThat(s.isWorkingDay(eve.plusDays(i))).as("春节 day %d", i + 1).isFalse();
      assertThat(s.nameOf(eve.plusDays(i))).contains("春节");
    }
    if (!HolidaySchedule.isWeekend(eve.plusDays(4))) {
      assertThat(s.isWorkingDay(eve.plusDays(4))).as("the fifth day from 除夕").isTrue();
    }
    assertThat(s.nameOf(qingming)).isEqualTo("清明节");
    assertThat(s.nameOf(duanwu)).isEqualTo("端午节");
    assertThat(s.nameOf(midAutumn)).contains("中秋节");
    assertThat(s.nameOf(LocalDate.of(year, 1, 1))).isEqualTo("元旦");
    assertThat(s.nameOf(LocalDate.of(year, 5, 2))).isEqualTo("劳动节");
    assertThat(s.nameOf(LocalDate.of(year, 10, 3))).contains("国庆节");
    // 13 statutory days (a festival falling on another shares its day), no make-up working day
    assertThat(s.days()).hasSizeBetween(12, 13).allMatch(d -> d.kind() == HolidaySchedule.Kind.OFF);
  }

  @Test
  @DisplayName("R25 2027 provisionally: 除夕 5 February to 8 February off, 9 February a working day")
  void springFestival2027() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
    assertThat(LocalDate.of(2027, 2, 5).datesUntil(LocalDate.of(2027, 2, 9))).allMatch(d -> !calendar.isWorkingDay(d));
    assertThat(calendar.holidayName(LocalDate.of(2027, 2, 5))).isEqualTo("春节");
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 9))).isTrue();
  }

  @ParameterizedTest(name = "R25 the statutory holidays of {0} are days off in that year's official table")
  @CsvSource({"2025", "2026"})
  void statutoryWithinOfficial(int year) {
    HolidaySchedule official = calendar.schedule(year);
    assertThat(official.provisional()).isFalse();
    assertThat(StatutoryHolidays.of(year).days())
        .allSatisfy(d -> assertThat(official.isWorkingDay(d.date())).as("%s %s", d.date(), d.name()).isFalse());
  }

  @Test
  @DisplayName("R25 an official table replaces the provisional count of its year")
  void officialReplacesProvisional() {
    WorkingDayCalendar withTable = WorkingDayCalendar.builtIn();
    withTable.replaceOfficial(Map.of(2026, calendar.schedule(2026),
        2027, HolidaySchedule.parse(2027, "2027-01-01..2027-01-03 休 元旦\n2027-01-09 班 元旦调休上班\n")));
    assertThat(withTable.isOfficial(2027)).isTrue();
    // Thursday 31 Dec 2026, one working day: 1-3 Jan off, so Monday 4 Jan 2027
    assertThat(withTable.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(withTable.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
    assertThat(withTable.provisionalBetween(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 4))).isFalse();
  }

  @Test
  @DisplayName("R25 a holiday table is checked whole: every bad line named, in Chinese")
  void tableChecked() {
    String table = String.join("\n",
        "# 国务院办公厅关于2027年部分节假日安排的通知",
        "2027-01-01 放 元旦",              // 2: neither 休 nor 班
        "2026-12-31 休 元旦",              // 3: not in 2027
        "2027-02-30 休 春节",              // 4: no such date
        "2027-02-10 班 春节调休上班",      // 5: a Wednesday is a working day anyway
        "2027-01-09..2027-01-10 休 周末",  // 6: a weekend is off anyway
        "2027-02-05..2027-02-11 休 春节",
        "2027-02-08 休 春节",              // 8: listed twice
        "2027-02-20 班 春节调休上班");
    assertThatThrownBy(() -> HolidaySchedule.parse(2027, table))
        .isInstanceOfSatisfying(HolidayTableException.class, e -> {
          assertThat(e.field()).isEqualTo("table");
          assertThat(e.problems()).extracting(HolidaySchedule.Problem::line).containsExactly(2, 3, 4, 5, 6, 8);
          assertThat(e.problems().get(0).message()).contains("“休”", "“班”");
          assertThat(e.problems().get(1).message()).contains("不在2027年内");
          assertThat(e.problems().get(2).message()).contains("不是有效日期");
          assertThat(e.problems().get(3).message()).contains("调休上班日须为周六或周日");
          assertThat(e.problems().get(4).message()).contains("本就是周末");
          assertThat(e.problems().get(5).message()).contains("2027-02-08已在前面列出");
        });
    assertThatThrownBy(() -> HolidaySchedule.parse(2027, "# 只有注释\n"))
        .hasMessageContaining("没有任何放假或调休上班的日期");
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
