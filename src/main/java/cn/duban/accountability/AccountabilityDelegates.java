package cn.duban.accountability;

import static cn.duban.common.FormValues.string;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.common.InputException;
import cn.duban.organization.OrganizationService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of accountability.bpmn. For now the procedure is one recorded decision of the
 * supervision office; severity, measures, upward trace and appeal come with the full procedure.
 */
@Configuration
public class AccountabilityDelegates {

  private final AccountabilityDecisionRepository decisions;
  private final OrganizationService organization;
  private final LimitClock clock;

  public AccountabilityDelegates(AccountabilityDecisionRepository decisions, OrganizationService organization,
      LimitClock clock) {
    this.decisions = decisions;
    this.organization = organization;
    this.clock = clock;
  }

  /** Reads the subject ("UNIT:code" or "PERSON:id") and opens the procedure's record. */
  @Bean
  public JavaDelegate openAccountability() {
    return ex -> {
      String subject = string(ex, "subject");
      int colon = subject == null ? -1 : subject.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("subject must be UNIT:<code> or PERSON:<id>, was " + subject);
      }
      String type = subject.substring(0, colon);
      String id = subject.substring(colon + 1);
      String name = "UNIT".equals(type) ? organization.unitName(id) : organization.personName(id);
      ex.setVariable("subjectType", type);
      ex.setVariable("subjectId", id);
      ex.setVariable("subjectName", name);
      ex.setVariable("subjectTypeLabel", "UNIT".equals(type) ? "单位" : "个人");
      if (decisions.findByProcessInstanceId(ex.getProcessInstanceId()).isEmpty()) {
        decisions.save(new AccountabilityDecision(ex.getProcessInstanceId(), type, id, name,
            string(ex, "trigger"), string(ex, "sourceCase"), clock.now()));
      }
    };
  }

  @Bean
  public JavaDelegate recordAccountabilityDecision() {
    return ex -> {
      String decision = string(ex, "accountabilityDecision");
      if (decision == null || decision.isBlank()) {
        throw new InputException("accountabilityDecision", "请填写问责决定（accountabilityDecision）");
      }
      AccountabilityDecision record = decisions.findByProcessInstanceId(ex.getProcessInstanceId()).orElseThrow();
      record.decide(decision.strip(), clock.now(), Actors.of(ex));
    };
  }
}
