package cn.duban.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns limits into the instants that timers fire at and tasks fall due at (DESIGN principle 4).
 * Timers ({@code timeDate}) and task due dates ({@code camunda:dueDate}) both take their dates from
 * here, so Tasklist's overdue marker and the escalation agree. "Now" is the engine's clock, so a
 * test that moves the engine clock moves every limit with it.
 *
 * <p>A limit of N working days from a moment ends at the end of the Nth working day after that
 * moment's day (R25). A deadline date ends at the end of that date.
 */
@Component("limitClock")
public class LimitClock {

  /** The last second of a day: what "ends at the end of the day" means for a timer and a due date. */
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final Duration demoWorkingDay;

  public LimitClock(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.zone = properties.zone();
    this.demoWorkingDay = properties.demoWorkingDay();
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** The end of a limit of {@code workingDays} counted from {@code from}. */
  public Date endOfWorkingDays(Date from, int workingDays) {
    if (demoWorkingDay != null) {
      return Date.from(from.toInstant().plus(demoWorkingDay.multipliedBy(workingDays)));
    }
    LocalDate start = LocalDate.ofInstant(from.toInstant(), zone);
    return endOf(calendar.addWorkingDays(start, workingDays));
  }

  /** The end of the working day {@code workingDays} before a limit's last day: when to remind. */
  public Date workingDaysBefore(Date limit, int workingDays) {
    if (demoWorkingDay != null) {
      return Date.from(limit.toInstant().minus(demoWorkingDay.multipliedBy(workingDays)));
    }
    return endOf(calendar.subtractWorkingDays(LocalDate.ofInstant(limit.toInstant(), zone), workingDays));
  }

  /** The end of a limit of {@code workingDays} from now; used by task due date expressions. */
  public Date fromNow(int workingDays) {
    return endOfWorkingDays(Date.from(now()), workingDays);
  }

  /** The instant a deadline date runs out. */
  public Date endOfDeadline(LocalDate deadline) {
    if (demoWorkingDay != null) {
      int days = Math.max(1, calendar.workingDaysBetween(today(), deadline));
      return Date.from(now().plus(demoWorkingDay.multipliedBy(days)));
    }
    return endOf(deadline);
  }

  /** Whole working days left between a moment and a later limit (0 when on the limit's day or after). */
  public int workingDaysBefore(Instant moment, Date limit) {
    if (demoWorkingDay != null) {
      long left = Duration.between(moment, limit.toInstant()).toMillis();
      return (int) Math.max(0, left / demoWorkingDay.toMillis());
    }
    LocalDate day = LocalDate.ofInstant(moment, zone);
    LocalDate limitDay = LocalDate.ofInstant(limit.toInstant(), zone);
    return Math.max(0, calendar.workingDaysBetween(day, limitDay));
  }

  public Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(zone).toInstant());
  }
}
