package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.PostgresTestSupport;
import cn.duban.common.InputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R30 (return, the office's decision, reassignment at any time) and R31 (co-units report, are
 * urged and rated) on a real PostgreSQL with the job executor running: the forms people fill in,
 * the API the office calls, and the rows they leave in case_return, case_reassignment,
 * case_co_unit_part and the ledger. A lapsed limit is passed by moving the engine clock past the
 * timer's due date; the job executor then executes the timer job, as it does in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "duban.calendar.holiday-dir=target/no-holiday-overrides"})
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500"})
class DisputesAndCoUnitsOnPostgresTest extends PostgresTestSupport {

  /** The password EmbeddedPostgres gives the demo users of the postgres profile. */
  private static final String USERS = "pg-demo-secret";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port, USERS);
  }

  @Test
  @DisplayName("R30 R31 on PostgreSQL: a return insisted on books 推诿扯皮 once, lapsed co-units are urged by the job executor and report, the office reassigns through the API, the new unit signs for, the old one keeps reading, and the co-unit ratings book at closure")
  void disputedCaseWithCoUnitsReassigned() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    Map<String, Object> registration = registrationForm();
    registration.put("coUnits", SpinValues.jsonValue("[\"fgj\",\"sthj\"]").create());
    ProcessInstance pi = register(registration);
    SupervisionCase c = caseOf(pi);

    // R30: the lead unit returns the case within its sign-for limit
    complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "RETURN", "returnReason", "HANDLED_ELSEWHERE",
        "returnReasonText", "该事项已由发改局办理"));
    assertThat(pi).isWaitingAt("decideReturn", "stageLimitReached");
    assertThat(jdbc.queryForList("select lead_unit, returned_by, reason, decision, unjustified from case_return"
        + " where case_id = ?", c.getId())).singleElement().isEqualTo(Map.of("lead_unit", "zjj",
        "returned_by", "zjj-lin", "reason", "HANDLED_ELSEWHERE", "decision", "PENDING", "unjustified", false));

    // the office insists the next day and finds the return unjustified: 推诿扯皮, booked once
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", true,
        "returnDecisionComment", "老旧小区改造属住建局职责，发改局仅负责立项"));
    assertThat(jdbc.queryForList("select decision, unjustified, decided_by, decision_comment from case_return"
        + " where case_id = ?", c.getId())).singleElement().isEqualTo(Map.of("decision", "INSIST",
        "unjustified", true, "decided_by", "ducha", "decision_comment", "老旧小区改造属住建局职责，发改局仅负责立项"));
    assertThat(bookings(c)).containsExactly("RETURN_UNJUSTIFIED zjj -1");
    assertThat(ledgerOf(c)).singleElement().satisfies(e -> {
      assertThat(e.getRuleRef()).isEqualTo("R30");
      assertThat(e.getRuleLabel()).isEqualTo("退办理由不成立（推诿扯皮）");
    });
    Task again = task(pi, "signFor");
    assertThat(again.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 4, 23, 59, 59)));
    assertThatThrownBy(() -> complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "RETURN",
        "returnReason", "NOT_OUR_DUTY"))).isInstanceOf(InputException.class)
        .hasMessageContaining("督查室已审定由本单位承办，不能再次退办");

    // R31: the unit signs for and gives its co-units until Thursday 5 March
    complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "SIGN", "signConfirmed", true,
        "coUnitDueDate", "2026-03-05"));
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(bookings(c)).as("booked once").containsExactly("RETURN_UNJUSTIFIED zjj -1");
    assertThat(coUnitTask(pi, "fgj").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 5, 23, 59, 59)));
    assertThat(coUnitTask(pi, "sthj").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 5, 23, 59, 59)));
    assertThat(jdbc.queryForList("select unit_code from case_co_unit_part where case_id = ? order by unit_code",
        String.class, c.getId())).containsExactly("fgj", "sthj");

    // both let their limit pass: the job executor executes the timers, the office is asked to urge
    lapse(pi, "coUnitPartOverdue");
    List<Task> urgings = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("urgeCoUnit").list();
    assertThat(urgings).hasSize(2).allSatisfy(t -> assertThat(tasks.createTaskQuery().taskId(t.getId())
        .taskCandidateGroup("supervision-office").count()).isOne());
    assertThat(urgings).extracting(t -> runtime.getVariable(t.getExecutionId(), "missedWhat"))
        .containsExactlyInAnyOrder("县发展和改革局的协办事项", "县生态环境分局的协办事项");
    setClock(LocalDateTime.of(2026, 3, 6, 9, 30));
    for (Task t : urgings) {
      complete(t, "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "已电话督促，今日报送"));
    }
    assertThat(supervision.urgings(c.getId())).hasSize(2)
        .allSatisfy(u -> assertThat(u.getReason()).isEqualTo(UrgingReason.CO_UNIT_OVERDUE));
    assertThat(hasTask(pi, "reportCoUnitPart")).as("urged, still to report").isTrue();

    // the development bureau reports; the environment bureau does not
    complete(coUnitTask(pi, "fgj"), "fgj-zhang", Map.of("coUnitReport", "已安排改造补助资金1200万元"));
    assertThat(jdbc.queryForList("select report, reported_by from case_co_unit_part where case_id = ?"
        + " and unit_code = 'fgj'", c.getId())).singleElement()
        .isEqualTo(Map.of("report", "已安排改造补助资金1200万元", "reported_by", "fgj-zhang"));
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "已完成3个小区的方案设计"));

    // R30: the office reassigns the case through the API, the deadline unchanged
    setClock(LocalDateTime.of(2026, 3, 6, 10, 0));
    String reassignment = "/api/cases/" + c.getId() + "/reassignment";
    assertThat(http.post(reassignment, "{\"newLeadUnit\":\"jtj\",\"newResponsiblePerson\":\"jtj-xu\","
        + "\"reassignmentReason\":\"调整\"}", "zjj-lin").statusCode()).as("only the office").isEqualTo(403);
    HttpResponse<String> done = http.post(reassignment, "{\"newLeadUnit\":\"jtj\",\"newResponsiblePerson\":\"jtj-xu\","
        + "\"reassignmentReason\":\"县政府调整分工，改由交通局牵头\"}", "ducha");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

    c = caseOf(pi);
    assertThat(c.getLeadUnit()).isEqualTo("jtj");
    assertThat(c.getResponsiblePerson()).isEqualTo("jtj-xu");
    assertThat(c.getSignedAt()).isNull();
    assertThat(c.getDeadline()).hasToString("2026-03-20");
    assertThat(jdbc.queryForList("select from_unit, to_unit, from_person, to_person, reassigned_by, reason,"
        + " cast(previous_deadline as varchar) as previous_deadline, cast(new_deadline as varchar) as new_deadline"
        + " from case_reassignment where case_id = ?", c.getId())).singleElement().isEqualTo(Map.of(
        "from_unit", "zjj", "to_unit", "jtj", "from_person", "zjj-lin", "to_person", "jtj-xu",
        "reassigned_by", "ducha", "reason", "县政府调整分工，改由交通局牵头",
        "previous_deadline", "2026-03-20", "new_deadline", "2026-03-20"));
    assertThat(jdbc.queryForObject("select former_lead_units from supervision_case where id = ?", String.class,
        c.getId())).isEqualTo("zjj");

    // the new unit's sign-for follows: its task, its post holder, its limit (one working day from Friday)
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    Task signFor = task(pi, "signFor");
    assertThat(signFor.getAssignee()).isEqualTo("jtj-xu");
    assertThat(tasks.createTaskQuery().taskId(signFor.getId()).taskCandidateGroup("unit-jtj").includeAssignedTasks()
        .count()).isOne();
    assertThat(signFor.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 23, 59, 59)));
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(signFor.getDueDate());
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)));
    assertThat(hasTask(pi, "reportCoUnitPart")).as("co-units wait for the new unit's sign-for").isFalse();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("unit-zjj")
        .includeAssignedTasks().count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("zjj-lin").count()).isZero();

    // grants: both units read the instance; the old unit works nothing but reads what it did
    for (String group : List.of("unit-zjj", "unit-jtj")) {
      assertThat(authorizations.isUserAuthorized(null, List.of(group), Permissions.READ, Resources.PROCESS_INSTANCE,
          pi.getId())).as(group).isTrue();
    }
    String rest = "/engine-rest/engine/" + engine.getName();
    assertThat(http.get(rest + "/task/" + signFor.getId(), "jtj-xu").statusCode()).isEqualTo(200);
    assertThat(http.get(rest + "/task/" + signFor.getId(), "zjj-lin").statusCode()).isIn(403, 404);
    assertThat(JSON.readTree(http.get(rest + "/task?processInstanceId=" + pi.getId(), "zjj-lin").body())).isEmpty();
    assertThat(http.get(rest + "/history/process-instance/" + pi.getId(), "zjj-lin").statusCode()).isEqualTo(200);
    HttpResponse<String> oldUnitReads = http.get("/api/cases/" + c.getId(), "zjj-lin");
    assertThat(oldUnitReads.statusCode()).isEqualTo(200);
    assertThat(oldUnitReads.body()).contains("已完成3个小区的方案设计", "该事项已由发改局办理", "县政府调整分工");

    // the new unit signs for on Monday; only the co-unit that has not reported is asked again
    setClock(LocalDateTime.of(2026, 3, 9, 10, 0));
    complete(pi, "signFor", "jtj-xu", Map.of("signForAction", "SIGN", "signConfirmed", true));
    assertThat(caseOf(pi).getSignedBy()).isEqualTo("jtj-xu");
    assertThat(task(pi, "handleCase").getAssignee()).isEqualTo("jtj-xu");
    assertThat(task(pi, "reportCoUnitPart").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 17, 23, 59, 59)));
    assertThat(coUnitTask(pi, "sthj")).isNotNull();

    // closure: the new lead unit rates its co-units, the office accepts, case-score.dmn books the ratings
    setClock(LocalDateTime.of(2026, 3, 16, 10, 0));
    complete(pi, "handleCase", "jtj-xu", Map.of("handleAction", "CLOSURE", "closureReport", "12个小区全部开工",
        "closureEvidence", "评审意见、照片"));
    List<Task> ratings = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("rateCoUnits").list();
    assertThat(ratings).hasSize(2).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("jtj-xu"));
    for (Task t : ratings) {
      String unit = runtime.getVariable(t.getExecutionId(), "coUnit").toString();
      assertThat(runtime.getVariable(t.getExecutionId(), "coUnitReportText"))
          .isEqualTo(unit.equals("fgj") ? "2026-03-06报送：已安排改造补助资金1200万元" : "尚未报送协办事项");
      complete(t, "jtj-xu", Map.of("coUnitContribution", unit.equals("fgj") ? "落实补助资金" : "未报送监测意见",
          "coUnitRating", unit.equals("fgj") ? "GOOD" : "POOR"));
    }
    accept(pi, false);

    c = caseOf(pi);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(pi).isEnded();
    assertThat(bookings(c)).containsExactlyInAnyOrder("RETURN_UNJUSTIFIED zjj -1", "CLOSED_ON_TIME jtj 2",
        "CLOSED_ON_TIME fgj 1", "CLOSED_ON_TIME sthj 1", "CO_UNIT_RATED_GOOD fgj 0.5", "CO_UNIT_RATED_POOR sthj -1");
    assertThat(personBookings(c)).containsExactly("CLOSED_ON_TIME jtj-xu 1");
    assertThat(ledgerOf(c)).filteredOn(e -> e.getRule().startsWith("CO_UNIT_RATED"))
        .extracting(e -> e.getRuleRef() + " " + e.getRuleLabel())
        .containsExactlyInAnyOrder("R31 协办配合好", "R31 协办不配合");
    assertThat(jdbc.queryForObject("select count(*) from score_ledger where rule_code = 'RETURN_UNJUSTIFIED'"
        + " and source_type = ? and source_id = ?", Long.class, CaseScoring.SOURCE_TYPE,
        c.getCaseNumber())).isOne();
    assertThat(jdbc.queryForList("select unit_code, rating, rated_by, report from case_co_unit_part"
        + " where case_id = ? order by unit_code", c.getId())).containsExactly(
        row("unit_code", "fgj", "rating", "GOOD", "rated_by", "jtj-xu", "report", "已安排改造补助资金1200万元"),
        row("unit_code", "sthj", "rating", "POOR", "rated_by", "jtj-xu", "report", null));
    assertThat(jdbc.queryForObject("select count(*) from case_return where case_id = ?", Long.class, c.getId()))
        .as("one dispute, recorded once").isOne();
    assertThat(http.get("/api/cases/" + c.getId(), "zjj-lin").statusCode()).as("after closure too").isEqualTo(200);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(management.createJobQuery().withException().count()).isZero();
  }

  @Test
  @DisplayName("R30 on PostgreSQL: a return found justified is reassigned by the office's decision form; the new unit signs for afresh, the deadline unchanged, nothing booked")
  void returnReassignedByTheDecisionForm() {
    ProcessInstance pi = register();
    complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "RETURN", "returnReason", "NOT_OUR_DUTY",
        "returnReasonText", "老旧小区改造中的道路部分应由交通局牵头"));
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    complete(pi, "decideReturn", "ducha", new HashMap<>(Map.of("returnDecision", "REASSIGN", "newLeadUnit", "jtj",
        "newResponsiblePerson", "jtj-xu", "returnDecisionComment", "道路改造属交通局职责，改由交通局牵头")));

    SupervisionCase c = caseOf(pi);
    assertThat(c.getLeadUnit()).isEqualTo("jtj");
    assertThat(c.getDeadline()).isEqualTo(c.getOriginalDeadline());
    assertThat(jdbc.queryForList("select decision, unjustified from case_return where case_id = ?", c.getId()))
        .singleElement().isEqualTo(Map.of("decision", "REASSIGN", "unjustified", false));
    assertThat(jdbc.queryForList("select from_unit, to_unit from case_reassignment where case_id = ?", c.getId()))
        .singleElement().isEqualTo(Map.of("from_unit", "zjj", "to_unit", "jtj"));
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    Task signFor = task(pi, "signFor");
    assertThat(signFor.getAssignee()).isEqualTo("jtj-xu");
    assertThat(signFor.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 4, 23, 59, 59)));
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(signFor.getDueDate());
    assertThat(authorizations.isUserAuthorized(null, List.of("unit-zjj"), Permissions.READ,
        Resources.PROCESS_INSTANCE, pi.getId())).as("the returning unit still reads").isTrue();

    complete(pi, "signFor", "jtj-xu", Map.of("signForAction", "SIGN", "signConfirmed", true));
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(coUnitTask(pi, "fgj")).isNotNull();
    assertThat(bookings(caseOf(pi))).as("a return found justified costs nothing").isEmpty();
  }

  private Task coUnitTask(ProcessInstance pi, String unit) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reportCoUnitPart")
        .taskCandidateGroup("unit-" + unit).includeAssignedTasks().list();
    assertThat(found).as("%s's 协办事项", unit).hasSize(1);
    return found.get(0);
  }

  /**
   * Lets time pass a minute beyond the latest of the instance's timers at {@code activityId} and
   * waits for the job executor to have executed them all, without failure.
   */
  private void lapse(ProcessInstance pi, String activityId) {
    List<Job> timers = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers()
        .list();
    assertThat(timers).as("timers %s", activityId).isNotEmpty();
    long latest = timers.stream().mapToLong(j -> j.getDuedate().getTime()).max().orElseThrow();
    ClockUtil.setCurrentTime(new Date(latest + 60_000));
    Awaitility.await("the job executor runs " + activityId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(() -> management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() == 0
            || management.createJobQuery().processInstanceId(pi.getId()).withException().count() > 0);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).withException().count()).isZero();
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }
}
