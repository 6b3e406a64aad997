package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.common.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R30 (a lead unit returns a case, the office reassigns it or insists; the office reassigns at any
 * time) and R31 (co-units do their part, are urged, and are rated at closure) on
 * supervision-case.bpmn, through the forms a person fills in and the records they leave.
 */
class DisputesAndCoUnitsTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private void returnCase(ProcessInstance pi, String reason, String text) {
    Map<String, Object> form = new HashMap<>();
    form.put("signForAction", "RETURN");
    form.put("returnReason", reason);
    form.put("returnReasonText", text);
    complete(pi, "signFor", "zjj-lin", form);
  }

  private long tasksOfGroup(ProcessInstance pi, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group).includeAssignedTasks()
        .count();
  }

  private String variable(ProcessInstance pi, String name) {
    Object v = runtime.getVariable(pi.getId(), name);
    return v == null ? null : v.toString();
  }

  // ------------------------------------------------------------------ R30 return

  @Test
  @DisplayName("R30 a lead unit returns a case within the sign-for limit; the office reassigns it and the new unit signs for it afresh, the deadline unchanged")
  void returnedAndReassigned() {
    ProcessInstance pi = register();
    returnCase(pi, "NOT_OUR_DUTY", "老旧小区改造中的道路部分应由交通局牵头");

    assertThat(pi).isWaitingAt("decideReturn", "stageLimitReached");
    Task decide = task(pi, "decideReturn");
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).taskCandidateGroup("supervision-office").count()).isOne();
    SupervisionCase c = caseOf(pi);
    assertThat(supervision.returns(c.getId())).singleElement().satisfies(r -> {
      assertThat(r.getLeadUnit()).isEqualTo("zjj");
      assertThat(r.getReason()).isEqualTo(ReturnReason.NOT_OUR_DUTY);
      assertThat(r.getDecision()).isEqualTo(ReturnDecision.PENDING);
      assertThat(r.getReturnedBy()).isEqualTo("zjj-lin");
    });
    assertThat(variable(pi, "returnText")).contains("县住房和城乡建设局申请退办", "职责不符");
    assertThat(variable(pi, "caseHistory")).contains("申请退办");

    // the office decides the next day: a person of another unit is refused, then the case goes to jtj
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    Map<String, Object> decision = new HashMap<>(Map.of("returnDecision", "REASSIGN", "newLeadUnit", "jtj",
        "newResponsiblePerson", "fgj-zhang", "returnDecisionComment", "道路改造属交通局职责，改由交通局牵头"));
    assertThatThrownBy(() -> complete(pi, "decideReturn", "ducha", decision)).isInstanceOf(InputException.class)
        .hasMessageContaining("责任人须为改派的承办单位“县交通运输局”的人员");
    decision.put("newResponsiblePerson", "jtj-xu");
    complete(pi, "decideReturn", "ducha", decision);

    c = caseOf(pi);
    assertThat(c.getLeadUnit()).isEqualTo("jtj");
    assertThat(c.getResponsiblePerson()).isEqualTo("jtj-xu");
    assertThat(c.getDeadline()).isEqualTo(c.getOriginalDeadline());
    assertThat(c.getStatus()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(c.coUnitList()).containsExactly("fgj");
    assertThat(supervision.returns(c.getId())).singleElement().satisfies(r -> {
      assertThat(r.getDecision()).isEqualTo(ReturnDecision.REASSIGN);
      assertThat(r.isUnjustified()).isFalse();
      assertThat(r.getDecided().by()).isEqualTo("ducha");
    });
    assertThat(supervision.reassignments(c.getId())).singleElement().satisfies(r -> {
      assertThat(r.getFromUnit()).isEqualTo("zjj");
      assertThat(r.getToUnit()).isEqualTo("jtj");
      assertThat(r.getReason()).contains("改由交通局牵头");
    });
    // a fresh sign-for for the new unit: its task, its limit (one working day from Tuesday), its timer
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    Task signFor = task(pi, "signFor");
    assertThat(tasksOfGroup(pi, "unit-jtj")).isOne();
    assertThat(tasksOfGroup(pi, "unit-zjj")).isZero();
    assertThat(signFor.getAssignee()).as("the new unit's post holder").isEqualTo("jtj-xu");
    assertThat(signFor.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 4, 23, 59, 59)));
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(signFor.getDueDate());
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59)));
    assertThat(variable(pi, "leadUnitGroup")).isEqualTo("unit-jtj");
    assertThat(variable(pi, "caseParties")).contains("**牵头承办单位**：县交通运输局", "**责任人**：徐丽");
    assertThat(variable(pi, "caseHistory")).contains("改派：由县住房和城乡建设局改由县交通运输局牵头承办");
    assertThat(c.accountabilitySubjects()).extracting(s -> s.key()).containsExactly("UNIT:jtj", "PERSON:jtj-xu");
    assertThat(bookings(c)).as("a return found justified costs nothing").isEmpty();

    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    assertThat(task(pi, "handleCase").getAssignee()).isEqualTo("jtj-xu");
    assertThat(caseOf(pi).getSignedBy()).isEqualTo("jtj-xu");
  }

  @Test
  @DisplayName("R30 the office insists: the unit must sign for, the dispute is recorded and an unjustified return books 推诿扯皮 −1")
  void insisted() {
    ProcessInstance pi = register();
    returnCase(pi, "HANDLED_ELSEWHERE", "该事项已由发改局办理");
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", true,
        "returnDecisionComment", "老旧小区改造属住建局职责，发改局仅负责立项"));

    SupervisionCase c = caseOf(pi);
    assertThat(c.getLeadUnit()).isEqualTo("zjj");
    assertThat(supervision.returns(c.getId())).singleElement().satisfies(r -> {
      assertThat(r.getDecision()).isEqualTo(ReturnDecision.INSIST);
      assertThat(r.isUnjustified()).isTrue();
      assertThat(r.getDecided().comment()).contains("属住建局职责");
    });
    assertThat(bookings(c)).containsExactly("RETURN_UNJUSTIFIED zjj -1");
    assertThat(ledgerOf(c)).singleElement().satisfies(e -> {
      assertThat(e.getRuleRef()).isEqualTo("R30");
      assertThat(e.getRuleLabel()).contains("推诿扯皮");
    });
    assertThat(variable(pi, "caseHistory")).contains("退办审定：维持原承办单位（认定推诿扯皮）");

    // back to the unit, with a fresh limit; a second return is refused
    Task signFor = task(pi, "signFor");
    assertThat(tasksOfGroup(pi, "unit-zjj")).isOne();
    assertThat(signFor.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 4, 23, 59, 59)));
    assertThatThrownBy(() -> returnCase(pi, "NOT_OUR_DUTY", null)).isInstanceOf(InputException.class)
        .hasMessageContaining("督查室已审定由本单位承办，不能再次退办")
        .extracting(e -> ((InputException) e).field()).isEqualTo("signForAction");
    signFor(pi);
    assertThat(caseOf(pi).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(bookings(caseOf(pi))).as("booked once").containsExactly("RETURN_UNJUSTIFIED zjj -1");
  }

  @Test
  @DisplayName("R30 insisting without finding the return unjustified books nothing")
  void insistedWithoutDeduction() {
    ProcessInstance pi = register();
    returnCase(pi, "OTHER", "本局人手不足");
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", false,
        "returnDecisionComment", "仍由住建局牵头，发改局协助"));
    assertThat(bookings(caseOf(pi))).isEmpty();
    assertThat(supervision.returns(caseOf(pi).getId()).get(0).reasonDescription()).isEqualTo("本局人手不足");
  }

  @Test
  @DisplayName("R30 a return needs a reason (其他 with its text) and is refused once the sign-for limit has passed")
  void returnRefused() {
    ProcessInstance pi = register();
    assertThatThrownBy(() -> returnCase(pi, null, null)).isInstanceOf(InputException.class)
        .hasMessageContaining("请选择退办理由");
    assertThatThrownBy(() -> returnCase(pi, "OTHER", " ")).isInstanceOf(InputException.class)
        .hasMessageContaining("请填写退办理由说明").extracting(e -> ((InputException) e).field())
        .isEqualTo("returnReasonText");
    assertThatThrownBy(() -> complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "SIGN")))
        .isInstanceOf(InputException.class).hasMessageContaining("请勾选“已阅知督办要求，确认签收并按期办理”");
    // the form's fields only: the guard refuses a lead unit that tries to name its successor
    assertThatThrownBy(() -> complete(pi, "signFor", "zjj-lin", Map.of("signForAction", "RETURN",
        "returnReason", "NOT_OUR_DUTY", "newLeadUnit", "jtj"))).isInstanceOf(InputException.class)
        .hasMessageContaining("只能提交表单中的内容").hasMessageContaining("newLeadUnit");

    fire(pi, "signForOverdue");
    assertThatThrownBy(() -> returnCase(pi, "NOT_OUR_DUTY", null)).isInstanceOf(InputException.class)
        .hasMessageContaining("签收时限已过，不能退办");
    assertThat(supervision.returns(caseOf(pi).getId())).isEmpty();
    assertThat(pi).isWaitingAt("signFor", "urgeSignFor");
  }

  // ------------------------------------------------------------------ R30 reassignment at any time

  @Test
  @DisplayName("R30 the office reassigns a case at any time: tasks, timers, grants and the dashboard follow the new unit; the old unit keeps reading what it did")
  void reassignedAnyTime() throws Exception {
    ProcessInstance pi = register();
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "已完成3个小区的方案设计"));
    SupervisionCase c = caseOf(pi);
    String reassignment = "/api/cases/" + c.getId() + "/reassignment";

    // only the supervision office, and only with a unit, a person of it and a reason
    assertThat(http.post(reassignment, "{\"newLeadUnit\":\"jtj\",\"newResponsiblePerson\":\"jtj-xu\","
        + "\"reassignmentReason\":\"调整\"}", "zjj-lin").statusCode()).isEqualTo(403);
    HttpResponse<String> same = http.post(reassignment, "{\"newLeadUnit\":\"zjj\",\"newResponsiblePerson\":\"zjj-he\","
        + "\"reassignmentReason\":\"调整\"}", "ducha");
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(same.body()).contains("改派的承办单位须不同于现牵头承办单位");
    HttpResponse<String> noReason = http.post(reassignment,
        "{\"newLeadUnit\":\"jtj\",\"newResponsiblePerson\":\"jtj-xu\"}", "ducha");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("请填写改派理由");

    setClock(LocalDateTime.of(2026, 3, 5, 10, 0));
    HttpResponse<String> done = http.post(reassignment, "{\"newLeadUnit\":\"jtj\",\"newResponsiblePerson\":\"jtj-xu\","
        + "\"newDeadline\":\"2026-03-27\",\"reassignmentReason\":\"县政府调整分工，改由交通局牵头\"}", "ducha");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

    c = caseOf(pi);
    assertThat(c.getLeadUnit()).isEqualTo("jtj");
    assertThat(c.getDeadline()).hasToString("2026-03-27");
    assertThat(c.getSignedAt()).isNull();
    // the old unit's tasks are gone; the new unit signs for it; the timers follow the new deadline
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    assertThat(tasksOfGroup(pi, "unit-zjj")).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("zjj-lin").count()).isZero();
    assertThat(tasksOfGroup(pi, "unit-jtj")).isOne();
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 27, 23, 59, 59)));
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 6, 23, 59, 59)));
    assertThat(variable(pi, "deadlineText")).isEqualTo("2026-03-27");

    // grants: the new unit reads and works; the old unit reads the case and its record, works nothing
    String taskId = task(pi, "signFor").getId();
    assertThat(http.get("/engine-rest/task/" + taskId, "jtj-xu").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + pi.getId(), "jtj-xu").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + taskId, "zjj-lin").statusCode()).isIn(403, 404);
    assertThat(JSON.readTree(http.get("/engine-rest/task?processInstanceId=" + pi.getId(), "zjj-lin").body()))
        .isEmpty();
    HttpResponse<String> oldUnitReads = http.get("/api/cases/" + c.getId(), "zjj-lin");
    assertThat(oldUnitReads.statusCode()).isEqualTo(200);
    assertThat(oldUnitReads.body()).contains("已完成3个小区的方案设计", "县政府调整分工");
    assertThat(http.get("/engine-rest/history/process-instance/" + pi.getId(), "zjj-lin").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases?year=2026", "zjj-lin").body()).contains(c.getCaseNumber());
    assertThat(http.get("/api/cases/" + c.getId(), "sthj-luo").statusCode()).as("a stranger still").isEqualTo(403);

    // the dashboard counts it for the new unit
    JsonNode board = JSON.readTree(http.get("/api/dashboard/cases?unit=jtj", "jtj-xu").body());
    Long caseId = c.getId();
    assertThat(board.path("cases").findParents("caseId")).anySatisfy(row -> {
      assertThat(row.path("caseId").asLong()).isEqualTo(caseId);
      assertThat(row.path("unit").asText()).isEqualTo("jtj");
      assertThat(row.path("unitName").asText()).isEqualTo("县交通运输局");
    });
    assertThat(JSON.readTree(http.get("/api/dashboard/cases?unit=jtj", "zjj-lin").body()).path("cases")
        .findValuesAsText("caseId")).as("the unit that led it before").doesNotContain(caseId.toString());

    // the new unit works it to the end; nothing is booked for the old one
    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    complete(pi, "handleCase", "jtj-xu", Map.of("handleAction", "CLOSURE", "closureReport", "全部开工",
        "closureEvidence", "照片"));
    rateCoUnits(pi, "FAIR");
    accept(pi, false);
    assertThat(bookings(caseOf(pi))).containsExactlyInAnyOrder("CLOSED_ON_TIME jtj 2", "CLOSED_ON_TIME fgj 1",
        "CLOSED_EARLY jtj 0.5");
    HttpResponse<String> closed = http.post(reassignment, "{\"newLeadUnit\":\"zjj\",\"newResponsiblePerson\":\"zjj-lin\","
        + "\"reassignmentReason\":\"再调整\"}", "ducha");
    assertThat(closed.statusCode()).isEqualTo(400);
    assertThat(closed.body()).contains("已办结，不能改派");
  }

  @Test
  @DisplayName("R30 a case whose closure awaits acceptance is not reassigned; a co-unit made lead unit leaves the co-units")
  void reassignmentRules() {
    ProcessInstance pi = register();
    signFor(pi);
    submitClosure(pi);
    assertThatThrownBy(() -> supervision.reassign(caseOf(pi).getId(),
        new SupervisionService.ReassignmentInput("jtj", "jtj-xu", null, "调整"), "ducha"))
        .isInstanceOf(InputException.class).hasMessageContaining("办结报告待验收，请验收后再改派");

    ProcessInstance other = register();
    reassignmentRequests.request(caseOf(other).getId(),
        new SupervisionService.ReassignmentInput("fgj", "fgj-zhang", null, "发改局牵头更合适"), "ducha");
    SupervisionCase c = caseOf(other);
    assertThat(c.getLeadUnit()).isEqualTo("fgj");
    assertThat(c.coUnitList()).isEmpty();
    assertThat(tasksOfGroup(other, "unit-fgj")).isOne();
    assertThat(supervision.viewers(c.getId()).groups()).containsExactlyInAnyOrder("unit-fgj", "unit-zjj");
  }

  @Autowired CaseReassignmentRequests reassignmentRequests;

  // ------------------------------------------------------------------ R31 co-units

  private Map<String, Object> withCoUnits(String... units) {
    Map<String, Object> form = registrationForm();
    form.put("coUnits", SpinValues.jsonValue("[\"" + String.join("\",\"", units) + "\"]").create());
    return form;
  }

  @Test
  @DisplayName("R31 each co-unit gets its own task when the lead unit signs for, due 3 working days before the deadline unless the lead unit sets a limit")
  void coUnitTasks() {
    ProcessInstance pi = register(withCoUnits("fgj", "sthj"));
    assertThat(hasTask(pi, "reportCoUnitPart")).as("not before the sign-for").isFalse();
    signFor(pi);

    List<Task> parts = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reportCoUnitPart")
        .list();
    assertThat(parts).hasSize(2);
    assertThat(tasksOfGroup(pi, "unit-fgj")).isOne();
    assertThat(tasksOfGroup(pi, "unit-sthj")).isOne();
    // Friday 20 March less three working days: Tuesday 17 March
    assertThat(parts).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 17, 23, 59, 59))));
    assertThat(supervision.coUnitParts(caseOf(pi).getId())).extracting(CoUnitPart::getUnitCode).containsExactly("fgj", "sthj");

    ProcessInstance set = register(withCoUnits("fgj"));
    assertThatThrownBy(() -> complete(set, "signFor", "zjj-lin", Map.of("signConfirmed", true,
        "coUnitDueDate", "2026-03-25"))).isInstanceOf(InputException.class)
        .hasMessageContaining("协办单位报送时限须在今天至完成时限2026-03-20之间");
    complete(set, "signFor", "zjj-lin", Map.of("signConfirmed", true, "coUnitDueDate", "2026-03-11"));
    assertThat(task(set, "reportCoUnitPart").getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 11, 23, 59, 59)));
    assertThat(timer(set, "coUnitPartOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 11, 23, 59, 59)));
  }

  @Test
  @DisplayName("R31 a co-unit that lets its limit pass is urged like a lead unit; its report reaches the lead unit's record")
  void coUnitUrgedAndReports() {
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "coUnitPartOverdue");

    Task urge = task(pi, "urgeCoUnit");
    assertThat(tasks.createTaskQuery().taskId(urge.getId()).taskCandidateGroup("supervision-office").count()).isOne();
    assertThat(runtime.getVariable(urge.getExecutionId(), "missedWhat")).isEqualTo("县发展和改革局的协办事项");
    complete(urge, "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "已电话督促发改局张敏，明日报送"));
    assertThat(supervision.urgings(caseOf(pi).getId())).singleElement().satisfies(u -> {
      assertThat(u.getReason()).isEqualTo(UrgingReason.CO_UNIT_OVERDUE);
      assertThat(u.getMethod()).isEqualTo(UrgingMethod.PHONE);
    });

    assertThatThrownBy(() -> complete(pi, "reportCoUnitPart", "fgj-zhang", Map.of("coUnitReport", " ")))
        .isInstanceOf(InputException.class).hasMessageContaining("协办事项办理情况");
    complete(pi, "reportCoUnitPart", "fgj-zhang", Map.of("coUnitReport", "已安排改造补助资金1200万元"));
    assertThat(hasTask(pi, "reportCoUnitPart")).isFalse();
    assertThat(supervision.coUnitParts(caseOf(pi).getId())).singleElement().satisfies(p -> {
      assertThat(p.getReport()).contains("1200万元");
      assertThat(p.getReportedBy()).isEqualTo("fgj-zhang");
    });
    assertThat(variable(pi, "caseHistory")).contains("县发展和改革局报送协办事项：已安排改造补助资金1200万元");
    assertThat(supervision.coUnitPartText(caseOf(pi).getId(), "fgj")).endsWith("报送：已安排改造补助资金1200万元");
  }

  @Test
  @DisplayName("R31 the closure report gives each co-unit's contribution; at acceptance the lead unit's ratings book +0.5, 0 and −1 for the co-units")
  void coUnitsRated() {
    ProcessInstance pi = register(withCoUnits("fgj", "jtj", "sthj"));
    signFor(pi);
    complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reportCoUnitPart")
        .taskCandidateGroup("unit-fgj").includeAssignedTasks().singleResult(), "fgj-zhang",
        Map.of("coUnitReport", "已安排改造补助资金"));
    setClock(LocalDateTime.of(2026, 3, 16, 10, 0));
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "CLOSURE",
        "closureReport", "12个小区全部开工", "closureEvidence", "评审意见"));

    // the lead unit rates each co-unit before its closure report goes to the office
    List<Task> ratings = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("rateCoUnits").list();
    assertThat(ratings).hasSize(3).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("zjj-lin"));
    assertThat(hasTask(pi, "reviewClosure")).isFalse();
    Map<String, String> given = Map.of("fgj", "GOOD", "jtj", "FAIR", "sthj", "POOR");
    for (Task t : ratings) {
      String unit = runtime.getVariable(t.getExecutionId(), "coUnit").toString();
      assertThat(runtime.getVariable(t.getExecutionId(), "coUnitReportText").toString())
          .isEqualTo(unit.equals("fgj") ? "2026-03-02报送：已安排改造补助资金" : "尚未报送协办事项");
      if (unit.equals("sthj")) {
        assertThatThrownBy(() -> complete(t, "zjj-lin", Map.of("coUnitRating", "BAD", "coUnitContribution", "无")))
            .isInstanceOf(InputException.class).extracting(e -> ((InputException) e).field()).isEqualTo("coUnitRating");
      }
      complete(t, "zjj-lin", Map.of("coUnitContribution", unit + "的贡献", "coUnitRating", given.get(unit)));
    }
    assertThat(pi).isWaitingAt("reviewClosure");
    assertThat(variable(pi, "coUnitContributionsText")).contains("县发展和改革局（配合好）：fgj的贡献",
        "县交通运输局（一般）：jtj的贡献", "县生态环境分局（不配合）：sthj的贡献");

    accept(pi, false);
    SupervisionCase c = caseOf(pi);
    assertThat(bookings(c)).containsExactlyInAnyOrder("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1",
        "CLOSED_ON_TIME jtj 1", "CLOSED_ON_TIME sthj 1", "CO_UNIT_RATED_GOOD fgj 0.5", "CO_UNIT_RATED_POOR sthj -1");
    assertThat(ledgerOf(c)).filteredOn(e -> e.getRule().startsWith("CO_UNIT_RATED"))
        .allSatisfy(e -> assertThat(e.getRuleRef()).isEqualTo("R31"));
    assertThat(supervision.coUnitParts(c.getId())).extracting(CoUnitPart::getRating)
        .containsExactly(CoUnitRating.GOOD, CoUnitRating.FAIR, CoUnitRating.POOR);
    assertThat(pi).isEnded();
  }

  @Test
  @DisplayName("R31 a case without co-units behaves as before: no co-unit task, no rating step")
  void withoutCoUnits() {
    ProcessInstance pi = register(transportRegistrationForm("县道大修"));
    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    assertThat(hasTask(pi, "reportCoUnitPart")).isFalse();
    assertThat(runtime.getVariable(pi.getId(), "coUnitDueAt")).isNull();
    complete(pi, "handleCase", "jtj-xu", Map.of("handleAction", "CLOSURE", "closureReport", "完工", "closureEvidence", "照片"));
    assertThat(pi).isWaitingAt("reviewClosure");
    assertThat(runtime.getVariable(pi.getId(), "coUnitContributionsText")).isNull();
  }
}
