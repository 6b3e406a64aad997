package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.LedgerRepository;
import cn.duban.ledger.SubjectType;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.notice.NoticeRepository;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.duban.supervision.SupervisionService;
import cn.duban.supervision.CaseScoring;
import cn.duban.supervision.SupervisionCaseRepository;
import cn.duban.supervision.SupervisionCase;
/**
 * Drives supervision cases the way Tasklist does (start form, task forms) and the way time does
 * (by moving the engine clock to a timer's due date and executing the timer's job). The demo
 * organisation is the cast: 县住房和城乡建设局 (zjj) leads, 县发展和改革局 (fgj) helps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class ProcessTestSupport {

  protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Monday 2 March 2026, 09:00: no holiday near, the Qingming festival is a month away. */
  protected static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 9, 0);

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected FormService forms;
  @Autowired protected ManagementService management;
  @Autowired protected RepositoryService repository;
  @Autowired protected HistoryService history;
  @Autowired protected IdentityService identity;
  @Autowired protected SupervisionService supervision;
  @Autowired protected SupervisionCaseRepository cases;
  @Autowired protected LedgerRepository ledger;
  @Autowired protected NoticeRepository notices;

  @BeforeEach
  void bindEngineAndClock() {
    BpmnAwareTests.init(engine);
    setClock(MONDAY);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  protected static void setClock(LocalDateTime at) {
    ClockUtil.setCurrentTime(Date.from(at.atZone(SHANGHAI).toInstant()));
  }

  protected static Date at(LocalDateTime time) {
    return Date.from(time.atZone(SHANGHAI).toInstant());
  }

  /** The start form as the supervision office fills it in, deadline Friday 20 March. */
  protected static Map<String, Object> registrationForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("source", "LEADER_ASSIGNMENT");
    form.put("title", "城区老旧小区改造");
    form.put("leaderInCharge", "wangfxz");
    form.put("leadUnit", "zjj");
    form.put("coUnits", SpinValues.jsonValue("[\"fgj\"]").create());
    form.put("responsiblePerson", "zjj-lin");
    form.put("deadline", "2026-03-20");
    form.put("content", "完成城区12个老旧小区改造，3月底前全部开工");
    // R1: the schedule (定进度) is a milestone here, on the deadline, and no periodic reports: no
    // checkpoint falls due before the deadline, so that nothing runs by surprise beside a test's steps
    form.put("milestones", "2026-03-20 12个小区全部开工");
    form.put("qualityChecklist", "改造方案经专家评审\n居民满意度不低于90%");
    form.put("initialLevel", "GREEN");
    form.put("reportIntervalDays", 0);
    return form;
  }

  /** A case of the transport bureau alone, in the charge of 李文华: another unit's work than {@link #registrationForm()}. */
  protected static Map<String, Object> transportRegistrationForm(String title) {
    Map<String, Object> form = registrationForm();
    form.put("title", title);
    form.put("leadUnit", "jtj");
    form.remove("coUnits");
    form.put("responsiblePerson", "jtj-xu");
    form.put("leaderInCharge", "lifxz");
    return form;
  }

  /** Runs inside one engine command and transaction, where the engine's internals (its entity cache) are at hand. */
  protected <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  /** Acts as a user logged in to the webapps: the user with their groups, for the authorization checks. */
  protected void authenticate(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
  }

  /** Starts a process as its starter does in Tasklist: with the start form, as that user. */
  protected ProcessInstance start(String processKey, String user, Map<String, Object> form) {
    authenticate(user);
    try {
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
          .latestVersion().singleResult().getId();
      return forms.submitStartForm(definitionId, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  protected ProcessInstance register(Map<String, Object> form) {
    return start("supervision-case", "ducha", form);
  }

  protected ProcessInstance register() {
    return register(registrationForm());
  }

  protected SupervisionCase caseOf(ProcessInstance pi) {
    return cases.findByCaseNumber(pi.getBusinessKey()).orElseThrow();
  }

  protected SupervisionCase reload(SupervisionCase c) {
    return cases.findById(c.getId()).orElseThrow();
  }

  protected Task task(ProcessInstance pi, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).list();
    assertThat(found).as("open task %s", taskKey).hasSize(1);
    return found.get(0);
  }

  protected boolean hasTask(ProcessInstance pi, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0;
  }

  /** Completes a task as its user does in Tasklist: claims it and submits the form. */
  protected void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> form) {
    complete(task(pi, taskKey), user, form);
  }

  protected void complete(Task t, String user, Map<String, Object> form) {
    authenticate(user);
    try {
      if (t.getAssignee() == null) {
        tasks.claim(t.getId(), user);
      }
      forms.submitTaskForm(t.getId(), form);
    } finally {
      identity.clearAuthentication();
    }
  }

  protected void signFor(ProcessInstance pi) {
    complete(pi, "signFor", "zjj-lin", Map.of("signConfirmed", true));
  }

  protected void submitClosure(ProcessInstance pi) {
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "CLOSURE",
        "closureReport", "12个小区全部开工，方案已评审，满意度调查92%", "closureEvidence", "评审意见、调查报告"));
    rateCoUnits(pi, "FAIR");
  }

  /** R31: the closure report gives each co-unit's contribution and rating (一般 books nothing by default). */
  protected void rateCoUnits(ProcessInstance pi, String rating) {
    for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("rateCoUnits").list()) {
      complete(t, t.getAssignee() != null ? t.getAssignee() : "zjj-lin",
          Map.of("coUnitContribution", "提供项目立项和资金安排支持", "coUnitRating", rating));
    }
  }

  protected void accept(ProcessInstance pi, boolean exceedsStandard) {
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "ACCEPTED",
        "checklistMet", SpinValues.jsonValue("[\"改造方案经专家评审\",\"居民满意度不低于90%\"]").create(),
        "exceedsStandard", exceedsStandard));
  }

  /** A case registered on Monday 2 March and closed on Monday 16 March: on time, not early. */
  protected ProcessInstance closedOnTimeNotEarly() {
    ProcessInstance pi = register();
    signFor(pi);
    setClock(LocalDateTime.of(2026, 3, 16, 10, 0));
    submitClosure(pi);
    accept(pi, false);
    return pi;
  }

  /** A complaint as the complaint desk registers it from the hotline, against 县住房和城乡建设局. */
  protected static Map<String, Object> complaintForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("channel", "HOTLINE");
    form.put("complaintType", "COMPLAINT");
    form.put("unitCode", "zjj");
    form.put("officialName", "窗口工作人员");
    form.put("content", "3月2日上午到住建局窗口办理房屋登记，工作人员态度冷漠，材料齐全仍拒绝受理。");
    form.put("complainantName", "王先生");
    form.put("complainantContact", "13800000000");
    form.put("anonymous", false);
    return form;
  }

  protected ProcessInstance fileComplaint(Map<String, Object> form) {
    return start("complaint-investigation", "tousu", form);
  }

  protected Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
  }

  protected Optional<Job> findTimer(ProcessInstance pi, String activityId) {
    return Optional.ofNullable(timer(pi, activityId));
  }

  /** Lets time pass until the timer is due (a minute past its due date) and fires it. */
  protected void fire(ProcessInstance pi, String activityId) {
    Job job = timer(pi, activityId);
    assertThat(job).as("timer %s", activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
    management.executeJob(job.getId());
  }

  protected List<LedgerEntry> ledgerOf(SupervisionCase c) {
    return ledger.findBySourceTypeAndSourceIdOrderById(CaseScoring.SOURCE_TYPE, c.getCaseNumber());
  }

  /** The units' part of a case's ledger as "rule subject points" lines, for readable assertions. */
  protected List<String> bookings(SupervisionCase c) {
    return bookings(c, SubjectType.UNIT);
  }

  /** R32: the responsible person's part of a case's ledger, as "rule person points" lines. */
  protected List<String> personBookings(SupervisionCase c) {
    return bookings(c, SubjectType.PERSON);
  }

  private List<String> bookings(SupervisionCase c, SubjectType type) {
    return ledgerOf(c).stream().filter(e -> e.getSubjectType() == type)
        .map(e -> e.getRule() + " " + e.getSubjectId() + " " + e.getPoints().stripTrailingZeros().toPlainString())
        .toList();
  }

  protected Optional<Notice> notice(SupervisionCase c, NoticeKind kind) {
    return notices.findByCaseIdAndKind(c.getId(), kind);
  }

  protected static BigDecimal points(String value) {
    return new BigDecimal(value);
  }
}
