package cn.duban.supervision;

import cn.duban.engine.CalendarTimers;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The limits of a supervision case its timers fire at, each counted by the working-day calendar (CaseVariables). */
@Component
public class SupervisionTimers implements CalendarTimers {

  @Override
  public Set<String> limitVariables() {
    return Set.of(CaseVariables.STAGE_LIMIT_AT, CaseVariables.SIGN_FOR_DUE_AT, CaseVariables.NEXT_CHECKPOINT_AT,
        CaseVariables.CO_UNIT_DUE_AT);
  }
}
