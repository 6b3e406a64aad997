package cn.duban.supervision;

import cn.duban.common.InputException;
import cn.duban.supervision.SupervisionService.ReassignmentInput;
import java.util.HashMap;
import java.util.Map;
import cn.duban.engine.ApplicationMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R30: the supervision office reassigns a case to another lead unit at any time before closure
 * (the API, {@code POST /api/cases/{id}/reassignment}). The request is checked, then sent to the
 * case's process, whose boundary event 收到改派决定 ends the old unit's undertaking and starts it
 * afresh for the new unit.
 */
@Component
public class CaseReassignmentRequests {

  /** The message that reassigns a supervision case. */
  public static final String MESSAGE = "CaseReassigned";

  private final SupervisionService cases;
  private final ApplicationMessages messages;

  public CaseReassignmentRequests(SupervisionService cases, ApplicationMessages messages) {
    this.cases = cases;
    this.messages = messages;
  }

  @Transactional(noRollbackFor = InputException.class)
  public SupervisionCase request(Long caseId, ReassignmentInput in, String userId) {
    SupervisionCase c = cases.get(caseId);
    cases.checkReassignment(c, in);
    Map<String, Object> variables = new HashMap<>();
    variables.put("newLeadUnit", in.leadUnit().strip());
    variables.put("newResponsiblePerson", in.responsiblePerson().strip());
    variables.put("newDeadline", in.deadline() == null || in.deadline().isBlank() ? null : in.deadline().strip());
    variables.put("reassignmentReason", in.reason().strip());
    variables.put("reassignedBy", userId);
    messages.correlate(MESSAGE, c.getProcessInstanceId(), m -> m.setVariables(variables));
    return c;
  }
}
