package cn.duban.supervision;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;
import static cn.duban.common.FormValues.strings;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.common.Decision;
import cn.duban.organization.Access;
import cn.duban.common.FormValues;
import cn.duban.common.InputException;
import cn.duban.supervision.Registration.MilestoneInput;
import cn.duban.supervision.SupervisionService.CheckResult;
import cn.duban.notice.Notice;
import cn.duban.supervision.SupervisionService.ExtensionOutcome;
import cn.duban.supervision.SupervisionService.Recorded;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of supervision-case.bpmn and case-withdrawal.bpmn. Each bean is named after the
 * step it performs; each reads the form's variables, calls {@link SupervisionService} and
 * refreshes the case's variables.
 */
@Configuration
public class SupervisionDelegates {

  /**
   * The start form's raw fields, replaced by the case's own variables: given as transient
   * variables (the model's start event names them), or stored where a client starts the process
   * without the form, and then removed here. The title, the content and the leader in charge are
   * not among them: the case publishes their checked values under the same names, and removing
   * them first would write each of them twice more.
   */
  private static final List<String> REGISTRATION_FIELDS = List.of("source", "leadUnit", "coUnits",
      "responsiblePerson", "deadline", "milestones", "qualityChecklist", "initialLevel", "signForDays", "yellowDays",
      "redDays", "reportIntervalDays");

  /** The due date of the tasks that fall due with the case's current limit. */
  static final String STAGE_LIMIT_DUE_DATE = "${" + CaseVariables.STAGE_LIMIT_AT + "}";

  static final String CLOSURE_NONE = "NONE";
  static final String CLOSURE_SUBMITTED = "SUBMITTED";
  static final String CLOSURE_ACCEPTED = "ACCEPTED";
  static final String CLOSURE_REJECTED = "REJECTED";

  private final SupervisionService cases;
  private final CaseVariables variables;
  private final LimitClock clock;
  private final Access access;

  public SupervisionDelegates(SupervisionService cases, CaseVariables variables, LimitClock clock, Access access) {
    this.cases = cases;
    this.variables = variables;
    this.clock = clock;
    this.access = access;
  }

  /** R1: checks the start form, numbers the case and makes the number the business key. */
  @Bean
  public JavaDelegate registerCase() {
    return ex -> {
      Registration in = new Registration(string(ex, "source"), string(ex, "title"), string(ex, "leaderInCharge"),
          string(ex, "leadUnit"), strings(ex, "coUnits"), string(ex, "responsiblePerson"),
          FormValues.date(ex, "deadline", clock.zone()), string(ex, "content"), milestones(ex),
          string(ex, "qualityChecklist"), string(ex, "initialLevel"),
          ex.getVariable("signForDays"), ex.getVariable("yellowDays"), ex.getVariable("redDays"),
          ex.getVariable("reportIntervalDays"));
      SupervisionCase c = cases.register(in, Actors.of(ex), ex.getProcessInstanceId());
      access.grantNew(c.viewers());
      ex.setProcessBusinessKey(c.getCaseNumber());
      ex.removeVariables(REGISTRATION_FIELDS);
      variables.publishAll(ex, c);
      ex.setVariable(CaseVariables.CLOSURE_STATE, CLOSURE_NONE);
    };
  }

  @Bean
  public JavaDelegate issueGreenNotice() {
    return ex -> {
      SupervisionCase c = cases.get(CaseVariables.caseId(ex));
      // the sign-for form links to it
      variables.publishState(ex, c, variables.entry(cases.issueGreenNotice(c)));
    };
  }

  /** R4; the input parameter {@code escalated} is false where an item is registered at yellow. */
  @Bean
  public JavaDelegate issueYellowNotice() {
    return ex -> escalate(ex, () -> cases.issueYellowNotice(CaseVariables.caseId(ex), escalated(ex)));
  }

  /** R5; the input parameter {@code escalated} is false where an item is registered at red. */
  @Bean
  public JavaDelegate issueRedNotice() {
    return ex -> escalate(ex, () -> cases.issueRedNotice(CaseVariables.caseId(ex), escalated(ex)));
  }

  /** A notice with a new limit: the unit's work falls due with it. */
  private void escalate(DelegateExecution ex, Supplier<Recorded<Notice>> issue) {
    Recorded<Notice> issued = issue.get();
    SupervisionCase c = issued.supervisionCase();
    variables.publishState(ex, c, variables.entry(issued.record()));
    followStageLimit(ex, c.getStageLimitAt(), false);
  }

  /** R6. */
  @Bean
  public JavaDelegate startAccountability() {
    return ex -> variables.publishState(ex, cases.startAccountability(CaseVariables.caseId(ex)));
  }

  /** R2; the handler who signed for the case keeps its work task ({@code unitHandler}). */
  @Bean
  public JavaDelegate recordSignFor() {
    return ex -> {
      String handler = Actors.of(ex);
      SupervisionCase c = cases.signFor(CaseVariables.caseId(ex), handler);
      variables.publishState(ex, c);
      variables.publishWork(ex, c);
      ex.setVariable("unitHandler", Actors.SYSTEM.equals(handler) ? null : handler);
    };
  }

  /** R3: plans the first report checkpoint once the unit has signed for the case. */
  @Bean
  public JavaDelegate scheduleProgressChecks() {
    return ex -> setNextCheckpoint(ex, cases.nextCheckpoint(cases.get(CaseVariables.caseId(ex)))
        .map(SupervisionService.Checkpoint::at).orElse(null));
  }

  /** R3: a checkpoint came: was its report missed? */
  @Bean
  public JavaDelegate checkProgressReports() {
    return ex -> {
      CheckResult result = cases.checkProgressReports(CaseVariables.caseId(ex));
      ex.setVariable("reportMissed", result.missed());
      if (result.missed()) {
        ex.setVariable("urgingReason", result.reason().name());
        ex.setVariable("urgingReasonLabel", result.reason().label());
        ex.setVariable("missedWhat", result.missedWhat());
      }
      setNextCheckpoint(ex, result.next());
    };
  }

  private static void setNextCheckpoint(DelegateExecution ex, Instant next) {
    ex.setVariable("hasNextCheckpoint", next != null);
    ex.setVariable(CaseVariables.NEXT_CHECKPOINT_AT, next == null ? null : Date.from(next));
  }

  @Bean
  public JavaDelegate recordProgress() {
    return ex -> {
      Recorded<ProgressReport> reported = cases.recordProgress(CaseVariables.caseId(ex), string(ex, "progressContent"),
          ex.getVariable("milestoneReached"), Actors.of(ex));
      variables.publishState(ex, reported.supervisionCase(), variables.entry(reported.record()));
    };
  }

  /** R8: the unit asks for more time. */
  @Bean
  public JavaDelegate recordExtensionRequest() {
    return ex -> {
      Recorded<ExtensionRequest> requested = cases.requestExtension(CaseVariables.caseId(ex),
          FormValues.date(ex, "extensionDeadline", clock.zone()), string(ex, "extensionReason"), Actors.of(ex));
      ExtensionRequest r = requested.record();
      ex.setVariable("extensionRequestText", "申请将完成时限由" + r.getPreviousDeadline() + "延至"
          + r.getRequestedDeadline() + "。延期理由：" + r.getReason());
      variables.publishState(ex, requested.supervisionCase(), variables.requested(r));
    };
  }

  /** R8: the leader decided; an approved extension moves the deadline, its timers and due dates. */
  @Bean
  public JavaDelegate applyExtensionDecision() {
    return ex -> {
      ExtensionOutcome outcome = cases.decideExtension(CaseVariables.caseId(ex), bool(ex, "extensionApproved"),
          string(ex, "extensionComment"), Actors.of(ex));
      variables.publishState(ex, outcome.supervisionCase(), variables.decided(outcome.request()));
      if (outcome.moved()) {
        followStageLimit(ex, outcome.supervisionCase().getStageLimitAt(), true);
      }
    };
  }

  /**
   * The stage limit moved: the open tasks whose due date is the stage limit fall due at the new
   * one. Timers read their dates from variables, so recalculating the instance's timer jobs moves
   * those that depend on the limit; an escalation leaves them alone, since the timer that moved
   * the limit is the one now firing.
   */
  static void followStageLimit(DelegateExecution ex, Instant limit, boolean recalculateTimers) {
    if (recalculateTimers) {
      ManagementService management = ex.getProcessEngineServices().getManagementService();
      for (Job job : management.createJobQuery().processInstanceId(ex.getProcessInstanceId()).timers().list()) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
    TaskService tasks = ex.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(ex.getProcessInstanceId()).list()) {
      UserTask definition = ex.getBpmnModelInstance().getModelElementById(task.getTaskDefinitionKey());
      if (STAGE_LIMIT_DUE_DATE.equals(definition.getCamundaDueDate()) && !task.getDueDate().equals(Date.from(limit))) {
        task.setDueDate(Date.from(limit));
        tasks.saveTask(task);
      }
    }
  }

  /** R7: the unit reports the item done; the clocks wait for the acceptance. */
  @Bean
  public JavaDelegate submitClosure() {
    return ex -> {
      Recorded<ClosureReport> submitted = cases.submitClosure(CaseVariables.caseId(ex), string(ex, "closureReport"),
          string(ex, "closureEvidence"), Actors.of(ex));
      ClosureReport report = submitted.record();
      ex.setVariable("closureReportText", report.getReport());
      ex.setVariable("closureEvidenceText", report.getEvidence() == null ? "无" : report.getEvidence());
      variables.publishState(ex, submitted.supervisionCase(), variables.submitted(report));
      ex.setVariable(CaseVariables.CLOSURE_STATE, CLOSURE_SUBMITTED);
    };
  }

  @Bean
  public JavaDelegate acceptClosure() {
    return ex -> {
      Recorded<ClosureReport> accepted = cases.acceptClosure(CaseVariables.caseId(ex), strings(ex, "checklistMet"),
          Boolean.TRUE.equals(bool(ex, "exceedsStandard")), Actors.of(ex));
      variables.publishState(ex, accepted.supervisionCase(), variables.reviewed(accepted.record()));
      ex.setVariable(CaseVariables.CLOSURE_STATE, CLOSURE_ACCEPTED);
    };
  }

  @Bean
  public JavaDelegate rejectClosure() {
    return ex -> {
      Recorded<ClosureReport> rejected = cases.rejectClosure(CaseVariables.caseId(ex), string(ex, "rejectionReasons"),
          strings(ex, "checklistMet"), Actors.of(ex));
      variables.publishState(ex, rejected.supervisionCase(), variables.reviewed(rejected.record()));
      Decision review = rejected.record().getReviewed();
      SupervisionCase c = rejected.supervisionCase();
      // R7: the review's working days are given back; the unit's task falls due with the moved limit
      int reviewDays = cases.reviewWorkingDays(rejected.record());
      ex.setVariable("lastRejectionText", "办结报告于" + review.at().atZone(clock.zone()).toLocalDate() + "被退回。退回理由："
          + review.comment() + (reviewDays <= 0 || c.getWarningLevel() == WarningLevel.ACCOUNTABILITY ? ""
          : "。验收用时" + reviewDays + "个工作日不计入办理时限，当前时限顺延至"
              + c.getStageLimitAt().atZone(clock.zone()).toLocalDate()));
      followStageLimit(ex, c.getStageLimitAt(), false);
      ex.setVariable(CaseVariables.CLOSURE_STATE, CLOSURE_REJECTED);
    };
  }

  /**
   * Records an urging task's outcome (R2, R3) or an interview (R9) as the task ends. An end
   * listener rather than a task listener, so that bad input reaches the user as a 400; a task
   * cancelled by the case's closure or withdrawal records nothing.
   */
  @Bean
  public ExecutionListener recordUrging() {
    return ex -> {
      if (ex.isCanceled()) {
        return;
      }
      // an interview task names its method in an input parameter; its answers are the interview's
      String method = string(ex, "urgingMethod");
      boolean interview = method != null && method.startsWith("INTERVIEW");
      Recorded<Optional<UrgingRecord>> urged = cases.recordUrging(CaseVariables.caseId(ex),
          ex.getActivityInstanceId(), string(ex, "urgingReason"), method,
          string(ex, interview ? "interviewOutcome" : "urgingOutcome"), interview ? bool(ex, "interviewEffective") : null,
          Actors.of(ex));
      variables.publishState(ex, urged.supervisionCase(),
          urged.record().map(variables::entry).stream().toArray(CaseVariables.Entry[]::new));
    };
  }

  /** R10: the withdrawal reached the case; everything is kept, the case is marked withdrawn. */
  @Bean
  public JavaDelegate withdrawCase() {
    return ex -> variables.publishState(ex, cases.withdraw(CaseVariables.caseId(ex), string(ex, "withdrawalReason"),
        string(ex, "withdrawnBy")));
  }

  /**
   * R10, in case-withdrawal.bpmn: checks the request and sends the withdrawal to the case. A
   * request that cannot be carried out goes to the correction step with the reason.
   */
  @Bean
  public JavaDelegate requestWithdrawal(CaseWithdrawal withdrawal) {
    return ex -> {
      try {
        withdrawal.request(cases.byNumber("caseNumber", string(ex, "caseNumber")).getId(),
            string(ex, "withdrawalReason"), Actors.of(ex));
        ex.setVariable("correctionMessage", null);
      } catch (InputException refused) {
        ex.setVariable("correctionMessage", refused.getMessage());
        throw new BpmnError("WITHDRAWAL_REFUSED", refused.getMessage());
      }
    };
  }

  /**
   * The start form's milestones: lines of text; an API client may send a Json list of
   * {@code {"name", "date"}} objects instead.
   */
  private static List<MilestoneInput> milestones(DelegateExecution ex) {
    String text = string(ex, "milestones");
    if (text == null || !text.strip().startsWith("[")) {
      return MilestoneInput.parseLines(text);
    }
    return FormValues.list(ex, "milestones").stream()
        .map(row -> {
          if (!(row instanceof Map<?, ?> m)) {
            throw new InputException("milestones", "关键节点须为“日期 节点名称”的文本，或含 name、date 的列表（milestones）");
          }
          return new MilestoneInput(str(m.get("name")), str(m.get("date")));
        })
        .toList();
  }

  private static boolean escalated(DelegateExecution ex) {
    Object v = ex.getVariableLocal("escalated");
    return v == null || Boolean.parseBoolean(v.toString());
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
