package cn.duban.supervision;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;
import static cn.duban.common.FormValues.strings;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.common.Decision;
import cn.duban.engine.ConditionalEvents;
import cn.duban.engine.JobDefinitions;
import cn.duban.organization.Access;
import cn.duban.organization.InstructionReaders;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of supervision-case.bpmn and of the office's requests case-withdrawal.bpmn,
 * case-reassignment.bpmn and feedback-sheet-request.bpmn. Each bean is named after the
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
   * them first would write each of them twice more. Nor is the instructing leader (R28), but a
   * case without an instruction drops what a client sent under that name.
   */
  private static final List<String> REGISTRATION_FIELDS = List.of("source", "leadUnit", "coUnits",
      "responsiblePerson", "deadline", "milestones", "qualityChecklist", "initialLevel", "signForDays", "yellowDays",
      "redDays", "reportIntervalDays", "instructionText", "instructionNumber", "instructionDate",
      "instructionKeepLevel");

  /**
   * R30: the fields of the sign-for form's return and of the office's decision. Tasklist fills a
   * form from the process variables of the same names, and the sign-for task comes round again
   * after a decision: once recorded, they go, so that the next unit's form opens empty.
   */
  static final List<String> RETURN_FIELDS = List.of("signForAction", "returnReason", "returnReasonText");
  static final List<String> RETURN_DECISION_FIELDS = List.of("returnDecision", "returnUnjustified",
      "returnDecisionComment");
  static final List<String> REASSIGNMENT_FIELDS = List.of("newLeadUnit", "newResponsiblePerson", "newDeadline");

  /** R30: the office's decision on a return, for the gateway after it (its form field is gone by then). */
  static final String RETURN_DECIDED = "returnDecided";

  static final String CLOSURE_NONE = "NONE";
  static final String CLOSURE_SUBMITTED = "SUBMITTED";
  static final String CLOSURE_ACCEPTED = "ACCEPTED";
  static final String CLOSURE_REJECTED = "REJECTED";

  /** The messages to the case's clock: a closure report stops it; its review ends it or lets it run on. */
  static final String CLOSURE_SUBMITTED_MESSAGE = "ClosureSubmitted";
  static final String CLOSURE_REVIEWED_MESSAGE = "ClosureReviewed";

  private final SupervisionService cases;
  private final CaseVariables variables;
  private final LimitClock clock;
  private final Access access;
  private final LeaderInstructions instructions;
  private final InstructionReaders readers;

  public SupervisionDelegates(SupervisionService cases, CaseVariables variables, LimitClock clock, Access access,
      LeaderInstructions instructions, InstructionReaders readers) {
    this.readers = readers;
    this.cases = cases;
    this.variables = variables;
    this.clock = clock;
    this.access = access;
    this.instructions = instructions;
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
          ex.getVariable("reportIntervalDays"),
          new LeaderInstructions.InstructionInput(string(ex, "instructingLeader"), string(ex, "instructionText"),
              string(ex, "instructionNumber"), FormValues.date(ex, "instructionDate", clock.zone()),
              bool(ex, "instructionKeepLevel")));
      SupervisionCase c = cases.register(in, Actors.of(ex), ex.getProcessInstanceId());
      if (c.getInstruction() != null) {
        // R28: the group of the leader and his secretaries, which the case's grants name
        readers.ensure(c.getInstruction().getLeader());
      } else if (ex.hasVariable(CaseVariables.INSTRUCTING_LEADER)) {
        ex.removeVariable(CaseVariables.INSTRUCTING_LEADER);
      }
      access.grantNew(c.viewers());
      ex.setProcessBusinessKey(c.getCaseNumber());
      // the sign-for limit's timer and the clock's are created further on in this transaction
      JobDefinitions.load(ex.getProcessDefinitionId());
      ex.removeVariables(REGISTRATION_FIELDS);
      variables.publishAll(ex, c);
      if (ConditionalEvents.declared(ex.getProcessDefinitionId())) {
        // the versions before 2 December waited for the closure on conditions that read it at every
        // variable written; today's clock takes messages, and the variable is written at the closure
        ex.setVariable(CaseVariables.CLOSURE_STATE, CLOSURE_NONE);
      }
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
  }

  /** R6. */
  @Bean
  public JavaDelegate startAccountability() {
    return ex -> variables.publishState(ex, cases.startAccountability(CaseVariables.caseId(ex)));
  }

  /**
   * R2; the handler who signed for the case keeps its work task ({@code unitHandler}). R31: with
   * co-units, the limit for their parts ({@code coUnitDueAt}) that their tasks and timers read.
   */
  @Bean
  public JavaDelegate recordSignFor() {
    return ex -> {
      if (!Boolean.TRUE.equals(bool(ex, "signConfirmed"))) {
        // the box is hidden when the unit returns the case, so the form cannot require it
        throw new InputException("signConfirmed", "请勾选“已阅知督办要求，确认签收并按期办理”（signConfirmed）");
      }
      String handler = Actors.of(ex);
      SupervisionCase c = cases.signFor(CaseVariables.caseId(ex), handler,
          FormValues.date(ex, "coUnitDueDate", clock.zone()));
      variables.publishState(ex, c);
      variables.publishWork(ex, c);
      ex.setVariable("unitHandler", Actors.SYSTEM.equals(handler) ? null : handler);
      c.getCoUnitParts().stream().map(CoUnitPart::getDueAt).max(Instant::compareTo)
          .ifPresent(due -> ex.setVariable(CaseVariables.CO_UNIT_DUE_AT, Date.from(due)));
    };
  }

  /** R30: the lead unit returns the case instead of signing for it; the office decides. */
  @Bean
  public JavaDelegate recordReturn() {
    return ex -> {
      Recorded<CaseReturn> returned = cases.returnCase(CaseVariables.caseId(ex), string(ex, "returnReason"),
          string(ex, "returnReasonText"), Actors.of(ex));
      CaseReturn r = returned.record();
      ex.setVariable("returnText", variables.returned(r).text());
      ex.removeVariables(RETURN_FIELDS);
      variables.publishState(ex, returned.supervisionCase(), variables.returned(r));
    };
  }

  /**
   * R30: the office's decision on a return. Insisted, the unit signs for it within a fresh limit;
   * reassigned, the decision names the new unit and the undertaking ends with the error 改派,
   * which {@link #reassignCase()} takes up.
   */
  @Bean
  public JavaDelegate recordReturnDecision() {
    return ex -> {
      String comment = string(ex, "returnDecisionComment");
      Recorded<CaseReturn> decided = cases.decideReturn(CaseVariables.caseId(ex), string(ex, "returnDecision"),
          bool(ex, "returnUnjustified"), comment, reassignmentInput(ex, "退办审定：" + comment), Actors.of(ex));
      SupervisionCase c = decided.supervisionCase();
      // a reassignment is recorded on the return by reassignCase: until then the return is pending
      boolean insisted = decided.record().getDecision() == ReturnDecision.INSIST;
      ex.setVariable(RETURN_DECIDED, (insisted ? ReturnDecision.INSIST : ReturnDecision.REASSIGN).name());
      ex.removeVariables(RETURN_DECISION_FIELDS);
      if (insisted) {
        ex.removeVariables(REASSIGNMENT_FIELDS);
        variables.publishContext(ex, c);
        variables.publishState(ex, c, variables.returnDecided(decided.record()));
      } else {
        ex.setVariable("reassignmentReason", "退办审定：" + comment.strip());
        ex.setVariable("reassignedBy", Actors.of(ex));
      }
    };
  }

  /**
   * R30: another unit leads the case, after a return or by the office's decision at any time (the
   * message CaseReassigned). The undertaking was ended, with every task of the old unit; it starts
   * again with a fresh sign-for for the new unit. The new unit may read the case; the old one keeps
   * reading what it did. A deadline the office changed moves the timers.
   */
  @Bean
  public JavaDelegate reassignCase() {
    return ex -> {
      Recorded<CaseReassignment> reassigned = cases.reassign(CaseVariables.caseId(ex),
          reassignmentInput(ex, string(ex, "reassignmentReason")), string(ex, "reassignedBy"));
      SupervisionCase c = reassigned.supervisionCase();
      ex.removeVariables(REASSIGNMENT_FIELDS);
      access.grant(c.viewers());
      variables.publishContext(ex, c);
      variables.publishState(ex, c, variables.reassigned(reassigned.record()));
      ex.setVariable("unitHandler", null);
      if (!reassigned.record().getNewDeadline().equals(reassigned.record().getPreviousDeadline())) {
        recalculateTimers(ex);
      }
    };
  }

  private SupervisionService.ReassignmentInput reassignmentInput(DelegateExecution ex, String reason) {
    return new SupervisionService.ReassignmentInput(string(ex, "newLeadUnit"), string(ex, "newResponsiblePerson"),
        FormValues.date(ex, "newDeadline", clock.zone()), reason);
  }

  /** R31: the closure report is checked as the unit sends it, before the ratings of its co-units. */
  @Bean
  public ExecutionListener checkClosureReport() {
    return ex -> cases.checkClosureReport(string(ex, "closureReport"), string(ex, "closureEvidence"));
  }

  /** R31: a co-unit reported its part to the lead unit (the end of its task 协办事项). */
  @Bean
  public ExecutionListener recordCoUnitReport() {
    return ex -> {
      if (ex.isCanceled()) {
        return;
      }
      Recorded<CoUnitPart> reported = cases.reportCoUnitPart(CaseVariables.caseId(ex), string(ex, "coUnit"),
          string(ex, "coUnitReport"), Actors.of(ex));
      variables.publishState(ex, reported.supervisionCase(), variables.coUnitReported(reported.record()));
    };
  }

  /** R31: with its closure report, the lead unit gives a co-unit's contribution and rates it. */
  @Bean
  public ExecutionListener recordCoUnitRating() {
    return ex -> {
      if (ex.isCanceled()) {
        return;
      }
      cases.rateCoUnit(CaseVariables.caseId(ex), string(ex, "coUnit"), string(ex, "coUnitContribution"),
          string(ex, "coUnitRating"), Actors.of(ex));
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
        recalculateTimers(ex);
      }
    };
  }

  /**
   * The deadline or the stage limit moved: timers read their dates from variables, so recalculating
   * the instance's timer jobs moves those that depend on them (the open tasks follow the limit as
   * the state is published). An escalation needs none: the timer that moved the limit is the one
   * now firing.
   */
  static void recalculateTimers(DelegateExecution ex) {
    ManagementService management = ex.getProcessEngineServices().getManagementService();
    for (Job job : management.createJobQuery().processInstanceId(ex.getProcessInstanceId()).timers().list()) {
      management.recalculateJobDuedate(job.getId(), false);
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
      if (!submitted.supervisionCase().coUnitList().isEmpty()) {
        ex.setVariable("coUnitContributionsText", variables.coUnitContributions(submitted.supervisionCase()));
      }
      variables.publishState(ex, submitted.supervisionCase(), variables.submitted(report));
      closure(ex, CLOSURE_SUBMITTED, CLOSURE_SUBMITTED_MESSAGE);
    };
  }

  @Bean
  public JavaDelegate acceptClosure() {
    return ex -> {
      Recorded<ClosureReport> accepted = cases.acceptClosure(CaseVariables.caseId(ex), strings(ex, "checklistMet"),
          Boolean.TRUE.equals(bool(ex, "exceedsStandard")), Actors.of(ex));
      // R28: an instructed case's feedback sheet is issued with the closure, and linked in its record
      CaseVariables.Entry[] sheet = instructions.issueAtClosure(accepted.supervisionCase(), Actors.of(ex))
          .map(variables::entry).stream().toArray(CaseVariables.Entry[]::new);
      CaseVariables.Entry[] added = java.util.stream.Stream.concat(
          java.util.stream.Stream.of(variables.reviewed(accepted.record())), java.util.Arrays.stream(sheet))
          .toArray(CaseVariables.Entry[]::new);
      variables.publishState(ex, accepted.supervisionCase(), added);
      closure(ex, CLOSURE_ACCEPTED, CLOSURE_REVIEWED_MESSAGE);
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
      // R7: the review's working days are given back (publishing the state moved the unit's task with the limit)
      int reviewDays = cases.reviewWorkingDays(rejected.record());
      ex.setVariable("lastRejectionText", "办结报告于" + review.at().atZone(clock.zone()).toLocalDate() + "被退回。退回理由："
          + review.comment() + (reviewDays <= 0 || c.getWarningLevel() == WarningLevel.ACCOUNTABILITY ? ""
          : "。验收用时" + reviewDays + "个工作日不计入办理时限，当前时限顺延至"
              + c.getStageLimitAt().atZone(clock.zone()).toLocalDate()));
      closure(ex, CLOSURE_REJECTED, CLOSURE_REVIEWED_MESSAGE);
    };
  }

  /**
   * Where the closure stands ({@code closureState}, which the gateway after the review reads), told
   * to the case's clock by a message. The clock listens for messages rather than for conditions on
   * the variable: an engine whose process has a conditional event looks for conditions to evaluate
   * after every variable the process writes, a database look-up in every registration and escalation.
   * The message is the system's step, whoever submitted the form: sent without the user's
   * authorizations. Where the clock no longer listens (accountability has begun), nothing takes it.
   */
  private static void closure(DelegateExecution ex, String state, String message) {
    ex.setVariable(CaseVariables.CLOSURE_STATE, state);
    RuntimeService runtime = ex.getProcessEngineServices().getRuntimeService();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtime.createMessageCorrelation(message).processInstanceId(ex.getProcessInstanceId()).correlateAll();
      return null;
    });
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

  /**
   * R28: the supervision office asked for a feedback sheet of an instructed case (the event
   * subprocess 呈报督办反馈单): issued as the case stands, and linked in its record.
   */
  @Bean
  public JavaDelegate issueFeedbackSheet() {
    return ex -> {
      SupervisionCase c = cases.get(CaseVariables.caseId(ex));
      FeedbackSheet sheet = instructions.issueOnDemand(c, string(ex, "sheetRequestedBy"));
      variables.publishState(ex, c, variables.entry(sheet));
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
   * R30, in case-reassignment.bpmn: the office's reassignment from Tasklist, checked and sent to
   * the case as the API's is. A request that cannot be carried out goes to the correction step
   * with the reason.
   */
  @Bean
  public JavaDelegate requestReassignment(CaseReassignmentRequests reassignments) {
    return ex -> {
      try {
        reassignments.request(requestedCase(ex).getId(), reassignmentInput(ex, string(ex, "reassignmentReason")),
            Actors.of(ex));
        ex.setVariable("correctionMessage", null);
      } catch (InputException refused) {
        ex.setVariable("correctionMessage", refused.getMessage());
        throw new BpmnError("REASSIGNMENT_REFUSED", refused.getMessage());
      }
    };
  }

  /**
   * R28, in feedback-sheet-request.bpmn: the office asks from Tasklist for a feedback sheet of an
   * instructed case, as the API does; the sheet's number is kept for Cockpit. A request that cannot
   * be carried out goes to the correction step with the reason.
   */
  @Bean
  public JavaDelegate requestFeedbackSheet(FeedbackSheetRequest sheets) {
    return ex -> {
      try {
        FeedbackSheet sheet = sheets.request(requestedCase(ex).getId(), Actors.of(ex));
        ex.setVariable("feedbackSheetSequence", sheet.getSequence());
        ex.setVariable("correctionMessage", null);
      } catch (InputException refused) {
        ex.setVariable("correctionMessage", refused.getMessage());
        throw new BpmnError("FEEDBACK_SHEET_REFUSED", refused.getMessage());
      }
    };
  }

  /** The case an office's request from Tasklist names by its number (督〔2026〕N号). */
  private SupervisionCase requestedCase(DelegateExecution ex) {
    String number = string(ex, "caseNumber");
    if (number == null || number.isBlank()) {
      throw new InputException("caseNumber", "请填写督查事项编号（caseNumber）");
    }
    return cases.byNumber("caseNumber", number);
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
