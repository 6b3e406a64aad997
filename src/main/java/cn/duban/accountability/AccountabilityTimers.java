package cn.duban.accountability;

import cn.duban.engine.CalendarTimers;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The limit of an accountability procedure its timer fires at: the appeal deadline, counted in working days. */
@Component
public class AccountabilityTimers implements CalendarTimers {

  @Override
  public Set<String> limitVariables() {
    return Set.of(AccountabilityVariables.APPEAL_DEADLINE_AT);
  }
}
