package cn.duban.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Turns limits into the instants that timers fire at and tasks fall due at (principle 4, docs/architecture.md).
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
  /** Set while re-timing a task due date "as of" the task's creation ({@link #asOf}). */
  private final ThreadLocal<Instant> asOf = new ThreadLocal<>();

  public LimitClock(WorkingDayCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.zone = properties.zone();
    this.demoWorkingDay = properties.demoWorkingDay();
  }

  public Instant now() {
    Instant fixed = asOf.get();
    return fixed != null ? fixed : ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * Evaluates {@code work} as if it were {@code moment}: a due date expression such as
   * {@code ${dueDates.review()}} then counts from when its task was created, not from now.
   */
  public <T> T asOf(Instant moment, Supplier<T> work) {
    Instant outer = asOf.get();
    asOf.set(moment);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        asOf.remove();
      } else {
        asOf.set(outer);
      }
    }
  }

  /**
   * Whether a limit counted in working days from {@code from} to {@code limit} passed through a
   * year without an official holiday table (R25: provisional until the table arrives).
   */
  public boolean provisional(Instant from, Instant limit) {
    if (demoWorkingDay != null || from == null || limit == null) {
      return false;
    }
    return calendar.provisionalBetween(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(limit, zone));
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

  /**
   * A limit moved on by {@code workingDays} working days: the end of the working day that many
   * working days after the limit's day (R7: the days a closure report waited for review).
   */
  public Instant laterByWorkingDays(Instant limit, int workingDays) {
    if (workingDays <= 0) {
      return limit;
    }
    if (demoWorkingDay != null) {
      return limit.plus(demoWorkingDay.multipliedBy(workingDays));
    }
    return endOf(calendar.addWorkingDays(LocalDate.ofInstant(limit, zone), workingDays)).toInstant();
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
