package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.common.InputException;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.duban.ProcessTestSupport;
/** supervision-case.bpmn, one test per path, each named after the rule it proves. */
class SupervisionCaseProcessTest extends ProcessTestSupport {

  @Autowired AccountabilityRecordRepository accountabilityRecords;

  // ------------------------------------------------------------------ R1

  @Test
  @DisplayName("R1 registration numbers the case, makes the number the business key and issues the green notice")
  void registration() {
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);

    assertThat(pi.getBusinessKey()).matches("督〔2026〕\\d+号").isEqualTo(c.getCaseNumber());
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.GREEN);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(c.coUnitList()).containsExactly("fgj");
    assertThat(c.checklistItems()).containsExactly("改造方案经专家评审", "居民满意度不低于90%");
    assertThat(c.getDeadlineAt()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)).toInstant());
    Notice green = notice(c, NoticeKind.GREEN).orElseThrow();
    assertThat(green.getBody()).contains(c.getCaseNumber(), "县住房和城乡建设局", "2026年3月20日前办结");
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    assertThat(runtime.getVariable(pi.getId(), "warningLevel")).isEqualTo("GREEN");
    Task signFor = task(pi, "signFor");
    // R2/R25: one working day from Monday: end of Tuesday, the same date the sign-for timer fires
    assertThat(signFor.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 3, 23, 59, 59)));
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(signFor.getDueDate());
    assertThat(tasks.createTaskQuery().taskId(signFor.getId()).taskCandidateGroup("unit-zjj").includeAssignedTasks().count()).isOne();
    assertThat(bookings(c)).isEmpty();
  }

  @Test
  @DisplayName("R1 registration keeps the form's raw fields out of the process and writes each variable once")
  void registrationVariables() {
    ProcessInstance pi = register();
    // the raw fields became the case's records; the forms read the checked texts instead
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("coUnits", "qualityChecklist", "milestones", "deadline", "signForDays").count()).isZero();
    assertThat(runtime.getVariable(pi.getId(), "caseParties").toString())
        .contains("**牵头承办单位**：县住房和城乡建设局", "**协办单位**：县发展和改革局", "**责任人**：林晓东");
    // the green notice is issued without writing again what registration had just written; the
    // record is written once, by the notice, with its registration line and the notice's
    Map<String, Long> writes = history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates()
        .list().stream().collect(Collectors.groupingBy(
            d -> ((HistoricVariableUpdate) d).getVariableName(), Collectors.counting()));
    assertThat(writes).containsEntry("caseNumber", 1L).containsEntry("caseParties", 1L)
        .containsEntry("warningLevel", 1L).containsEntry("deadlineText", 1L).containsEntry("caseHistory", 1L);
    assertThat(writes).as("written twice").allSatisfy((name, n) -> assertThat(n).as(name).isOne());
    assertThat(runtime.getVariable(pi.getId(), "caseHistory").toString()).contains("立项登记", "发出督查事项立项通知单");
  }

  @Test
  @DisplayName("R1 an API client may send the milestones as a Json list")
  void milestonesAsJson() {
    Map<String, Object> form = registrationForm();
    form.put("milestones", SpinValues.jsonValue("[{\"name\":\"完成方案设计\",\"date\":\"2026-03-06\"}]").create());
    assertThat(supervision.milestones(caseOf(register(form)).getId())).extracting(Milestone::getName)
        .containsExactly("完成方案设计");
  }

  @Test
  @DisplayName("R1 a deadline in the past, a responsible person of another unit and an empty checklist are refused")
  void registrationValidation() {
    Map<String, Object> past = registrationForm();
    past.put("deadline", "2026-03-01");
    assertThatThrownBy(() -> register(past)).isInstanceOf(InputException.class)
        .hasMessageContaining("完成时限不能早于今天").extracting(e -> ((InputException) e).field()).isEqualTo("deadline");

    Map<String, Object> stranger = registrationForm();
    stranger.put("responsiblePerson", "fgj-zhang");
    assertThatThrownBy(() -> register(stranger)).hasMessageContaining("责任人须为牵头承办单位");

    Map<String, Object> noChecklist = registrationForm();
    noChecklist.put("qualityChecklist", "  ");
    assertThatThrownBy(() -> register(noChecklist)).hasMessageContaining("请填写质量标准");

    Map<String, Object> lateMilestone = registrationForm();
    lateMilestone.put("milestones", "2026-03-10 完成设计\n2026-04-30 全部完工");
    assertThatThrownBy(() -> register(lateMilestone)).hasMessageContaining("关键节点“全部完工”的日期须在今天至完成时限之间");

    Map<String, Object> badMilestone = registrationForm();
    badMilestone.put("milestones", "2026-03-10 完成设计\n下周完成招标");
    assertThatThrownBy(() -> register(badMilestone)).hasMessageContaining("关键节点第2行应为“日期 节点名称”");

    Map<String, Object> badLimit = registrationForm();
    badLimit.put("yellowDays", 0);
    assertThatThrownBy(() -> register(badLimit)).hasMessageContaining("黄牌催办时限须在1至60个工作日之间");
  }

  @Test
  @DisplayName("R1 an item without a milestone and without a report interval is refused, naming the field; either one is enough")
  void scheduleRequired() {
    Map<String, Object> neither = registrationForm();
    neither.put("milestones", "");
    neither.put("reportIntervalDays", 0);
    assertThatThrownBy(() -> register(neither)).isInstanceOf(InputException.class)
        .hasMessageContaining("请至少填写一个关键节点（milestones），或设定进展报送周期（reportIntervalDays")
        .extracting(e -> ((InputException) e).field()).isEqualTo("milestones");

    Map<String, Object> intervalOnly = registrationForm();
    intervalOnly.put("milestones", "");
    intervalOnly.put("reportIntervalDays", 5);
    assertThat(caseOf(register(intervalOnly)).getReportIntervalDays()).isEqualTo(5);

    Map<String, Object> milestoneOnly = registrationForm();
    milestoneOnly.put("reportIntervalDays", 0);
    assertThat(supervision.milestones(caseOf(register(milestoneOnly)).getId())).hasSize(1);

    // without the field at all, the office's default interval is the schedule
    Map<String, Object> defaults = registrationForm();
    defaults.put("milestones", "");
    defaults.remove("reportIntervalDays");
    assertThat(caseOf(register(defaults)).getReportIntervalDays()).isPositive();
  }

  // ------------------------------------------------------------------ R2

  @Test
  @DisplayName("R2 a sign-for that lapses gives the supervision office a phone-urging task whose outcome is recorded")
  void signForLapses() {
    ProcessInstance pi = register();
    fire(pi, "signForOverdue");

    assertThat(pi).isWaitingAt("signFor", "urgeSignFor", "stageLimitReached");
    Task urge = task(pi, "urgeSignFor");
    assertThat(tasks.createTaskQuery().taskId(urge.getId()).taskCandidateGroup("supervision-office").count()).isOne();
    // one working day from Wednesday 4 March
    assertThat(urge.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 5, 23, 59, 59)));
    assertThatThrownBy(() -> complete(pi, "urgeSignFor", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", " ")))
        .isInstanceOf(InputException.class).hasMessageContaining("请填写催办情况");
    complete(pi, "urgeSignFor", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "已电话联系林晓东，今日签收"));

    List<UrgingRecord> urgings = supervision.urgings(caseOf(pi).getId());
    assertThat(urgings).singleElement().satisfies(u -> {
      assertThat(u.getReason()).isEqualTo(UrgingReason.SIGN_FOR_OVERDUE);
      assertThat(u.getMethod()).isEqualTo(UrgingMethod.PHONE);
      assertThat(u.getOutcome()).contains("今日签收");
      assertThat(u.getRecordedBy()).isEqualTo("ducha");
    });
    assertThatThrownBy(() -> complete(pi, "signFor", "zjj-lin", Map.of("signConfirmed", false)))
        .isInstanceOf(InputException.class).hasMessageContaining("请勾选“已阅知督办要求，确认签收并按期办理”");
    signFor(pi);
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(pi).isWaitingAt("handleCase", "stageLimitReached");
    // the handler who signed keeps the case's work, and still sees it as a task of the unit
    assertThat(task(pi, "handleCase").getAssignee()).isEqualTo("zjj-lin");
  }

  // ------------------------------------------------------------------ R3

  @Test
  @DisplayName("R3 a missed periodic progress report gives the supervision office an urging task; a report in time does not")
  void periodicReports() {
    Map<String, Object> form = registrationForm();
    form.put("reportIntervalDays", 5);
    form.put("milestones", "");  // R1: the reporting interval is the schedule
    ProcessInstance pi = register(form);
    signFor(pi);
    // first checkpoint: five working days after Monday 2 March, the end of Monday 9 March
    assertThat(timer(pi, "checkpointReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 23, 59, 59)));

    setClock(LocalDateTime.of(2026, 3, 6, 10, 0));
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "已完成方案设计"));
    fire(pi, "checkpointReached");
    assertThat(hasTask(pi, "urgeReport")).isFalse();
    assertThat(timer(pi, "checkpointReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 16, 23, 59, 59)));

    fire(pi, "checkpointReached");
    Task urge = task(pi, "urgeReport");
    assertThat(runtime.getVariable(pi.getId(), "urgingReason")).isEqualTo("REPORT_MISSED");
    assertThat(runtime.getVariable(pi.getId(), "missedWhat").toString()).contains("定期进展报告");
    assertThat(tasks.createTaskQuery().taskId(urge.getId()).taskCandidateGroup("supervision-office").count()).isOne();
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "ON_SITE", "urgingOutcome", "到现场督办，承诺周五前报送",
        "requestInterview", false));
    assertThat(supervision.urgings(caseOf(pi).getId())).singleElement()
        .satisfies(u -> assertThat(u.getMethod()).isEqualTo(UrgingMethod.ON_SITE));
    assertThat(pi).isWaitingAt("handleCase", "checkpointReached", "stageLimitReached");
  }

  @Test
  @DisplayName("R3 a report counts for its whole reporting period, whatever milestone checkpoint falls inside it")
  void reportPeriodSpansMilestones() {
    Map<String, Object> form = registrationForm();
    form.put("reportIntervalDays", 5);
    form.put("milestones", "2026-03-11 完成方案设计");
    ProcessInstance pi = register(form);
    signFor(pi);
    fire(pi, "checkpointReached");                       // Monday 9 March: nothing reported yet
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "已催报"));
    setClock(LocalDateTime.of(2026, 3, 10, 10, 0));
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "设计完成八成"));
    fire(pi, "checkpointReached");                       // Wednesday 11 March: the milestone was not named
    assertThat(runtime.getVariable(pi.getId(), "urgingReason")).isEqualTo("MILESTONE_MISSED");
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "已催报节点"));
    fire(pi, "checkpointReached");                       // Monday 16 March: the report of 10 March counts
    assertThat(hasTask(pi, "urgeReport")).isFalse();
    assertThat(supervision.urgings(caseOf(pi).getId())).extracting(UrgingRecord::getReason)
        .containsExactly(UrgingReason.REPORT_MISSED, UrgingReason.MILESTONE_MISSED);
  }

  @Test
  @DisplayName("R3 a milestone passed without a report on it raises an urging task")
  void milestoneMissed() {
    Map<String, Object> form = registrationForm();
    form.put("milestones", "2026-03-06 完成方案设计\n2026年3月13日 全部开工");
    ProcessInstance pi = register(form);
    assertThat(supervision.milestones(caseOf(pi).getId())).extracting(m -> m.getDueDate() + " " + m.getName())
        .containsExactly("2026-03-06 完成方案设计", "2026-03-13 全部开工");
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    Long firstMilestone = supervision.milestones(c.getId()).get(0).getId();
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "方案设计完成",
        "milestoneReached", firstMilestone.toString()));

    fire(pi, "checkpointReached");
    assertThat(hasTask(pi, "urgeReport")).isFalse();
    fire(pi, "checkpointReached");
    assertThat(hasTask(pi, "urgeReport")).isTrue();
    assertThat(runtime.getVariable(pi.getId(), "urgingReason")).isEqualTo("MILESTONE_MISSED");
    assertThat(runtime.getVariable(pi.getId(), "missedWhat").toString()).contains("全部开工");
    assertThat(runtime.getVariable(pi.getId(), "hasNextCheckpoint")).isEqualTo(false);
  }

  // ------------------------------------------------------------------ R4 R5 R6

  @Test
  @DisplayName("R4 R5 R6 deadline, yellow limit and red limit lapse: yellow notice, red notice, accountability, each booked")
  void escalation() {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);

    fire(pi, "stageLimitReached");
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    Notice yellow = notice(c, NoticeKind.YELLOW).orElseThrow();
    // R4/R25: five working days from Friday 20 March
    assertThat(yellow.getLimitAt()).isEqualTo(at(LocalDateTime.of(2026, 3, 27, 23, 59, 59)).toInstant());
    assertThat(yellow.isEscalated()).isTrue();
    assertThat(runtime.getVariable(pi.getId(), "warningLevel")).isEqualTo("YELLOW");
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1");
    // the unit's task now falls due with the yellow limit, like the timer
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 27, 23, 59, 59)));
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(task(pi, "handleCase").getDueDate());
    // the task's history, which Cockpit shows, takes both changes: the raised priority and the moved due date
    Task work = task(pi, "handleCase");
    HistoricTaskInstance workHistory = history.createHistoricTaskInstanceQuery().taskId(work.getId()).singleResult();
    assertThat(work.getPriority()).isEqualTo(WarningLevel.YELLOW.taskPriority());
    assertThat(workHistory.getPriority()).isEqualTo(work.getPriority());
    assertThat(workHistory.getDueDate()).isEqualTo(work.getDueDate());

    fire(pi, "stageLimitReached");
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.RED);
    // R5: three working days from Friday 27 March
    assertThat(notice(c, NoticeKind.RED).orElseThrow().getLimitAt())
        .isEqualTo(at(LocalDateTime.of(2026, 4, 1, 23, 59, 59)).toInstant());
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2");

    fire(pi, "stageLimitReached");
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.ACCOUNTABILITY);
    assertThat(c.getAccountabilityStartedAt()).isNotNull();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2",
        "ACCOUNTABILITY zjj -5", "ACCOUNTABILITY fgj -2.5");
    assertThat(pi).isWaitingAt("handleCase", "accountability");
    // R6: against the lead unit and the responsible person, each its own accountability procedure
    List<ProcessInstance> procedures = runtime.createProcessInstanceQuery().processDefinitionKey("accountability")
        .processInstanceBusinessKey(c.getCaseNumber()).list();
    assertThat(procedures).hasSize(2);
    assertThat(accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber()))
        .extracting(r -> r.getSubjectType() + ":" + r.getSubjectId() + ":" + r.getTrigger() + ":" + r.getStatus())
        .containsExactlyInAnyOrder("UNIT:zjj:RED_LIMIT_LAPSED:OPEN", "PERSON:zjj-lin:RED_LIMIT_LAPSED:OPEN");
    for (ProcessInstance procedure : procedures) {
      assertThat(procedure).isWaitingAt("assessFault");
      // the case's leader in charge approves the measures (R14)
      assertThat(runtime.getVariable(procedure.getId(), "competentLeader")).isEqualTo("wangfxz");
    }
    assertThat(pi).isWaitingAt("handleCase", "accountability");
    assertThat(notices.findByCaseIdOrderByIssuedAt(c.getId())).extracting(Notice::getKind)
        .containsExactly(NoticeKind.GREEN, NoticeKind.YELLOW, NoticeKind.RED);
  }

  @Test
  @DisplayName("R4 only the tasks due at the case's limit follow it to the yellow limit; the sign-for task keeps its own")
  void onlyStageTasksFollowTheLimit() {
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2026-03-03");
    form.put("milestones", "2026-03-03 完成方案设计");
    ProcessInstance pi = register(form);
    // sign-for due and deadline are the same instant: the end of Tuesday 3 March
    assertThat(task(pi, "signFor").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 3, 23, 59, 59)));
    fire(pi, "stageLimitReached");
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(task(pi, "signFor").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 3, 23, 59, 59)));
    signFor(pi);
    // R7: five working days from the yellow notice's issue day, Wednesday 4 March
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 11, 23, 59, 59)));
  }

  @Test
  @DisplayName("R4 an important item registered at yellow gets its yellow notice at once, without a deduction")
  void registeredAtYellow() {
    Map<String, Object> form = registrationForm();
    form.put("initialLevel", "YELLOW");
    ProcessInstance pi = register(form);
    SupervisionCase c = caseOf(pi);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    Notice yellow = notice(c, NoticeKind.YELLOW).orElseThrow();
    assertThat(yellow.isEscalated()).isFalse();
    assertThat(yellow.getLimitAt()).isEqualTo(c.getDeadlineAt());
    assertThat(bookings(c)).isEmpty();

    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.RED);
    assertThat(bookings(c)).containsExactly("RED_NOTICE zjj -2");
  }

  @Test
  @DisplayName("R5 an item registered at red goes to accountability when its deadline lapses")
  void registeredAtRed() {
    Map<String, Object> form = registrationForm();
    form.put("initialLevel", "RED");
    ProcessInstance pi = register(form);
    SupervisionCase c = caseOf(pi);
    assertThat(notice(c, NoticeKind.RED)).isPresent();
    assertThat(notice(c, NoticeKind.YELLOW)).isEmpty();

    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.ACCOUNTABILITY);
    assertThat(bookings(c)).containsExactly("ACCOUNTABILITY zjj -5", "ACCOUNTABILITY fgj -2.5");
  }

  // ------------------------------------------------------------------ R7

  @Test
  @DisplayName("R7 closed early, on time and beyond the standard: every bonus booked, the case and its clocks end")
  void closedEarly() {
    ProcessInstance pi = register();
    signFor(pi);
    submitClosure(pi);
    assertThat(pi).isWaitingAt("reviewClosure", "closureReviewed");
    assertThat(findTimer(pi, "stageLimitReached")).as("no escalation while a closure report is reviewed").isEmpty();
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE).count())
        .as("the message that stops the clock is the system's, not the handler's").isZero();

    accept(pi, true);
    SupervisionCase c = caseOf(pi);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.getClosedOnTime()).isTrue();
    assertThat(bookings(c)).containsExactly("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1", "CLOSED_EARLY zjj 0.5",
        "EXCEEDS_STANDARD zjj 1");
    assertThat(pi).isEnded();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R7 closed on time but not early: the on-time bonus only")
  void closedOnTime() {
    ProcessInstance pi = closedOnTimeNotEarly();
    assertThat(bookings(caseOf(pi))).containsExactly("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1");
  }

  @Test
  @DisplayName("R7 a rejected closure goes back to the unit with the reasons, is booked, and the clock keeps running")
  void rejectedClosure() {
    ProcessInstance pi = register();
    signFor(pi);
    setClock(LocalDateTime.of(2026, 3, 19, 10, 0));
    submitClosure(pi);
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "REJECTED",
        "rejectionReasons", "满意度调查样本不足", "checklistMet", SpinValues.jsonValue("[\"改造方案经专家评审\"]").create()));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(bookings(c)).containsExactly("CLOSURE_REJECTED zjj -1");
    assertThat(pi).isWaitingAt("handleCase", "stageLimitReached");
    assertThat(runtime.getVariable(pi.getId(), "lastRejectionText").toString()).contains("满意度调查样本不足")
        .doesNotContain("顺延");
    // reviewed the same day, no working day to give back: the deadline still lapses on Friday 20 March
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)));
    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);

    setClock(LocalDateTime.of(2026, 3, 23, 9, 0));
    submitClosure(pi);
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "REJECTED", "rejectionReasons", "仍未达标"));
    assertThat(bookings(c)).containsExactly("CLOSURE_REJECTED zjj -1", "YELLOW_NOTICE zjj -1", "CLOSURE_REJECTED zjj -1");
  }

  @Test
  @DisplayName("R7 a closure reported before the deadline but reviewed after it is on time; rejected after it, the review's days are given back")
  void reviewAcrossTheDeadline() {
    ProcessInstance pi = register();
    signFor(pi);
    setClock(LocalDateTime.of(2026, 3, 19, 10, 0));
    submitClosure(pi);
    // the office reviews until Wednesday 25 March: Friday 20, Monday 23, Tuesday 24 and Wednesday 25 were not the unit's
    setClock(LocalDateTime.of(2026, 3, 25, 10, 0));
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "REJECTED", "rejectionReasons", "佐证材料不全"));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.GREEN);
    assertThat(c.getDeadline()).hasToString("2026-03-26");
    assertThat(c.getOriginalDeadline()).hasToString("2026-03-20");
    assertThat(notice(c, NoticeKind.YELLOW)).isEmpty();
    Job limit = timer(pi, "stageLimitReached");
    assertThat(limit.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 26, 23, 59, 59)));
    assertThat(management.createJobQuery().jobId(limit.getId()).executable().count()).as("nothing due at once").isZero();
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(limit.getDuedate());
    assertThat(runtime.getVariable(pi.getId(), "lastRejectionText").toString())
        .contains("验收用时4个工作日不计入办理时限，当前时限顺延至2026-03-26");
    // reported again within the moved deadline: on time
    setClock(LocalDateTime.of(2026, 3, 26, 15, 0));
    submitClosure(pi);
    accept(pi, false);
    assertThat(caseOf(pi).getClosedOnTime()).isTrue();
    assertThat(bookings(c)).containsExactly("CLOSURE_REJECTED zjj -1", "CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1");

    setClock(MONDAY);
    ProcessInstance onTime = register();
    signFor(onTime);
    setClock(LocalDateTime.of(2026, 3, 20, 16, 0));
    submitClosure(onTime);
    setClock(LocalDateTime.of(2026, 3, 24, 10, 0));
    accept(onTime, false);
    assertThat(caseOf(onTime).getClosedOnTime()).isTrue();
    assertThat(bookings(caseOf(onTime))).containsExactly("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1");
  }

  @Test
  @DisplayName("R7 a rejection after a long review at yellow: no red notice and no accountability at once; each later notice counts from its issue day")
  void rejectionAfterALongReview() {
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    SupervisionCase c = caseOf(pi);
    // the yellow notice, issued on Saturday 21 March: five working days, to Friday 27 March
    assertThat(notice(c, NoticeKind.YELLOW).orElseThrow().getLimitAt())
        .isEqualTo(at(LocalDateTime.of(2026, 3, 27, 23, 59, 59)).toInstant());

    setClock(LocalDateTime.of(2026, 3, 26, 10, 0));
    submitClosure(pi);
    // the review lasts past the yellow limit and past where a red limit counted from it would end
    // (Wednesday 1 April): ten working days, 27 March to 10 April, Qingming (4-6 April) skipped
    setClock(LocalDateTime.of(2026, 4, 10, 10, 0));
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "REJECTED", "rejectionReasons", "整改台账不完整"));
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    Instant yellowLimit = at(LocalDateTime.of(2026, 4, 13, 23, 59, 59)).toInstant();
    assertThat(c.getStageLimitAt()).isEqualTo(yellowLimit);
    assertThat(notice(c, NoticeKind.YELLOW).orElseThrow().getLimitAt()).as("the notice states the moved limit")
        .isEqualTo(yellowLimit);
    assertThat(notice(c, NoticeKind.YELLOW).orElseThrow().getBody()).contains("2026年4月13日前办结");
    Job limit = timer(pi, "stageLimitReached");
    assertThat(limit.getDuedate()).isEqualTo(Date.from(yellowLimit));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("stageLimitReached")
        .executable().count()).as("no escalation due at once").isZero();
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(Date.from(yellowLimit));
    assertThat(notice(c, NoticeKind.RED)).isEmpty();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "CLOSURE_REJECTED zjj -1");
    assertThat(runtime.getVariable(pi.getId(), "lastRejectionText").toString())
        .contains("验收用时10个工作日不计入办理时限，当前时限顺延至2026-04-13");

    // the moved yellow limit lapses: the red notice, issued on Tuesday 14 April, counts three working days from then
    fire(pi, "stageLimitReached");
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.RED);
    Notice red = notice(c, NoticeKind.RED).orElseThrow();
    assertThat(red.getIssuedAt().atZone(SHANGHAI).toLocalDate()).hasToString("2026-04-14");
    assertThat(red.getLimitAt()).isEqualTo(at(LocalDateTime.of(2026, 4, 17, 23, 59, 59)).toInstant());
    assertThat(c.getAccountabilityStartedAt()).isNull();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "CLOSURE_REJECTED zjj -1", "RED_NOTICE zjj -2");

    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.ACCOUNTABILITY);
  }

  @Test
  @DisplayName("R7 a notice's limit counts from the day it is issued: notices issued late (the engine was down) set their whole limit from then")
  void noticeCountsFromItsIssueDay() {
    ProcessInstance pi = register();
    signFor(pi);
    // the deadline lapsed on Friday 20 March; the engine issues the yellow notice only on Wednesday 25 March
    setClock(LocalDateTime.of(2026, 3, 25, 10, 0));
    management.executeJob(timer(pi, "stageLimitReached").getId());
    SupervisionCase c = caseOf(pi);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    // five working days from Wednesday 25 March, not from the deadline (which would end on Friday 27 March)
    Instant yellowLimit = at(LocalDateTime.of(2026, 4, 1, 23, 59, 59)).toInstant();
    assertThat(notice(c, NoticeKind.YELLOW).orElseThrow().getLimitAt()).isEqualTo(yellowLimit);
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(Date.from(yellowLimit));

    // and the red notice, issued late on Wednesday 8 April: three working days from then
    setClock(LocalDateTime.of(2026, 4, 8, 10, 0));
    management.executeJob(timer(pi, "stageLimitReached").getId());
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.RED);
    assertThat(notice(c, NoticeKind.RED).orElseThrow().getLimitAt())
        .isEqualTo(at(LocalDateTime.of(2026, 4, 13, 23, 59, 59)).toInstant());
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("stageLimitReached")
        .executable().count()).as("no accountability at once").isZero();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2");
  }

  @Test
  @DisplayName("R7 acceptance needs every standard of the checklist met, and an empty closure report is refused")
  void acceptanceChecks() {
    ProcessInstance pi = register();
    signFor(pi);
    assertThatThrownBy(() -> complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "CLOSURE", "closureReport", " ")))
        .isInstanceOf(InputException.class).hasMessageContaining("请填写办结报告");
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    submitClosure(pi);
    assertThatThrownBy(() -> complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "ACCEPTED",
        "checklistMet", SpinValues.jsonValue("[\"改造方案经专家评审\"]").create())))
        .isInstanceOf(InputException.class).hasMessageContaining("居民满意度不低于90%");
    assertThatThrownBy(() -> complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "REJECTED")))
        .hasMessageContaining("请填写退回理由");
    assertThat(pi).isWaitingAt("reviewClosure", "closureReviewed");
    assertThat(bookings(caseOf(pi))).isEmpty();
  }

  // ------------------------------------------------------------------ R8

  @Test
  @DisplayName("R8 an approved extension moves the deadline, the escalation timer and the unit's due date")
  void extensionApproved() {
    ProcessInstance pi = register();
    signFor(pi);
    Job before = timer(pi, "stageLimitReached");
    assertThat(before.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)));

    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION", "extensionDeadline", "2026-04-10",
        "extensionReason", "材料价格上涨，需重新招标"));
    Task decide = task(pi, "decideExtension");
    assertThat(decide.getAssignee()).isEqualTo("wangfxz");
    // the unit works on while the leader decides
    assertThat(pi).isWaitingAt("handleCase", "decideExtension", "stageLimitReached");
    assertThat(runtime.getVariable(pi.getId(), "extensionRequestText").toString()).contains("2026-04-10");
    complete(pi, "decideExtension", "wangfxz", Map.of("extensionApproved", "true", "extensionComment", "同意"));

    SupervisionCase c = caseOf(pi);
    assertThat(c.getDeadline()).hasToString("2026-04-10");
    assertThat(c.getOriginalDeadline()).hasToString("2026-03-20");
    Job after = timer(pi, "stageLimitReached");
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 4, 10, 23, 59, 59)));
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(after.getDuedate());
    assertThat(supervision.extensionRequests(c.getId())).singleElement()
        .satisfies(r -> assertThat(r.getDecision()).isEqualTo(ReviewDecision.ACCEPTED));

    // the old deadline passes without consequence
    setClock(LocalDateTime.of(2026, 3, 23, 9, 0));
    management.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .forEach(j -> management.executeJob(j.getId()));
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.GREEN);
  }

  @Test
  @DisplayName("R8 a rejected extension leaves the deadline; a request after the deadline is refused")
  void extensionRejectedOrLate() {
    ProcessInstance pi = register();
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION", "extensionDeadline", "2026-04-10",
        "extensionReason", "需要更多时间"));
    complete(pi, "decideExtension", "wangfxz", Map.of("extensionApproved", "false", "extensionComment", "按原时限完成"));
    assertThat(caseOf(pi).getDeadline()).hasToString("2026-03-20");
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)));

    assertThatThrownBy(() -> complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION",
        "extensionDeadline", "2026-03-18", "extensionReason", "再议")))
        .isInstanceOf(InputException.class).hasMessageContaining("须晚于现完成时限");

    fire(pi, "stageLimitReached");
    assertThatThrownBy(() -> complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION",
        "extensionDeadline", "2026-04-30", "extensionReason", "来不及了")))
        .isInstanceOf(InputException.class).hasMessageContaining("本事项已发出限期催办单，不能再申请延期");
  }

  // ------------------------------------------------------------------ R9

  @Test
  @DisplayName("R9 slow progress: approved by the principal leader, an interview by the organisation head, then by the principal leader")
  void interviews() {
    Map<String, Object> form = registrationForm();
    form.put("reportIntervalDays", 3);
    form.put("milestones", "");  // R1: the reporting interval is the schedule
    ProcessInstance pi = register(form);
    signFor(pi);
    fire(pi, "checkpointReached");
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "多次催办仍无进展",
        "requestInterview", true));
    // the interview runs beside the report checks, which go on
    assertThat(pi).isWaitingAt("approveInterview", "checkpointReached", "handleCase", "stageLimitReached");
    Task approval = task(pi, "approveInterview");
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("principal-leaders").count()).isOne();
    complete(pi, "approveInterview", "zhaoxz", Map.of("interviewApproved", "true"));
    complete(pi, "interviewByOrganizationHead", "zuzhi", Map.of("interviewOutcome", "约谈局长何建平，承诺两周内开工",
        "interviewEffective", "false"));
    complete(pi, "interviewByPrincipalLeader", "zhaoxz", Map.of("interviewOutcome", "县长约谈，责令限期整改",
        "interviewEffective", "true"));

    assertThat(supervision.urgings(caseOf(pi).getId())).extracting(UrgingRecord::getMethod).containsExactly(
        UrgingMethod.PHONE, UrgingMethod.INTERVIEW_BY_ORGANIZATION_HEAD, UrgingMethod.INTERVIEW_BY_PRINCIPAL_LEADER);
    assertThat(supervision.urgings(caseOf(pi).getId()).get(1).getEffective()).isFalse();
    assertThat(pi).isWaitingAt("checkpointReached", "handleCase", "stageLimitReached");

    // a later phone urging records its own outcome, not the last interview's
    fire(pi, "checkpointReached");
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "第二次电话催办"));
    UrgingRecord last = supervision.urgings(caseOf(pi).getId()).get(3);
    assertThat(last.getOutcome()).isEqualTo("第二次电话催办");
    assertThat(last.getEffective()).isNull();
  }

  @Test
  @DisplayName("R9 an interview the principal leader does not approve is not held")
  void interviewRefused() {
    Map<String, Object> form = registrationForm();
    form.put("reportIntervalDays", 3);
    form.put("milestones", "");  // R1: the reporting interval is the schedule
    ProcessInstance pi = register(form);
    signFor(pi);
    fire(pi, "checkpointReached");
    complete(pi, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "无进展", "requestInterview", true));
    complete(pi, "approveInterview", "zhaoxz", Map.of("interviewApproved", "false", "interviewComment", "再催办一次"));
    assertThat(hasTask(pi, "interviewByOrganizationHead")).isFalse();
    assertThat(pi).isWaitingAt("checkpointReached", "handleCase", "stageLimitReached");
  }

  // ------------------------------------------------------------------ R10

  @Test
  @DisplayName("R10 a withdrawal from Tasklist ends the case with its reason and keeps every record")
  void withdrawal() {
    ProcessInstance pi = register();
    fire(pi, "signForOverdue");
    // open tasks are cancelled with the case; nobody has to fill in their forms first
    assertThat(pi).isWaitingAt("signFor", "urgeSignFor", "stageLimitReached");
    SupervisionCase c = caseOf(pi);
    ProcessInstance request = startWithdrawal(c.getCaseNumber(), "上级已调整工作部署");

    assertThat(request).isEnded();
    assertThat(pi).isEnded();
    c = reload(c);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(c.getWithdrawalReason()).isEqualTo("上级已调整工作部署");
    assertThat(c.getWithdrawnBy()).isEqualTo("ducha");
    assertThat(notice(c, NoticeKind.GREEN)).isPresent();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R10 a withdrawal that cannot be carried out goes to a correction step, and resubmitted it works")
  void withdrawalCorrection() {
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);
    ProcessInstance request = startWithdrawal("督〔2026〕999号", "重复立项");

    assertThat(request).isWaitingAt("correctWithdrawal");
    assertThat(runtime.getVariable(request.getId(), "correctionMessage").toString()).contains("督〔2026〕999号", "不存在");
    // the form keeps what is to be corrected
    assertThat(runtime.getVariable(request.getId(), "withdrawalReason")).isEqualTo("重复立项");
    complete(request, "correctWithdrawal", "ducha", Map.of("caseNumber", c.getCaseNumber(), "withdrawalReason", "重复立项",
        "resubmit", "true"));
    assertThat(request).isEnded();
    assertThat(reload(c).getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(pi).isEnded();

    ProcessInstance again = startWithdrawal(c.getCaseNumber(), "再次撤销");
    assertThat(runtime.getVariable(again.getId(), "correctionMessage").toString()).contains("已撤销");
    complete(again, "correctWithdrawal", "ducha", Map.of("resubmit", "false"));
    assertThat(again).isEnded();
  }

  private ProcessInstance startWithdrawal(String caseNumber, String reason) {
    authenticate("ducha");
    try {
      String id = repository.createProcessDefinitionQuery().processDefinitionKey("case-withdrawal").latestVersion()
          .singleResult().getId();
      return forms.submitStartForm(id, Map.of("caseNumber", caseNumber, "withdrawalReason", reason));
    } finally {
      identity.clearAuthentication();
    }
  }

  // ------------------------------------------------------------------ forms

  @Test
  @DisplayName("a task form's choices are checked on the server too: a missing or unknown action is refused with 400, not a 500")
  void formChoicesAreChecked() {
    ProcessInstance pi = register();
    signFor(pi);
    assertThatThrownBy(() -> complete(pi, "handleCase", "zjj-lin", Map.of()))
        .isInstanceOf(InputException.class).hasMessageContaining("请填写本次办理（handleAction）");
    assertThatThrownBy(() -> complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "FOO")))
        .isInstanceOf(InputException.class).hasMessageContaining("“FOO”不是本次办理的可选项");
    assertThat(pi).isWaitingAt("handleCase", "stageLimitReached");
  }

  @Test
  @DisplayName("R1 R8 a date sent as a Date (by an API client) is read as that day in Beijing")
  void datesAsDates() {
    Map<String, Object> form = registrationForm();
    form.put("deadline", at(LocalDateTime.of(2026, 3, 20, 0, 0)));
    ProcessInstance pi = register(form);
    assertThat(caseOf(pi).getDeadline()).hasToString("2026-03-20");
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION",
        "extensionDeadline", at(LocalDateTime.of(2026, 4, 3, 0, 0)), "extensionReason", "天气原因"));
    assertThat(supervision.extensionRequests(caseOf(pi).getId())).singleElement()
        .satisfies(r -> assertThat(r.getRequestedDeadline()).hasToString("2026-04-03"));
  }

  @Test
  @DisplayName("a task that comes round again opens with an empty form")
  void freshForms() {
    ProcessInstance pi = register();
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "第一次进展"));
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("handleAction", "progressContent");
    assertThat(forms.getTaskFormVariables(task(pi, "handleCase").getId()).keySet())
        .contains("caseNumber", "warningLevelLabel", "deadlineText", "milestoneOptions")
        .doesNotContain("progressContent");
    assertThat(supervision.progressReports(caseOf(pi).getId())).extracting(ProgressReport::getContent)
        .containsExactly("第一次进展");
  }
}
