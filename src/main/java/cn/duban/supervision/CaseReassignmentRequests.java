package cn.duban.supervision;

import cn.duban.common.InputException;
import cn.duban.supervision.SupervisionService.ReassignmentInput;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
  private final RuntimeService runtime;
  private final IdentityService identity;

  public CaseReassignmentRequests(SupervisionService cases, RuntimeService runtime, IdentityService identity) {
    this.cases = cases;
    this.runtime = runtime;
    this.identity = identity;
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
    // the caller's right to reassign is checked by now; the message is the application's own, and
    // nobody but administrators may send one into an instance themselves
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.createMessageCorrelation(MESSAGE).processInstanceId(c.getProcessInstanceId())
          .setVariables(variables).correlate();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    return c;
  }
}
