package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.calendar.LimitClock;
import cn.duban.WebappSession;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.CaseStatus;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.WarningLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * 督办看板 and the printable notices, as the supervisors and the units see them: through the
 * project's API, through Cockpit's plugin API with a webapp login, and on the notice pages.
 */
class DashboardTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired LimitClock clock;
  @Autowired NamedParameterJdbcTemplate jdbc;
  Http http;
  ProcessInstance housing;
  ProcessInstance transport;

  @BeforeEach
  void twoLateCases() {
    http = new Http(port);
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "住建局逾期事项" + System.nanoTime());
    housing = register(form);
    transport = register(transportRegistrationForm("交通局逾期事项" + System.nanoTime()));
    signFor(housing);
    fire(housing, "stageLimitReached");  // the deadline (Friday 20 March) passed: yellow
    // Wednesday 25 March: three working days after the deadline
    setClock(LocalDateTime.of(2026, 3, 25, 10, 0));
  }

  @Test
  @DisplayName("R4 the dashboard counts open cases by level and unit and lists the late ones in working days, each seeing its own")
  void dashboardThroughTheApi() throws Exception {
    JsonNode office = JSON.readTree(http.get("/api/dashboard", "ducha").body());
    JsonNode late = overdue(office, caseOf(housing));
    assertThat(late.path("workingDaysOverdue").asInt()).isEqualTo(3);
    assertThat(late.path("levelLabel").asText()).isEqualTo("黄灯");
    assertThat(late.path("processInstanceId").asText()).isEqualTo(housing.getId());
    assertThat(overdue(office, caseOf(transport))).isNotNull();
    assertThat(office.path("byLevel").findValuesAsText("level")).containsExactly("GREEN", "YELLOW", "RED", "ACCOUNTABILITY");
    assertThat(office.path("byUnit").findValuesAsText("unit")).contains("zjj", "jtj");
    // a unit's name lists its open cases, a tile those of its level: the late first
    JsonNode zjj = JSON.readTree(http.get("/api/dashboard/cases?unit=zjj", "ducha").body());
    assertThat(zjj.path("cases").findValuesAsText("caseNumber")).contains(caseOf(housing).getCaseNumber())
        .doesNotContain(caseOf(transport).getCaseNumber());
    assertThat(zjj.path("cases").findValuesAsText("unit")).containsOnly("zjj");
    assertThat(zjj.path("cases").get(0).path("workingDaysOverdue").asInt()).isPositive();
    assertThat(zjj.path("total").asLong()).isGreaterThanOrEqualTo(zjj.path("cases").size());
    JsonNode yellow = JSON.readTree(http.get("/api/dashboard/cases?level=YELLOW", "ducha").body());
    assertThat(yellow.path("cases").findValuesAsText("level")).containsOnly("YELLOW");
    assertThat(yellow.path("cases").findValuesAsText("caseNumber")).contains(caseOf(housing).getCaseNumber());
    assertThat(office.path("overdueCount").asLong()).isGreaterThanOrEqualTo(2);

    JsonNode unit = JSON.readTree(http.get("/api/dashboard", "zjj-lin").body());
    assertThat(overdue(unit, caseOf(housing))).isNotNull();
    assertThat(overdue(unit, caseOf(transport))).as("another unit's case").isNull();
    assertThat(unit.path("byUnit").findValuesAsText("unit")).contains("zjj").doesNotContain("jtj");
    JsonNode own = JSON.readTree(http.get("/api/dashboard/cases?level=YELLOW", "zjj-lin").body());
    assertThat(own.path("cases").findValuesAsText("caseNumber")).contains(caseOf(housing).getCaseNumber());
    assertThat(own.path("cases").findValuesAsText("unit")).containsOnly("zjj");
    assertThat(JSON.readTree(http.get("/api/dashboard/cases?unit=jtj", "zjj-lin").body()).path("cases")
        .findValuesAsText("caseNumber")).as("another unit's cases, asked for by name")
        .doesNotContain(caseOf(transport).getCaseNumber());
    HttpResponse<String> wrong = http.get("/api/dashboard/cases?level=BLUE", "ducha");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("level");
  }

  @Test
  @DisplayName("R4 the board's queries for those who read every case count and order the open cases as the engine's list does")
  void queriesAgreeWithTheEngineList() {
    // besides the two late cases (the same deadline, two levels): one under review, still open; one
    // whose instance was deleted, counted by neither; one not yet due
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "待验收事项" + System.nanoTime());
    ProcessInstance reviewed = register(form);
    signFor(reviewed);
    submitClosure(reviewed);
    ProcessInstance gone = register(transportRegistrationForm("实例已删除的事项" + System.nanoTime()));
    runtime.deleteProcessInstance(gone.getId(), "测试：实例被删除，事项状态未变");
    Map<String, Object> later = registrationForm();
    later.put("title", "未到期事项" + System.nanoTime());
    later.put("deadline", "2026-04-30");
    later.put("milestones", "2026-04-30 12个小区全部开工");
    ProcessInstance notDue = register(later);
    setClock(LocalDateTime.of(2026, 3, 25, 10, 0));
    assertThat(caseOf(reviewed).getStatus()).isEqualTo(CaseStatus.UNDER_REVIEW);
    assertThat(caseOf(gone).getStatus().isOpen()).isTrue();

    java.time.Instant now = clock.now();
    List<SupervisionCase> running = cases.findByProcessInstanceIdIn(runtime.createProcessInstanceQuery()
        .processDefinitionKey(SupervisionCase.PROCESS_KEY).list().stream().map(ProcessInstance::getId).toList());
    OpenCases inMemory = OpenCases.of(running, now);
    OpenCases queried = OpenCases.all(jdbc, now);
    assertThat(queried.counts()).isEqualTo(inMemory.counts());
    assertThat(queried.counts().byUnit()).isNotEmpty();
    for (OpenCases.Selection s : List.of(new OpenCases.Selection(null, null, false), OpenCases.Selection.OVERDUE,
        new OpenCases.Selection(WarningLevel.YELLOW, null, false), new OpenCases.Selection(null, "zjj", false),
        new OpenCases.Selection(WarningLevel.GREEN, "jtj", true))) {
      assertThat(queried.count(s)).as("%s", s).isEqualTo(inMemory.count(s));
      // a short page, so that the cut falls inside the selection
      assertThat(queried.first(s, 3)).as("%s", s).isEqualTo(inMemory.first(s, 3));
    }
    assertThat(queried.counts().overdue()).isEqualTo(queried.count(OpenCases.Selection.OVERDUE)).isPositive();
    assertThat(queried.first(OpenCases.Selection.OVERDUE, 1000)).extracting(OpenCases.Listed::id)
        .contains(caseOf(housing).getId(), caseOf(transport).getId(), caseOf(reviewed).getId())
        .doesNotContain(caseOf(notDue).getId(), caseOf(gone).getId());
    assertThat(queried.first(new OpenCases.Selection(null, null, false), 100_000)).extracting(OpenCases.Listed::id)
        .contains(caseOf(notDue).getId(), caseOf(reviewed).getId()).doesNotContain(caseOf(gone).getId());
  }

  @Test
  @DisplayName("Cockpit's plugin: its script is served, and its data answers the logged-in user with what that user may see")
  void cockpitPlugin() throws Exception {
    WebappSession ducha = WebappSession.login(port, "cockpit", "ducha");
    HttpResponse<String> script = ducha.get("/camunda/api/cockpit/plugin/duban-dashboard/static/app/plugin.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("pluginPoint: 'cockpit.dashboard'", "督办看板");
    HttpResponse<String> data = ducha.get("/api/dashboard");
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(overdue(JSON.readTree(data.body()), caseOf(transport))).isNotNull();

    WebappSession handler = WebappSession.login(port, "cockpit", "zjj-lin");
    JsonNode unit = JSON.readTree(handler.get("/api/dashboard").body());
    assertThat(overdue(unit, caseOf(housing))).isNotNull();
    assertThat(overdue(unit, caseOf(transport))).isNull();
  }

  @Test
  @DisplayName("R1 R4 a case's notices as printable pages, in their colour, for those who may see the case, also from a webapp link")
  void noticePages() {
    SupervisionCase c = caseOf(housing);
    HttpResponse<String> yellow = http.get("/api/cases/" + c.getId() + "/notices/YELLOW", "zjj-lin");
    assertThat(yellow.statusCode()).isEqualTo(200);
    assertThat(yellow.body()).contains("督查事项限期催办单", c.getCaseNumber(), "县住房和城乡建设局：", "#b8860b",
        "县委县政府督查室", "办理时限", "window.print()");
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/GREEN", "ducha").body()).contains("督查事项立项通知单");
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/RED", "ducha").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/YELLOW", "jtj-xu").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/BLUE", "ducha").statusCode()).isEqualTo(400);
    // a link from Tasklist opens with the Tasklist login
    WebappSession tasklist = WebappSession.login(port, "tasklist", "zjj-lin");
    assertThat(tasklist.get("/api/cases/" + c.getId() + "/notices/YELLOW").body()).contains("督查事项限期催办单");
    // and the case's forms link to its notices
    assertThat(runtime.getVariable(housing.getId(), "caseHistory").toString())
        .contains("(/api/cases/" + c.getId() + "/notices/YELLOW)");
  }

  private static JsonNode overdue(JsonNode overview, SupervisionCase c) {
    for (JsonNode n : overview.path("overdueCases")) {
      if (c.getCaseNumber().equals(n.path("caseNumber").asText())) {
        return n;
      }
    }
    return null;
  }
}
