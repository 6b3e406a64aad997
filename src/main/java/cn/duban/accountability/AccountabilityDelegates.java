package cn.duban.accountability;

import static cn.duban.accountability.AccountabilityVariables.recordId;
import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;

import cn.duban.common.Actors;
import cn.duban.organization.Access;
import cn.duban.organization.InstanceViewers;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of accountability.bpmn, each named after its step: read the form's variables, call
 * {@link AccountabilityService}, publish the record's variables ({@link AccountabilityVariables}).
 */
@Configuration
public class AccountabilityDelegates {

  public static final String PROCESS_KEY = "accountability";

  private final AccountabilityService service;
  private final AccountabilityVariables variables;
  private final Access access;

  public AccountabilityDelegates(AccountabilityService service, AccountabilityVariables variables, Access access) {
    this.service = service;
    this.variables = variables;
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
      String approvers = service.approverGroup(r);
      InstanceViewers viewers = r.viewers();
      if (service.againstThePrincipalLeader(r)) {
        // R14: the group that approves the principal leader's measure reads the procedure it decides
        List<String> groups = new ArrayList<>(viewers.groups());
        groups.add(approvers);
        viewers = new InstanceViewers(viewers.processKey(), viewers.processInstanceId(), groups, viewers.users());
      }
      access.grant(viewers);
      ex.removeVariables(AccountabilityVariables.START_FIELDS);
      if (ex.getProcessBusinessKey() == null && r.getSourceCase() != null) {
        ex.setProcessBusinessKey(r.getSourceCase());
      }
      ex.setVariables(variables.opened(r, approvers));
    };
  }

  /** R11: records the efficiency office's assessment and asks the rules for the measure and the trace. */
  @Bean
  public JavaDelegate proposeMeasure() {
    return ex -> {
      Long id = recordId(ex);
      service.assess(id, string(ex, "severity"), bool(ex, "directResponsibility"), string(ex, "facts"), Actors.of(ex));
      AccountabilityService.Proposed proposed = service.propose(id);
      ex.setVariables(variables.proposed(proposed, !service.traceTargets(id, proposed.trace()).isEmpty()));
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
            ex.getProcessBusinessKey(), variables.traced(r, t));
      }
      ex.setVariables(variables.tracedText(targets));
    };
  }

  @Bean
  public JavaDelegate recordSanction() {
    return ex -> ex.setVariables(variables.sanctioned(service.decideSanction(recordId(ex), string(ex, "sanction"),
        string(ex, "sanctionReason"), Actors.of(ex))));
  }

  @Bean
  public JavaDelegate recordApproval() {
    return ex -> ex.setVariables(variables.approved(service.approve(recordId(ex), string(ex, "approvalDecision"),
        string(ex, "changedMeasure"), string(ex, "changeReason"), Actors.of(ex))));
  }

  /** R14: the notice to the subject, and the appeal window it opens. */
  @Bean
  public JavaDelegate notifySubject() {
    return ex -> ex.setVariables(variables.notified(service.notifySubject(recordId(ex))));
  }

  @Bean
  public JavaDelegate recordResponse() {
    return ex -> ex.setVariables(variables.answered(service.respond(recordId(ex), string(ex, "response"),
        string(ex, "appealReason"))));
  }

  @Bean
  public JavaDelegate recordAppealReview() {
    return ex -> ex.setVariables(variables.appealReviewed(service.reviewAppeal(recordId(ex),
        string(ex, "appealDecision"), string(ex, "revisedMeasure"), string(ex, "appealReview"), Actors.of(ex))));
  }

  /** The measure is final: recorded for good and booked once; a unit may owe a rectification. */
  @Bean
  public JavaDelegate makeMeasureFinal() {
    return ex -> {
      AccountabilityRecord r = service.makeFinal(recordId(ex));
      ex.setVariables(variables.madeFinal(r, r.getRectifyingHead() == null ? null : service.rectificationDue(r)));
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
}
