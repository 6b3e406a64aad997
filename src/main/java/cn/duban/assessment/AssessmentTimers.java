package cn.duban.assessment;

import cn.duban.engine.CalendarTimers;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The assessment's timers: schedules from the settings (AssessmentSchedule), no working-day limits. */
@Component
public class AssessmentTimers implements CalendarTimers {

  @Override
  public Set<String> limitVariables() {
    return Set.of();
  }

  /** The yearly assessment and the half-year highlight selection start on the schedules of the settings. */
  @Override
  public Set<String> scheduleBeans() {
    return Set.of("assessmentSchedule");
  }
}
