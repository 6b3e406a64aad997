package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DynamicTest;

/**
 * A table of bad requests, each sent the way a person or a client would send it (task and start
 * forms through /engine-rest and through the webapps' engine API as Tasklist sends them, the
 * project's /api, the rest of /engine-rest, the public complaint page), and for each: no 5xx, the
 * expected status, problem+json with a Chinese message naming the field (or the missing resource),
 * no exception's name or SQL in the answer, and nothing stored: every table's row count is the same
 * before and after. Run on H2 ({@link BadInputTest}) and PostgreSQL ({@link BadInputOnPostgresTest}),
 * where NUL used to end as a 500 with the SQL statement in the body.
 */
final class BadInputMatrix {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tables that change by themselves (metrics, the engine's properties, sessions of logins). */
  private static final Set<String> SELF_CHANGING = Set.of("act_ru_meter_log", "act_ru_task_meter_log",
      "act_ge_property", "flyway_schema_history");

  /** What the test class gives: its server, engine, database, passwords and a way to open a case. */
  record Setup(int port, ProcessEngine engine, DataSource dataSource, String userPassword, String adminPassword,
      boolean namedEnginePath, Supplier<ProcessInstance> register, java.util.function.Consumer<ProcessInstance> signFor,
      java.util.function.Function<ProcessInstance, Long> caseId, Runnable freshPublicLimit) {
  }

  /** One bad request and what it must be answered with. */
  record Row(String channel, String what, Supplier<HttpResponse<String>> request, int status, String text,
      String field) {
  }

  private final Setup setup;
  private final Http users;
  private final Http admins;
  private final String rest;
  private final String webapp;

  BadInputMatrix(Setup setup) {
    this.setup = setup;
    this.users = new Http(setup.port(), setup.userPassword());
    this.admins = new Http(setup.port(), setup.adminPassword());
    this.rest = setup.namedEnginePath() ? "/engine-rest/engine/" + setup.engine().getName() : "/engine-rest";
    this.webapp = "/camunda/api/engine/engine/" + setup.engine().getName();
  }

  /** The rows, with the cases and tasks they work on made first. */
  List<Row> rows() {
    ProcessInstance working = setup.register().get();
    setup.signFor().accept(working);
    String handle = setup.engine().getTaskService().createTaskQuery().processInstanceId(working.getId())
        .taskDefinitionKey("handleCase").singleResult().getId();
    String signedFor = setup.engine().getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(working.getId()).taskDefinitionKey("signFor").singleResult().getId();
    long caseId = setup.caseId().apply(working);
    String definition = setup.engine().getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("supervision-case").latestVersion().singleResult().getId();
    WebappSession unitTasklist = WebappSession.login(setup.port(), setup.engine().getName(), "tasklist", "zjj-lin",
        setup.userPassword());
    WebappSession officeTasklist = WebappSession.login(setup.port(), setup.engine().getName(), "tasklist", "ducha",
        setup.userPassword());

    String taskForm = rest + "/task/" + handle + "/submit-form";
    String startForm = rest + "/process-definition/key/supervision-case/submit-form";
    String webTaskForm = webapp + "/task/" + handle + "/submit-form";
    String webStartForm = webapp + "/process-definition/" + definition + "/submit-form";
    String withdrawal = "/api/cases/" + caseId + "/withdrawal";
    List<Row> rows = new ArrayList<>();

    // task forms through /engine-rest, as a unit's handler
    rows.add(new Row("task form /engine-rest", "NUL in a text field", () -> users.post(taskForm,
        progress("阶段\\u0000进展"), "zjj-lin"), 400, "“进展情况”中含有不允许的控制字符", "progressContent"));
    rows.add(new Row("task form /engine-rest", "BEL through complete", () -> users.post(rest + "/task/" + handle
        + "/complete", progress("阶段\\u0007进展"), "zjj-lin"), 400, "进展情况", "progressContent"));
    rows.add(new Row("task form /engine-rest", "ESC in the closure report", () -> users.post(taskForm,
        "{\"variables\": {\"handleAction\": {\"value\": \"CLOSURE\"}, \"closureReport\": {\"value\": \"\\u001b[31m完成\"}}}",
        "zjj-lin"), 400, "“办结报告”中含有不允许的控制字符", "closureReport"));
    rows.add(new Row("task form /engine-rest", "DEL in a text field", () -> users.post(taskForm,
        progress("进展\\u007f"), "zjj-lin"), 400, "进展情况", "progressContent"));
    rows.add(new Row("task form /engine-rest", "a C1 control (NEL)", () -> users.post(taskForm,
        progress("进展\\u0085说明"), "zjj-lin"), 400, "进展情况", "progressContent"));
    rows.add(new Row("task form /engine-rest", "a required field empty", () -> users.post(taskForm,
        "{\"variables\": {\"handleAction\": {\"value\": \"CLOSURE\"}, \"closureReport\": {\"value\": \" \"}}}",
        "zjj-lin"), 400, "请填写办结报告", "closureReport"));
    rows.add(new Row("task form /engine-rest", "a choice not on the form", () -> users.post(taskForm,
        "{\"variables\": {\"handleAction\": {\"value\": \"DANCE\"}, \"progressContent\": {\"value\": \"x\"}}}",
        "zjj-lin"), 400, "不是本次办理的可选项", "handleAction"));
    rows.add(new Row("task form /engine-rest", "a variable that is not the form's", () -> users.post(taskForm,
        "{\"variables\": {\"handleAction\": {\"value\": \"PROGRESS\"}, \"progressContent\": {\"value\": \"x\"},"
            + " \"caseId\": {\"value\": 1}}}", "zjj-lin"), 400, "不能提交：caseId", "caseId"));
    rows.add(new Row("task form /engine-rest", "malformed JSON", () -> users.post(taskForm, "{\"variables\": {",
        "zjj-lin"), 400, "不是有效的 JSON", "body"));
    rows.add(new Row("task form /engine-rest", "a wrong content type", () -> users.send("POST", taskForm,
        "handleAction=PROGRESS", "text/plain", "zjj-lin"), 415, "不支持的内容类型", "Content-Type"));
    rows.add(new Row("task form /engine-rest", "an unknown task", () -> users.post(rest + "/task/no-such-task/submit-form",
        progress("进展"), "zjj-lin"), 404, "任务不存在或已办结：no-such-task", null));
    rows.add(new Row("task form /engine-rest", "a task completed before", () -> users.post(rest + "/task/" + signedFor
        + "/submit-form", "{\"variables\": {\"signConfirmed\": {\"value\": true}}}", "zjj-lin"), 409,
        "该任务已被他人办理，请刷新", null));

    // start forms through /engine-rest, as the supervision office and the complaint desk
    rows.add(new Row("start form /engine-rest", "NUL in the title", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}").replace("背街小巷改造", "背街\\u0000小巷"), "ducha"),
        400, "“项目名称”中含有不允许的控制字符", "title"));
    rows.add(new Row("start form /engine-rest", "a vertical tab in the content", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}").replace("\"内容\"", "\"第一段\\u000b第二段\""),
        "ducha"), 400, "工作内容和要求", "content"));
    rows.add(new Row("start form /engine-rest", "NUL inside a Json list", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}").replace("[\\\"fgj\\\"]", "[\\\"fg\\\\u0000j\\\"]"),
        "ducha"), 400, "协办单位", "coUnits"));
    rows.add(new Row("start form /engine-rest", "NUL in the milestones", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"2026-03-10 \\u0000开工\"}"), "ducha"), 400,
        "“关键节点”中含有不允许的控制字符", "milestones"));
    rows.add(new Row("start form /engine-rest", "a co-unit that is the lead unit", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}").replace("[\\\"fgj\\\"]", "[\\\"zjj\\\"]"),
        "ducha"), 400, "协办单位不能与牵头承办单位相同", "coUnits"));
    rows.add(new Row("start form /engine-rest", "a milestone without a date", () -> users.post(startForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"下周 开工\"}"), "ducha"), 400,
        "关键节点第1行应为", "milestones"));
    rows.add(new Row("start form /engine-rest", "NUL through start", () -> users.post(rest
        + "/process-definition/key/supervision-case/start", ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}")
        .replace("背街小巷改造", "背街\\u0000小巷"), "ducha"), 400, "项目名称", "title"));
    rows.add(new Row("start form /engine-rest", "an unknown process definition", () -> users.post(rest
        + "/process-definition/no-such-definition/submit-form", "{}", "ducha"), 404, "流程定义不存在：no-such-definition",
        null));
    rows.add(new Row("start form /engine-rest", "an unknown process key", () -> users.post(rest
        + "/process-definition/key/no-such-process/start", "{}", "ducha"), 404, "流程定义不存在：no-such-process", null));
    rows.add(new Row("start form /engine-rest", "NUL in a complaint", () -> users.post(rest
        + "/process-definition/key/complaint-investigation/submit-form", "{\"variables\": {\"channel\": {\"value\": \"HOTLINE\"},"
            + " \"complaintType\": {\"value\": \"COMPLAINT\"}, \"unitCode\": {\"value\": \"zjj\"},"
            + " \"content\": {\"value\": \"窗口\\u0000态度差\"}}}", "tousu"), 400, "“投诉内容”中含有不允许的控制字符", "content"));
    rows.add(new Row("start form /engine-rest", "malformed JSON", () -> users.post(startForm, "{\"variables\": [",
        "ducha"), 400, "不是有效的 JSON", "body"));

    // the same forms as Tasklist sends them, through the webapps' engine API
    rows.add(new Row("task form Tasklist", "NUL in a text field", () -> unitTasklist.post(webTaskForm,
        progress("阶段\\u0000进展")), 400, "“进展情况”中含有不允许的控制字符", "progressContent"));
    rows.add(new Row("task form Tasklist", "SOH through complete", () -> unitTasklist.post(webapp + "/task/" + handle
        + "/complete", progress("\\u0001进展")), 400, "进展情况", "progressContent"));
    rows.add(new Row("task form Tasklist", "a task completed before", () -> unitTasklist.post(webapp + "/task/"
        + signedFor + "/submit-form", "{\"variables\": {\"signConfirmed\": {\"value\": true}}}"), 409,
        "该任务已被他人办理，请刷新", null));
    rows.add(new Row("task form Tasklist", "an unknown task", () -> unitTasklist.post(webapp
        + "/task/no-such-task/complete", "{}"), 404, "任务不存在或已办结：no-such-task", null));
    rows.add(new Row("task form Tasklist", "malformed JSON", () -> unitTasklist.post(webTaskForm, "{\"variables\""),
        400, "不是有效的 JSON", "body"));
    rows.add(new Row("task form Tasklist", "a wrong content type", () -> unitTasklist.request("POST", webTaskForm,
        "x=1", "text/plain"), 415, "不支持的内容类型", "Content-Type"));
    rows.add(new Row("task form Tasklist", "NUL in a comment", () -> unitTasklist.post(webapp + "/task/" + handle
        + "/comment/create", "{\"message\": \"请\\u0000尽快\"}"), 400, "message", "message"));
    rows.add(new Row("start form Tasklist", "NUL in the title", () -> officeTasklist.post(webStartForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"\"}").replace("背街小巷改造", "背街\\u0000小巷")),
        400, "“项目名称”中含有不允许的控制字符", "title"));
    rows.add(new Row("start form Tasklist", "a milestone without a date", () -> officeTasklist.post(webStartForm,
        ErrorAnswersTest.registration("\"milestones\": {\"value\": \"下周 开工\"}")), 400,
        "关键节点第1行应为“日期 节点名称”", "milestones"));
    rows.add(new Row("start form Tasklist", "an unknown process definition", () -> officeTasklist.post(webapp
        + "/process-definition/no-such-definition/submit-form", "{}"), 404, "流程定义不存在", null));

    // the rest of /engine-rest
    rows.add(new Row("/engine-rest", "an unknown job executed", () -> users.post(rest + "/job/no-such-job/execute", "",
        "ducha"), 404, "作业不存在：no-such-job", null));
    rows.add(new Row("/engine-rest", "an unknown job's retries", () -> admins.send("PUT", rest + "/job/no-such-job/retries",
        "{\"retries\": 1}", "admin"), 404, "作业不存在：no-such-job", null));
    rows.add(new Row("/engine-rest", "an unknown instance's variables", () -> users.get(rest
        + "/process-instance/no-such-instance/variables", "ducha"), 404, "流程实例不存在：no-such-instance", null));
    rows.add(new Row("/engine-rest", "variables of an unknown instance changed", () -> admins.post(rest
        + "/process-instance/no-such-instance/variables", "{\"modifications\": {\"x\": {\"value\": 1}}}", "admin"), 404,
        "流程实例不存在：no-such-instance", null));
    rows.add(new Row("/engine-rest", "statistics of an unknown definition", () -> users.get(rest
        + "/process-definition/no-such-definition/statistics", "ducha"), 404, "流程定义不存在", null));
    rows.add(new Row("/engine-rest", "NUL in a query parameter", () -> users.get(rest + "/task?assignee=zjj%00lin",
        "zjj-lin"), 400, "assignee", "assignee"));
    rows.add(new Row("/engine-rest", "a date parameter that is no date", () -> users.get(rest + "/task?dueBefore=soon",
        "zjj-lin"), 400, "查询参数 dueBefore 的值无效", "dueBefore"));
    rows.add(new Row("/engine-rest", "NUL in a comment", () -> users.post(rest + "/task/" + handle + "/comment/create",
        "{\"message\": \"请\\u0000尽快\"}", "zjj-lin"), 400, "message", "message"));
    rows.add(new Row("/engine-rest", "STX in a user's name", () -> admins.send("PUT", rest + "/user/zjj-lin/profile",
        "{\"id\": \"zjj-lin\", \"firstName\": \"林\\u0002晓东\", \"lastName\": \"科员\"}", "admin"), 400, "firstName",
        "firstName"));
    rows.add(new Row("/engine-rest", "NUL in a task's name", () -> admins.send("PUT", rest + "/task/" + handle,
        "{\"name\": \"办理\\u0000督办事项\"}", "admin"), 400, "name", "name"));
    rows.add(new Row("/engine-rest", "NUL in an instance variable", () -> admins.post(rest + "/process-instance/"
        + working.getId() + "/variables", "{\"modifications\": {\"note\": {\"value\": \"a\\u0000b\"}}}", "admin"), 400,
        "note", "note"));
    rows.add(new Row("/engine-rest", "NUL in the user name of HTTP basic", () -> basic("zjj\u0000lin", rest + "/task"),
        400, "用户名或密码中含有不允许的控制字符", "username"));

    // the project's API
    rows.add(new Row("/api", "NUL in a withdrawal reason", () -> users.post(withdrawal,
        "{\"withdrawalReason\": \"上级\\u0000统筹\"}", "ducha"), 400, "withdrawalReason", "withdrawalReason"));
    rows.add(new Row("/api", "US in a withdrawal reason", () -> users.post(withdrawal,
        "{\"withdrawalReason\": \"上级\\u001f统筹\"}", "ducha"), 400, "withdrawalReason", "withdrawalReason"));
    rows.add(new Row("/api", "a withdrawal without a reason", () -> users.post(withdrawal, "{\"withdrawalReason\": \" \"}",
        "ducha"), 400, "withdrawalReason", "withdrawalReason"));
    rows.add(new Row("/api", "malformed JSON", () -> users.post(withdrawal, "{\"withdrawalReason\": ", "ducha"), 400,
        "不是有效的 JSON", "body"));
    rows.add(new Row("/api", "a wrong content type", () -> users.send("POST", withdrawal, "reason", "text/plain", "ducha"),
        415, "不支持的内容类型", "Content-Type"));
    rows.add(new Row("/api", "an unknown case", () -> users.post("/api/cases/99999999/withdrawal",
        "{\"withdrawalReason\": \"统筹\"}", "ducha"), 404, "督查事项不存在：99999999", null));
    rows.add(new Row("/api", "NUL in a unit's name", () -> admins.post("/api/units",
        "{\"code\": \"wlj\", \"name\": \"县文化\\u0000旅游局\"}", "admin"), 400, "name", "name"));
    rows.add(new Row("/api", "SOH in a person's name", () -> admins.post("/api/people",
        "{\"id\": \"zjj-song\", \"name\": \"宋\\u0001文\", \"title\": \"科员\", \"unit\": \"zjj\", \"roles\": [\"HANDLER\"],"
            + " \"password\": \"a-long-password-1\"}", "admin"), 400, "name", "name"));
    rows.add(new Row("/api", "NUL in a list", () -> admins.post("/api/people",
        "{\"id\": \"zjj-song\", \"name\": \"宋文\", \"title\": \"科员\", \"unit\": \"zjj\", \"roles\": [\"HAND\\u0000LER\"],"
            + " \"password\": \"a-long-password-1\"}", "admin"), 400, "roles", "roles"));
    rows.add(new Row("/api", "NUL in a holiday table", () -> users.send("PUT", "/api/calendar/2027",
        "{\"table\": \"2027-01-01 休 元\\u0000旦\\n\", \"source\": \"国办发明电\"}", "application/json", "ducha"),
        400, "table", "table"));
    rows.add(new Row("/api", "ESC in a holiday table uploaded as text", () -> users.send("PUT", "/api/calendar/2027",
        "2027-01-01 休 元旦\u001b\n", "text/plain;charset=UTF-8", "ducha"), 400, "提交的内容中含有不允许的控制字符", "body"));
    rows.add(new Row("/api", "NUL in a parent item's title (R29)", () -> users.post("/api/breakdowns",
        "{\"title\": \"会议\\u0000决定\", \"source\": \"IMPORTANT_MEETING\", \"content\": \"内容\","
            + " \"leaderInCharge\": \"wangfxz\", \"deadline\": \"2026-06-30\"}", "ducha"), 400, "title", "title"));
    rows.add(new Row("/api", "a parent item's deadline that is no date (R29)", () -> users.post("/api/breakdowns",
        "{\"title\": \"会议决定\", \"source\": \"IMPORTANT_MEETING\", \"content\": \"内容\","
            + " \"leaderInCharge\": \"wangfxz\", \"deadline\": \"六月底\"}", "ducha"), 400, "完成时限不是有效日期", "deadline"));
    rows.add(new Row("/api", "a page of done parent items too large (R29)", () -> users.get(
        "/api/breakdowns/done?size=500", "ducha"), 400, "每页条数须在 1 至 100 之间（size）", "size"));
    rows.add(new Row("/api", "a done parent items' cursor that is no number (R29)", () -> users.get(
        "/api/breakdowns/done?before=latest", "ducha"), 400, "参数 before 的值“latest”格式不正确", "before"));
    rows.add(new Row("/api", "a breakdown of an unknown parent item (R29)", () -> users.upload(
        "/api/breakdowns/99999999/children", "file", "任务分解表.xlsx", "application/octet-stream", new byte[] {1, 2, 3},
        "ducha"), 404, "母事项不存在：99999999", null));
    rows.add(new Row("/api", "a migration from a version of another process (issue 15)", () -> users.post(
        "/api/migrations/supervision-case", "{\"sourceDefinitionId\": \"no-such-version\"}", "ducha"), 400,
        "不是“督查督办事项”", "sourceDefinitionId"));
    rows.add(new Row("/api", "a rule preview of a file that is no DMN (issue 15)", () -> users.upload("/api/rule-preview",
        "file", "case-score.dmn", "application/xml", "不是决策表".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "ducha"), 400, "不是可解析的DMN决策表", "file"));
    rows.add(new Row("/api", "a rule preview of a year to come (issue 15)", () -> users.upload("/api/rule-preview?year=2999",
        "file", "case-score.dmn", "application/xml", "<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "ducha"), 400, "预览年度", "year"));
    rows.add(new Row("/api", "a bulletin's period that is no date (R34)", () -> users.post("/api/bulletins",
        "{\"periodFrom\": \"三月\", \"periodTo\": \"2026-02-28\"}", "ducha"), 400, "通报期间起始日须为日期", "periodFrom"));
    rows.add(new Row("/api", "NUL in a bulletin's period (R34)", () -> users.post("/api/bulletins",
        "{\"periodFrom\": \"2026-02-01\\u0000\", \"periodTo\": \"2026-02-28\"}", "ducha"), 400, "periodFrom",
        "periodFrom"));
    rows.add(new Row("/api", "a 台账 filter that is no level (R34)", () -> users.get("/api/cases/ledger?level=PURPLE",
        "ducha"), 400, "督办级别", "level"));
    rows.add(new Row("/api", "a year that is no number", () -> users.get("/api/cases?year=abc", "ducha"), 400, "year",
        "year"));
    rows.add(new Row("/api", "NUL in a query parameter", () -> users.get("/api/cases?year=20%0026", "ducha"), 400,
        "year", "year"));

    // a deployment from Camunda Modeler, as a process analyst: a model that breaks what the application relies on
    rows.add(new Row("deployment /engine-rest", "a user task without a candidate group", () -> users.deploy(
        rest + "/deployment/create", Map.of("deployment-name", "分析员修改", "deploy-changed-only", "true"),
        Map.of("analyst-test.bpmn", brokenModel()), "fenxi"), 400,
        "用户任务“办理测试事项”（Task_Handle）没有指定候选组或办理人", null));

    // the public complaint page, without login
    rows.add(new Row("public page", "NUL in the content", () -> publicFiling("\"content\": \"窗口\\u0000态度差\""), 400,
        "content", "content"));
    rows.add(new Row("public page", "ESC in the official's name", () -> publicFiling(
        "\"content\": \"态度差\", \"officialName\": \"\\u001b王\""), 400, "officialName", "officialName"));
    rows.add(new Row("public page", "NUL in the complainant's name", () -> publicFiling(
        "\"content\": \"态度差\", \"complainantName\": \"李\\u0000\""), 400, "complainantName", "complainantName"));
    rows.add(new Row("public page", "BS in the contact", () -> publicFiling(
        "\"content\": \"态度差\", \"complainantContact\": \"139\\b0000\""), 400, "complainantContact", "complainantContact"));
    rows.add(new Row("public page", "empty content", () -> publicFiling("\"content\": \" \""), 400, "请填写投诉内容",
        "content"));
    rows.add(new Row("public page", "an unknown unit", () -> users.post("/public/complaints",
        "{\"unitCode\": \"nosuch\", \"content\": \"态度差\"}", null), 400, "不存在", "unitCode"));
    rows.add(new Row("public page", "malformed JSON", () -> users.post("/public/complaints", "{\"content\": ", null), 400,
        "不是有效的 JSON", "body"));
    rows.add(new Row("public page", "a wrong content type", () -> users.send("POST", "/public/complaints", "content=x",
        "application/x-www-form-urlencoded", null), 415, "不支持的内容类型", "Content-Type"));
    return rows;
  }

  /** Every row as a test of its own; the cases they work on stay open throughout. */
  Stream<DynamicTest> tests() {
    List<Row> rows = rows();
    assertThat(rows).as("the matrix's size").hasSizeGreaterThanOrEqualTo(40);
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.channel() + ": " + row.what(), () -> check(row)));
  }

  private void check(Row row) throws Exception {
    if (row.channel().equals("public page")) {
      setup.freshPublicLimit().run();
    }
    Map<String, Long> before = rowCounts();
    HttpResponse<String> response = row.request().get();
    Map<String, Long> after = rowCounts();

    assertThat(response.statusCode()).as("no server error: " + response.body()).isLessThan(500);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(row.status());
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).contains("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("detail").asText()).as("a Chinese message naming the field or resource")
        .containsPattern("\\p{IsHan}").contains(row.text());
    if (row.field() != null) {
      assertThat(problem.path("field").asText()).isEqualTo(row.field());
      assertThat(problem.path("detail").asText()).contains(row.field().equals("body") || row.field().equals("Content-Type")
          ? "" : row.field());
    }
    assertThat(response.body()).as("no exception, class or SQL in the answer")
        .doesNotContain("Exception", "org.", "java.", "ENGINE-", "\tat ", "ACT_")
        .doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("constraint");
    assertThat(after).as("nothing stored").isEqualTo(before);
  }

  private HttpResponse<String> publicFiling(String members) {
    return users.post("/public/complaints", "{\"unitCode\": \"zjj\", " + members + "}", null);
  }

  /** The analysts' test model with its user task offered to nobody. */
  private static byte[] brokenModel() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/analyst/analyst-test.bpmn"))
          .replace(" camunda:candidateGroups=\"supervision-office\"", "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String progress(String text) {
    return "{\"variables\": {\"handleAction\": {\"value\": \"PROGRESS\"}, \"progressContent\": {\"value\": \"" + text
        + "\"}}}";
  }

  /** A request with HTTP basic credentials of any text, which Http does not send. */
  private HttpResponse<String> basic(String user, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + setup.port() + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":" + setup.userPassword()).getBytes(StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of rows of every table of the database, but those that change by themselves. */
  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = setup.dataSource().getConnection(); Statement s = c.createStatement()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        String name = table.toLowerCase(Locale.ROOT);
        if (SELF_CHANGING.contains(name) || name.startsWith("spring_session")) {
          continue;
        }
        try (ResultSet rs = s.executeQuery("select count(*) from " + meta.getIdentifierQuoteString() + table
            + meta.getIdentifierQuoteString())) {
          rs.next();
          counts.put(name, rs.getLong(1));
        }
      }
    }
    assertThat(counts).as("the database's tables").containsKeys("act_ru_task", "act_ru_variable", "act_hi_procinst");
    return counts;
  }
}
