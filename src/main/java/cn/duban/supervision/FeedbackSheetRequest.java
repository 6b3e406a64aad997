package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R28: the supervision office asks for a feedback sheet of an instructed case. A running case's
 * process issues it in its event subprocess 呈报督办反馈单, which also links it in the case's
 * record; a case whose process has ended (closed, withdrawn) gets it issued here, its record being
 * final.
 */
@Component
public class FeedbackSheetRequest {

  /** The message that starts the event subprocess 呈报督办反馈单 of a supervision case. */
  public static final String MESSAGE = "FeedbackSheetRequested";

  private final SupervisionService cases;
  private final LeaderInstructions instructions;
  private final FeedbackSheetRepository sheets;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public FeedbackSheetRequest(SupervisionService cases, LeaderInstructions instructions,
      FeedbackSheetRepository sheets, RuntimeService runtime, IdentityService identity) {
    this.cases = cases;
    this.instructions = instructions;
    this.sheets = sheets;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Transactional(noRollbackFor = InputException.class)
  public FeedbackSheet request(Long caseId, String userId) {
    SupervisionCase c = cases.get(caseId);
    if (c.getInstruction() == null) {
      throw new InputException("caseId", c.getCaseNumber() + "不是领导批示件，无需督办反馈单（caseId）");
    }
    boolean running = c.getProcessInstanceId() != null
        && runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).count() > 0;
    if (!running) {
      return instructions.issueOnDemand(c, userId);
    }
    // the caller's right is checked by now; the message is the application's own, and nobody but
    // administrators may send one into an instance themselves
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.createMessageCorrelation(MESSAGE)
          .processInstanceId(c.getProcessInstanceId())
          .setVariablesLocal(Map.of("sheetRequestedBy", userId))
          .correlate();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    // the correlation issued the sheet in this transaction
    var issued = sheets.findByCaseIdOrderBySequence(caseId);
    return issued.get(issued.size() - 1);
  }
}
