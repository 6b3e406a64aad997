package cn.duban.accountability;

import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Role;
import cn.duban.organization.Subject;
import cn.duban.organization.SubjectKind;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The process variables of an accountability procedure, in one place: what accountability.bpmn's
 * gateways, timers, assignments and forms read, made from the record after each step. The record
 * stays in its table; these are a copy.
 */
@Component
public class AccountabilityVariables {

  public static final String RECORD_ID = "recordId";
  public static final String APPEAL_DEADLINE_AT = "appealDeadlineAt";
  public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";
  /** The start form's fields, replaced by the record's own variables once it is opened. */
  static final List<String> START_FIELDS = List.of("subjectType", "subjectUnit", "subjectPerson");

  private final OrganizationService organization;

  public AccountabilityVariables(OrganizationService organization) {
    this.organization = organization;
  }

  public static Long recordId(VariableScope scope) {
    return ((Number) scope.getVariable(RECORD_ID)).longValue();
  }

  /** Once opened: who it is against, why, and who approves ({@code approverGroup}) and answers. */
  VariableMap opened(AccountabilityRecord r, String approverGroup) {
    return Variables.createVariables()
        .putValue(RECORD_ID, r.getId())
        .putValue("subjectTypeLabel", r.getSubjectType().label())
        .putValue("subjectName", r.getSubjectName())
        .putValue("trigger", r.getTrigger().name())
        .putValue("triggerLabel", r.getTrigger().label())
        .putValue("sourceCaseText", r.getSourceCase() == null ? "无" : r.getSourceCase())
        .putValue("sourceTitle", r.getSourceTitle() == null ? "" : r.getSourceTitle())
        .putValue("description", r.getDescription())
        .putValue("competentLeader", r.getCompetentLeader())
        .putValue("competentLeaderName", r.getCompetentLeader() == null ? groupName(approverGroup)
            : organization.personName(r.getCompetentLeader()))
        // R14: a leader approves; for the principal leader himself the group of the setting (组织部)
        .putValue("approverGroup", approverGroup)
        // the subject answers the notice: a person in person, a unit through its handlers
        .putValue("subjectAssignee", r.getSubjectType() == SubjectKind.PERSON ? r.getSubjectId() : null)
        .putValue("subjectGroup", r.getSubjectType() == SubjectKind.UNIT
            ? Groups.ofUnit(r.getSubjectId()) : Groups.EFFICIENCY_OFFICE);
  }

  private static String groupName(String groupId) {
    return Arrays.stream(Role.values()).filter(role -> groupId.equals(role.groupId())).map(Role::groupName)
        .findFirst().orElse(groupId);
  }

  /** R11, R12: the assessed fault, the measure the rules propose, and whether the failure is traced up. */
  VariableMap proposed(AccountabilityService.Proposed p, boolean traceNeeded) {
    AccountabilityRecord r = p.record();
    return Variables.createVariables()
        .putValue("severityLabel", r.getSeverity().label())
        .putValue("proposedMeasure", r.getProposedMeasure().name())
        .putValue("proposedMeasureLabel", r.getProposedMeasure().label())
        .putValue("proposalRule", p.proposal().ruleRef())
        .putValue("toDiscipline", r.isToDiscipline())
        .putValue("traceLeaderInCharge", p.trace().leaderInCharge())
        .putValue("tracePrincipalLeader", p.trace().principalLeader())
        .putValue("traceNeeded", traceNeeded);
  }

  /** R12: what the linked procedure against a leader starts with. */
  VariableMap traced(AccountabilityRecord r, AccountabilityService.TraceTarget t) {
    return Variables.createVariables()
        .putValue("subject", Subject.person(t.personId()).key())
        .putValue("trigger", Trigger.UPWARD_TRACE.name())
        .putValue("sourceCase", r.getSourceCase())
        .putValue("sourceTitle", r.getSourceTitle())
        .putValue("description", "责任倒查：" + r.getSubjectName() + "（" + r.getSeverity().label() + "过错）。"
            + r.getDescription())
        .putValue("parentId", r.getId())
        .putValue("traceLevel", t.traceLevel());
  }

  VariableMap tracedText(List<AccountabilityService.TraceTarget> targets) {
    return Variables.createVariables().putValue("tracedText", targets.stream()
        .map(t -> organization.personName(t.personId()) + (t.traceLevel() == 1 ? "（分管领导）" : "（主要领导）"))
        .collect(Collectors.joining("、", "已启动责任倒查：", "")));
  }

  VariableMap sanctioned(AccountabilityRecord r) {
    return Variables.createVariables().putValue("sanctionLabel", r.getSanction().label());
  }

  VariableMap approved(AccountabilityRecord r) {
    return Variables.createVariables().putValue("approvedMeasureLabel", r.getApprovedMeasure().label());
  }

  /** R14: the notice as the subject reads it, and the end of the appeal window its timer waits for. */
  VariableMap notified(AccountabilityRecord r) {
    return Variables.createVariables()
        .putValue("noticeText", r.getNoticeText())
        .putValue(APPEAL_DEADLINE_AT, Date.from(r.getAppealDeadlineAt()));
  }

  VariableMap answered(AccountabilityRecord r) {
    return Variables.createVariables()
        .putValue("appealed", r.getStatus() == AccountabilityStatus.APPEALED)
        .putValue("appealReasonText", r.getAppealReason() == null ? "" : r.getAppealReason());
  }

  VariableMap appealReviewed(AccountabilityRecord r) {
    return Variables.createVariables().putValue("revoked", r.getStatus() == AccountabilityStatus.REVOKED);
  }

  /** The final measure, and the rectification a unit owes with its due date. */
  VariableMap madeFinal(AccountabilityRecord r, Date rectificationDue) {
    VariableMap v = Variables.createVariables()
        .putValue("finalMeasureLabel", r.getFinalMeasure().label()
            + (r.getFinalSanction() == null ? "" : "；" + r.getFinalSanction().label() + "处分"))
        .putValue("rectificationRequired", r.getRectifyingHead() != null);
    if (rectificationDue != null) {
      v.putValue(RECTIFICATION_DUE_AT, rectificationDue);
    }
    return v;
  }
}
