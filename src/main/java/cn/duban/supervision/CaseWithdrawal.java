package cn.duban.supervision;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import cn.duban.common.InputException;
import org.springframework.transaction.annotation.Transactional;

/**
 * R10: a withdrawal request, from Tasklist (case-withdrawal.bpmn) or the API. It is checked, then
 * sent to the case's process, whose event subprocess 撤销立项 records it and ends the case.
 */
@Component
public class CaseWithdrawal {

  /** The message that interrupts a supervision case. */
  public static final String MESSAGE = "CaseWithdrawn";

  private final SupervisionService cases;
  private final RuntimeService runtime;

  public CaseWithdrawal(SupervisionService cases, RuntimeService runtime) {
    this.cases = cases;
    this.runtime = runtime;
  }

  @Transactional(noRollbackFor = InputException.class)
  public SupervisionCase request(String caseNumber, String reason, String userId) {
    SupervisionCase c = cases.checkWithdrawable(caseNumber, reason);
    runtime.createMessageCorrelation(MESSAGE)
        .processInstanceId(c.getProcessInstanceId())
        .setVariables(Map.of("withdrawalReason", reason.strip(), "withdrawnBy", userId))
        .correlate();
    return cases.get(c.getId());
  }
}
