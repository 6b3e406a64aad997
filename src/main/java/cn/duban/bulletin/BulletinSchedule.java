package cn.duban.bulletin;

import cn.duban.calendar.LimitClock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/** R34: when the monthly bulletin starts by itself, and the working day it waits for (bulletin.bpmn). */
@Component("bulletinSchedule")
public class BulletinSchedule {

  private final BulletinProperties properties;
  private final LimitClock clock;

  public BulletinSchedule(BulletinProperties properties, LimitClock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** The start timer's cycle (cron, from the settings). */
  public String cycle() {
    return properties.cycle();
  }

  /**
   * R25: the first working day of the month of {@code today} at the settings' time of day: the
   * 1st when it is a working day, else the first after it that the calendar counts (after 元旦 or
   * 国庆, a make-up Sunday included).
   */
  public Date firstWorkingDayOfMonth(LocalDate today) {
    LocalDate day = today.withDayOfMonth(1);
    while (!clock.calendar().isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return Date.from(day.atTime(properties.generateAt()).atZone(clock.zone()).toInstant());
  }
}
