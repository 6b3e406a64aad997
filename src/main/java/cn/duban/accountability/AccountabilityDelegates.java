package cn.duban.accountability;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.organization.Subject;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.organization.SubjectKind;
/** The delegates of accountability.bpmn, each named after its step. */
@Configuration
public class AccountabilityDelegates {

  public static final String PROCESS_KEY = "accountability";
  public static final String RECORD_ID = "recordId";
  public static final String APPEAL_DEADLINE_AT = "appealDeadlineAt";
  public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";

  /** The start form's fields, replaced by the record's own variables once it is opened. */
  private static final List<String> START_FIELDS = List.of("subjectType", "subjectUnit", "subjectPerson");

  private final AccountabilityService service;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final AccountabilityProperties properties;
  private final Access access;

  public AccountabilityDelegates(AccountabilityService service, OrganizationService organization, LimitClock clock,
      AccountabilityProperties properties, Access access) {
    this.service = service;
    this.organization = organization;
    this.clock = clock;
    this.properties = properties;
    this.access = access;
  }

  /** Opens the record: from the supervision case's call, a trace, or the efficiency office's start form. */
  @Bean
  public JavaDelegate openAccountability() {
    return ex -> {
      Object parent = ex.getVariable("parentId");
      Object level = ex.getVariable("traceLevel");
      AccountabilityRecord r = service.open(new AccountabilityService.Opening(string(ex, "subject"),
          string(ex, "subjectType"), string(ex, "subjectUnit"), string(ex, "subjectPerson"), string(ex, "trigger"),
          string(ex, "sourceCase"), string(ex, "sourceTitle"), string(ex, "description"),
          parent == null ? null : ((Number) parent).longValue(), level == null ? 0 : ((Number) level).intValue(),
          string(ex, "caseLeader")), ex.getProcessInstanceId(), Actors.of(ex));
      access.grant(r.viewers());
      ex.removeVariables(START_FIELDS);
      if (ex.getProcessBusinessKey() == null && r.getSourceCase() != null) {
        ex.setProcessBusinessKey(r.getSourceCase());
      }
      ex.setVariables(Variables.createVariables()
          .putValue(RECORD_ID, r.getId())
          .putValue("subjectTypeLabel", r.getSubjectType().label())
          .putValue("subjectName", r.getSubjectName())
          .putValue("trigger", r.getTrigger().name())
          .putValue("triggerLabel", r.getTrigger().label())
          .putValue("sourceCaseText", r.getSourceCase() == null ? "无" : r.getSourceCase())
          .putValue("sourceTitle", r.getSourceTitle() == null ? "" : r.getSourceTitle())
          .putValue("description", r.getDescription())
          .putValue("competentLeader", r.getCompetentLeader())
          .putValue("competentLeaderName", r.getCompetentLeader() == null ? "上级机关（由效能办录入）"
              : organization.personName(r.getCompetentLeader()))
          // R14: a leader approves; for the principal leader the efficiency office records his superiors' decision
          .putValue("approverGroup", r.getTraceLevel() >= 2 ? Groups.EFFICIENCY_OFFICE : Groups.PRINCIPAL_LEADERS)
          // the subject answers the notice: a person in person, a unit through its handlers
          .putValue("subjectAssignee", r.getSubjectType() == SubjectKind.PERSON ? r.getSubjectId() : null)
          .putValue("subjectGroup", r.getSubjectType() == SubjectKind.UNIT
              ? Groups.ofUnit(r.getSubjectId()) : Groups.EFFICIENCY_OFFICE));
    };
  }

  /** R11: records the efficiency office's assessment and asks the rules for the measure and the trace. */
  @Bean
  public JavaDelegate proposeMeasure() {
    return ex -> {
      Long id = recordId(ex);
      service.assess(id, string(ex, "severity"), bool(ex, "directResponsibility"), string(ex, "facts"), Actors.of(ex));
      AccountabilityService.Proposed d = service.propose(id);
      AccountabilityRecord r = service.get(id);
      ex.setVariables(Variables.createVariables()
          .putValue("severityLabel", r.getSeverity().label())
          .putValue("proposedMeasure", r.getProposedMeasure().name())
          .putValue("proposedMeasureLabel", r.getProposedMeasure().label())
          .putValue("proposalRule", d.proposal().ruleRef())
          .putValue("toDiscipline", r.isToDiscipline())
          .putValue("traceLeaderInCharge", d.trace().leaderInCharge())
          .putValue("tracePrincipalLeader", d.trace().principalLeader())
          .putValue("traceNeeded", !service.traceTargets(id, d.trace()).isEmpty()));
    };
  }

  /** R12: opens a linked procedure of this process for each leader the failure is traced to. */
  @Bean
  public JavaDelegate openUpwardTrace() {
    return ex -> {
      Long id = recordId(ex);
      AccountabilityRecord r = service.get(id);
      List<AccountabilityService.TraceTarget> targets = service.traceTargets(id, new AccountabilityRules.Trace(
          Boolean.TRUE.equals(bool(ex, "traceLeaderInCharge")), Boolean.TRUE.equals(bool(ex, "tracePrincipalLeader")),
          null));
      for (AccountabilityService.TraceTarget t : targets) {
        ex.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
            ex.getProcessBusinessKey(), Variables.createVariables()
                .putValue("subject", Subject.person(t.personId()).key())
                .putValue("trigger", Trigger.UPWARD_TRACE.name())
                .putValue("sourceCase", r.getSourceCase())
                .putValue("sourceTitle", r.getSourceTitle())
                .putValue("description", "责任倒查：" + r.getSubjectName() + "（" + r.getSeverity().label() + "过错）。"
                    + r.getDescription())
                .putValue("parentId", id)
                .putValue("traceLevel", t.traceLevel()));
      }
      ex.setVariable("tracedText", targets.stream()
          .map(t -> organization.personName(t.personId()) + (t.traceLevel() == 1 ? "（分管领导）" : "（主要领导）"))
          .collect(Collectors.joining("、", "已启动责任倒查：", "")));
    };
  }

  @Bean
  public JavaDelegate recordSanction() {
    return ex -> {
      AccountabilityRecord r = service.decideSanction(recordId(ex), string(ex, "sanction"), string(ex, "sanctionReason"),
          Actors.of(ex));
      ex.setVariable("sanctionLabel", r.getSanction().label());
    };
  }

  @Bean
  public JavaDelegate recordApproval() {
    return ex -> {
      AccountabilityRecord r = service.approve(recordId(ex), string(ex, "approvalDecision"),
          string(ex, "changedMeasure"), string(ex, "changeReason"), Actors.of(ex));
      ex.setVariable("approvedMeasureLabel", r.getApprovedMeasure().label());
    };
  }

  /** R14: the notice to the subject, and the appeal window it opens. */
  @Bean
  public JavaDelegate notifySubject() {
    return ex -> {
      AccountabilityRecord r = service.notifySubject(recordId(ex));
      ex.setVariable("noticeText", r.getNoticeText());
      ex.setVariable(APPEAL_DEADLINE_AT, Date.from(r.getAppealDeadlineAt()));
    };
  }

  @Bean
  public JavaDelegate recordResponse() {
    return ex -> {
      AccountabilityRecord r = service.respond(recordId(ex), string(ex, "response"), string(ex, "appealReason"));
      ex.setVariable("appealed", r.getStatus() == AccountabilityStatus.APPEALED);
      ex.setVariable("appealReasonText", r.getAppealReason() == null ? "" : r.getAppealReason());
    };
  }

  @Bean
  public JavaDelegate recordAppealReview() {
    return ex -> {
      AccountabilityRecord r = service.reviewAppeal(recordId(ex), string(ex, "appealDecision"),
          string(ex, "revisedMeasure"), string(ex, "appealReview"), Actors.of(ex));
      ex.setVariable("revoked", r.getStatus() == AccountabilityStatus.REVOKED);
    };
  }

  /** The measure is final: recorded for good and booked once; a unit may owe a rectification. */
  @Bean
  public JavaDelegate makeMeasureFinal() {
    return ex -> {
      AccountabilityRecord r = service.makeFinal(recordId(ex));
      ex.setVariable("finalMeasureLabel", r.getFinalMeasure().label()
          + (r.getFinalSanction() == null ? "" : "；" + r.getFinalSanction().label() + "处分"));
      ex.setVariable("rectificationRequired", r.getRectifyingHead() != null);
      if (r.getRectifyingHead() != null) {
        ex.setVariable(RECTIFICATION_DUE_AT, service.rectificationDue(r));
      }
    };
  }

  @Bean
  public JavaDelegate recordRectificationReport() {
    return ex -> service.reportRectification(recordId(ex), string(ex, "rectificationReport"));
  }

  @Bean
  public JavaDelegate recordRectificationReview() {
    return ex -> service.reviewRectification(recordId(ex), bool(ex, "rectificationAccepted"));
  }

  private static Long recordId(DelegateExecution ex) {
    return ((Number) ex.getVariable(RECORD_ID)).longValue();
  }
}
