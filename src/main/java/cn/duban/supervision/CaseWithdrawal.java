package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
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
  private final IdentityService identity;

  public CaseWithdrawal(SupervisionService cases, RuntimeService runtime, IdentityService identity) {
    this.cases = cases;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Transactional(noRollbackFor = InputException.class)
  public SupervisionCase request(Long caseId, String reason, String userId) {
    SupervisionCase c = cases.get(caseId);
    cases.checkWithdrawable(c, reason);
    // the caller's right to withdraw is checked by now; the message is the application's own, and
    // nobody but administrators may send one into an instance themselves
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.createMessageCorrelation(MESSAGE)
          .processInstanceId(c.getProcessInstanceId())
          .setVariables(Map.of("withdrawalReason", reason.strip(), "withdrawnBy", userId))
          .correlate();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    // the correlation ran the case's withdrawal in this transaction, on this very case
    return c;
  }
}
