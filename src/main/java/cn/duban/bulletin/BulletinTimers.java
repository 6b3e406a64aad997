package cn.duban.bulletin;

import cn.duban.engine.CalendarTimers;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R34: the bulletin's timers: the month's start on the schedule of the settings (BulletinSchedule),
 * and the month's first working day, counted by the working-day calendar (BulletinDelegates).
 */
@Component
public class BulletinTimers implements CalendarTimers {

  @Override
  public Set<String> limitVariables() {
    return Set.of(BulletinDelegates.FIRST_WORKING_DAY_AT);
  }

  @Override
  public Set<String> scheduleBeans() {
    return Set.of("bulletinSchedule");
  }
}
