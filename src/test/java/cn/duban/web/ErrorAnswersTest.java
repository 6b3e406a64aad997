package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.WebappSession;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.WarningLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the engine's REST API and the webapps' engine API answer when a request cannot be done:
 * the status a client can act on and a Chinese message (see EngineErrors), as Tasklist, Cockpit
 * and a REST client see it; the county-wide counts kept to those who oversee; the README's way of
 * firing a case's timer as the supervision office.
 */
class ErrorAnswersTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  @DisplayName("an unknown task, instance, job or process definition is 404 naming it, on /engine-rest and in the webapps")
  void unknownIds() throws Exception {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "ducha");
    for (String[] request : new String[][] {
        {"POST", "/task/no-such-task/complete", "{}", "任务不存在或已办结：no-such-task"},
        {"POST", "/task/no-such-task/submit-form", "{}", "任务不存在或已办结：no-such-task"},
        {"GET", "/task/no-such-task/variables", null, "任务不存在或已办结：no-such-task"},
        {"GET", "/task/no-such-task/deployed-form", null, "任务不存在或已办结：no-such-task"},
        {"POST", "/job/no-such-job/execute", null, "作业不存在：no-such-job"},
        {"GET", "/process-instance/no-such-instance/variables", null, "流程实例不存在：no-such-instance"},
        {"POST", "/process-definition/no-such-definition/submit-form", "{}", "流程定义不存在：no-such-definition"},
        {"POST", "/process-definition/key/no-such-process/start", "{}", "流程定义不存在：no-such-process"}}) {
      for (HttpResponse<String> response : List.of(
          http.send(request[0], "/engine-rest" + request[1], request[2], "ducha"),
          tasklist.request(request[0], WEBAPP + request[1], request[2], request[2] == null ? null : "application/json"))) {
        assertProblem(response, 404, request[3]);
      }
    }
  }

  @Test
  @DisplayName("a task completed a moment earlier by someone else: 409 该任务已被他人办理，请刷新, through both APIs")
  void completedMeanwhile() throws Exception {
    ProcessInstance pi = register();
    String signFor = task(pi, "signFor").getId();
    String form = "{\"variables\": {\"signConfirmed\": {\"value\": true}}}";
    assertThat(http.post("/engine-rest/task/" + signFor + "/submit-form", form, "zjj-lin").statusCode()).isEqualTo(204);
    assertProblem(http.post("/engine-rest/task/" + signFor + "/submit-form", form, "zjj-lin"), 409, "该任务已被他人办理，请刷新");
    assertProblem(http.post("/engine-rest/task/" + signFor + "/complete", "{}", "zjj-lin"), 409, "该任务已被他人办理，请刷新");
    WebappSession tasklist = WebappSession.login(port, "tasklist", "zjj-lin");
    assertProblem(tasklist.post(WEBAPP + "/task/" + signFor + "/submit-form", form), 409, "该任务已被他人办理，请刷新");
    // only reading it is not a conflict: it is no longer there
    assertProblem(http.get("/engine-rest/task/" + signFor, "zjj-lin"), 404, "任务不存在或已办结");
  }

  @Test
  @DisplayName("the same task submitted four times at once: one completes it, the others get 409, nothing twice")
  void completedConcurrently() throws Exception {
    ProcessInstance pi = register();
    String signFor = task(pi, "signFor").getId();
    List<HttpResponse<String>> answers = submitAtOnce(http, "/engine-rest/task/" + signFor + "/submit-form",
        "{\"variables\": {\"signConfirmed\": {\"value\": true}}}", "zjj-lin", 4);
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(204, 409).containsOnlyOnce(204);
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 409) {
        assertProblem(answer, 409, "该任务已被他人办理，请刷新");
      }
    }
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey("signFor")
        .count()).isOne();
    assertThat(task(pi, "handleCase")).isNotNull();
  }

  /** Sends the same request from {@code n} threads at the same moment. */
  static List<HttpResponse<String>> submitAtOnce(Http http, String path, String body, String user, int n)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return http.post(path, body, user);
        }));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R1 a start form refused in Tasklist: the message is the Chinese refusal alone, the field apart")
  void refusedStartFormInTasklist() throws Exception {
    WebappSession tasklist = WebappSession.login(port, "tasklist", "ducha");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult().getId();
    long before = cases.count();
    HttpResponse<String> refused = tasklist.post(WEBAPP + "/process-definition/" + definition + "/submit-form",
        registration("\"milestones\": {\"value\": \"下周 完成设备采购\"}"));
    JsonNode body = assertProblem(refused, 400, "关键节点第1行应为");
    assertThat(body.path("message").asText())
        .isEqualTo("关键节点第1行应为“日期 节点名称”，如“2026-12-10 完成设备采购”（milestones）");
    assertThat(body.path("field").asText()).isEqualTo("milestones");
    assertThat(cases.count()).isEqualTo(before);
  }

  /** The registration form as Tasklist submits it, with one more variable (JSON members). */
  static String registration(String extra) {
    return """
        {"variables": {"source": {"value": "LEADER_ASSIGNMENT"}, "title": {"value": "背街小巷改造"},
         "leaderInCharge": {"value": "wangfxz"}, "leadUnit": {"value": "zjj"},
         "coUnits": {"value": "[\\"fgj\\"]", "type": "Json"}, "responsiblePerson": {"value": "zjj-lin"},
         "deadline": {"value": "2026-03-20"}, "content": {"value": "内容"}, "qualityChecklist": {"value": "标准"},
         "initialLevel": {"value": "GREEN"}, %s}}""".formatted(extra);
  }

  @Test
  @DisplayName("malformed JSON and a wrong content type: problem+json with a Chinese detail on every API")
  void malformedRequests() throws Exception {
    ProcessInstance pi = register();
    String signFor = task(pi, "signFor").getId();
    WebappSession tasklist = WebappSession.login(port, "tasklist", "zjj-lin");
    for (HttpResponse<String> response : List.of(
        http.post("/engine-rest/task/" + signFor + "/submit-form", "{\"variables\": ", "zjj-lin"),
        tasklist.post(WEBAPP + "/task/" + signFor + "/submit-form", "{\"variables\": "),
        http.post("/api/cases/" + caseOf(pi).getId() + "/withdrawal", "{withdrawalReason", "ducha"),
        http.post("/public/complaints", "{\"unitCode\": \"zjj\", ", null))) {
      assertProblem(response, 400, "不是有效的 JSON");
    }
    for (HttpResponse<String> response : List.of(
        tasklist.request("POST", WEBAPP + "/task/" + signFor + "/submit-form", "signConfirmed=true", "text/plain"),
        http.send("POST", "/engine-rest/task/" + signFor + "/submit-form", "signConfirmed=true", "text/plain", "zjj-lin"),
        http.send("POST", "/api/units", "code=wlj", "text/plain", "admin"),
        http.send("POST", "/public/complaints", "content=x", "text/plain", null))) {
      assertProblem(response, 415, "不支持的内容类型");
    }
    assertThat(task(pi, "signFor").getId()).isEqualTo(signFor);
  }

  @Test
  @DisplayName("statistics and metrics count the whole county: the overseeing offices and administrators see them, a unit's handler gets 403")
  void aggregateCounts() throws Exception {
    register();
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult().getId();
    List<String> counts = List.of("/process-definition/statistics", "/process-definition/statistics?rootIncidents=true",
        "/process-definition/" + definition + "/statistics", "/process-definition/key/supervision-case/statistics",
        "/metrics", "/metrics/activity-instance-start/sum");
    for (String user : List.of("zjj-lin", "wangfxz", "kaohe")) {
      for (String path : counts) {
        assertProblem(http.get("/engine-rest" + path, user), 403, "汇总统计仅限督查室、效能办、主要领导和系统管理员查看");
      }
    }
    WebappSession unitCockpit = WebappSession.login(port, "cockpit", "zjj-lin");
    for (String path : counts) {
      assertProblem(unitCockpit.get(WEBAPP + path), 403, "汇总统计仅限");
    }
    for (String user : List.of("ducha", "xiaoneng", "zhaoxz", "admin")) {
      for (String path : counts) {
        assertThat(http.get("/engine-rest" + path, user).statusCode()).as(user + " " + path).isEqualTo(200);
      }
    }
    JsonNode all = JSON.readTree(http.get("/engine-rest/process-definition/statistics", "ducha").body());
    assertThat(all.findValuesAsText("key")).contains("supervision-case");
    // Cockpit's dashboard, as the supervision office opens it
    WebappSession cockpit = WebappSession.login(port, "cockpit", "ducha");
    HttpResponse<String> dashboard = cockpit.get(WEBAPP + "/process-definition/statistics?rootIncidents=true");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(dashboard.body()).findValuesAsText("key")).contains("supervision-case");
    // the office that owns a process counts its instances, which it sees anyway, and only those
    assertThat(http.get("/engine-rest/process-definition/key/complaint-investigation/statistics", "tousu").statusCode())
        .isEqualTo(200);
    assertProblem(http.get("/engine-rest/process-definition/key/supervision-case/statistics", "tousu"), 403, "汇总统计");
    assertProblem(http.get("/engine-rest/process-definition/statistics", "tousu"), 403, "汇总统计");
  }

  @Test
  @DisplayName("R4 the README's way: the supervision office finds a case's stage timer and fires it; the case turns yellow")
  void supervisionOfficeFiresTheTimer() throws Exception {
    ProcessInstance pi = register();
    signFor(pi);
    String number = caseOf(pi).getCaseNumber();

    JsonNode instances = JSON.readTree(http.get("/engine-rest/process-instance?businessKey="
        + URLEncoder.encode(number, StandardCharsets.UTF_8), "ducha").body());
    assertThat(instances).hasSize(1);
    String instanceId = instances.get(0).path("id").asText();
    JsonNode jobs = JSON.readTree(http.get("/engine-rest/job?processInstanceId=" + instanceId
        + "&activityId=stageLimitReached", "ducha").body());
    assertThat(jobs).hasSize(1);
    String job = jobs.get(0).path("id").asText();

    // not the unit's to fire
    assertProblem(http.post("/engine-rest/job/" + job + "/execute", "", "zjj-lin"), 403, "您没有执行此操作的权限");
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.GREEN);

    HttpResponse<String> fired = http.post("/engine-rest/job/" + job + "/execute", "", "ducha");
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(204);
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(notices.findByCaseIdOrderByIssuedAt(caseOf(pi).getId())).extracting(n -> n.getKind().name())
        .containsExactly("GREEN", "YELLOW");
    assertThat(timer(pi, "stageLimitReached")).as("the red limit waits next").isNotNull();

    // a case's timer only: a complaint's reminder stays the job executor's (and the administrators')
    ProcessInstance complaint = fileComplaint(complaintForm());
    complete(complaint, "routeComplaint", "tousu", java.util.Map.of("routing", "ASSIGN"));
    Job reminder = timer(complaint, "reminderDue");
    assertProblem(http.post("/engine-rest/job/" + reminder.getId() + "/execute", "", "ducha"), 403, "您没有执行此操作的权限");
    assertThat(management.createJobQuery().jobId(reminder.getId()).count()).isOne();
  }

  /** An error answer: its status, problem+json, a Chinese message containing the text, no exception's name. */
  static JsonNode assertProblem(HttpResponse<String> response, int status, String text) throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
        .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("detail").asText()).as(response.uri().toString()).contains(text).containsPattern("\\p{IsHan}");
    assertThat(response.body()).as(response.uri().toString())
        .doesNotContain("Exception", "org.camunda", "java.", "ENGINE-", "\tat ").doesNotContainIgnoringCase("select ");
    return body;
  }
}
