package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.Map;
import cn.duban.engine.ApplicationMessages;
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
  private final ApplicationMessages messages;

  public CaseWithdrawal(SupervisionService cases, ApplicationMessages messages) {
    this.cases = cases;
    this.messages = messages;
  }

  @Transactional(noRollbackFor = InputException.class)
  public SupervisionCase request(Long caseId, String reason, String userId) {
    SupervisionCase c = cases.get(caseId);
    cases.checkWithdrawable(c, reason);
    messages.correlate(MESSAGE, c.getProcessInstanceId(),
        m -> m.setVariables(Map.of("withdrawalReason", reason.strip(), "withdrawnBy", userId)));
    // the correlation ran the case's withdrawal in this transaction, on this very case
    return c;
  }
}
