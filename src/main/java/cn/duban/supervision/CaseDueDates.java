package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the office's and the leaders' tasks, read by {@code camunda:dueDate} expressions
 * such as {@code ${dueDates.urging()}}; counted in working days by the same calendar as the timers.
 */
@Component("dueDates")
public class CaseDueDates {

  private final LimitClock clock;
  private final SupervisionProperties limits;

  public CaseDueDates(LimitClock clock, SupervisionProperties limits) {
    this.clock = clock;
    this.limits = limits;
  }

  public Date urging() {
    return clock.fromNow(limits.urgingDays());
  }

  public Date review() {
    return clock.fromNow(limits.reviewDays());
  }

  public Date decision() {
    return clock.fromNow(limits.decisionDays());
  }

  public Date interview() {
    return clock.fromNow(limits.interviewDays());
  }

  /** How far ahead Tasklist's filter 即将到期 looks: three working days. */
  public Date soon() {
    return clock.fromNow(3);
  }

  /** A decision that only helps before a limit (an extension before the deadline) is due by then. */
  public Date decisionBefore(Date limit) {
    Date usual = decision();
    return limit != null && limit.before(usual) ? limit : usual;
  }
}
