package cn.duban.complaint;

import cn.duban.engine.CalendarTimers;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The limits of a complaint its timers fire at, each counted by the working-day calendar (ComplaintVariables). */
@Component
public class ComplaintTimers implements CalendarTimers {

  @Override
  public Set<String> limitVariables() {
    return Set.of(ComplaintVariables.REMINDER_AT, ComplaintVariables.URGING_AT, ComplaintVariables.CRITICISM_AT);
  }
}
