package cn.duban.supervision;

import cn.duban.common.InputException;
import java.util.Map;
import cn.duban.engine.ApplicationMessages;
import org.camunda.bpm.engine.RuntimeService;
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
  private final ApplicationMessages messages;

  public FeedbackSheetRequest(SupervisionService cases, LeaderInstructions instructions,
      FeedbackSheetRepository sheets, RuntimeService runtime, ApplicationMessages messages) {
    this.cases = cases;
    this.instructions = instructions;
    this.sheets = sheets;
    this.runtime = runtime;
    this.messages = messages;
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
    messages.correlate(MESSAGE, c.getProcessInstanceId(),
        m -> m.setVariablesLocal(Map.of("sheetRequestedBy", userId)));
    // the correlation issued the sheet in this transaction
    var issued = sheets.findByCaseIdOrderBySequence(caseId);
    return issued.get(issued.size() - 1);
  }
}
