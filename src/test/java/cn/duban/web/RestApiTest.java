package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine's REST API and the project's API: authentication, and bad input answered with 400. */
class RestApiTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  @DisplayName("/engine-rest refuses an anonymous request and a wrong password, and accepts the demo supervisor")
  void engineRestNeedsAuthentication() throws Exception {
    HttpResponse<String> anonymous = get("/engine-rest/task", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
    // a user nobody else logs in as: a failed login delays that user's next attempts
    assertThat(http.get("/engine-rest/task", "kaohe", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> supervisor = get("/engine-rest/process-definition?key=supervision-case", "ducha");
    assertThat(supervisor.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(supervisor.body()).get(0).path("name").asText()).isEqualTo("督查督办事项");
    assertThat(get("/api/cases", null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("R1 a registration with bad input gets 400 and a Chinese message naming the field, not a 500")
  void badRegistrationIs400() throws Exception {
    String body = """
        {"variables": {"source": {"value": "LEADER_ASSIGNMENT"}, "title": {"value": "测试"},
         "leaderInCharge": {"value": "wangfxz"}, "leadUnit": {"value": "zjj"},
         "coUnits": {"value": "[\\"zjj\\"]", "type": "Json"}, "responsiblePerson": {"value": "zjj-lin"},
         "deadline": {"value": "2026-03-20"}, "content": {"value": "内容"}, "qualityChecklist": {"value": "标准"}}}""";
    HttpResponse<String> response = post("/engine-rest/process-definition/key/supervision-case/submit-form", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .contains("协办单位不能与牵头承办单位相同", "coUnits");
  }

  @Test
  @DisplayName("R2 R7 a form's rules hold through REST: an unticked sign-for and an empty closure report get 400")
  void emptyClosureReportIs400() throws Exception {
    ProcessInstance pi = register();
    HttpResponse<String> unticked = post("/engine-rest/task/" + task(pi, "signFor").getId() + "/submit-form",
        "{\"variables\": {\"signConfirmed\": {\"value\": false}}}", "zjj-lin");
    assertThat(unticked.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unticked.body()).path("message").asText()).contains("请勾选", "signConfirmed");
    signFor(pi);
    String taskId = task(pi, "handleCase").getId();
    HttpResponse<String> response = post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": {\"handleAction\": {\"value\": \"CLOSURE\"}, \"closureReport\": {\"value\": \"\"}}}",
        "zjj-lin");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText()).contains("请填写办结报告");
    assertThat(task(pi, "handleCase").getId()).isEqualTo(taskId);
  }

  @Test
  @DisplayName("R10 the project's API: a case with its whole record, and a withdrawal without a reason refused with the field named")
  void caseApi() throws Exception {
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);

    HttpResponse<String> detail = get("/api/cases/" + c.getId(), "ducha");
    assertThat(detail.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(detail.body());
    assertThat(json.path("summary").path("caseNumber").asText()).isEqualTo(c.getCaseNumber());
    assertThat(json.path("notices").get(0).path("kind").asText()).isEqualTo("GREEN");

    HttpResponse<String> noReason = post("/api/cases/" + c.getId() + "/withdrawal", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    assertThat(JSON.readTree(noReason.body()).path("field").asText()).isEqualTo("withdrawalReason");
    assertThat(post("/api/cases/" + c.getId() + "/withdrawal", "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> missing = get("/api/cases/999999", "ducha");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("detail").asText()).isEqualTo("督查事项不存在：999999");
    HttpResponse<String> notANumber = get("/api/cases/abc", "ducha");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notANumber.body()).path("field").asText()).isEqualTo("id");

    // R10: the supervision office withdraws; the lead unit itself may not
    HttpResponse<String> byTheUnit = post("/api/cases/" + c.getId() + "/withdrawal",
        "{\"withdrawalReason\": \"我局认为无需督办\"}", "zjj-lin");
    assertThat(byTheUnit.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(byTheUnit.body()).path("detail").asText()).contains("只有督查室");
    assertThat(reload(c).getStatus()).isNotEqualTo(cn.duban.supervision.CaseStatus.WITHDRAWN);

    HttpResponse<String> withdrawn = post("/api/cases/" + c.getId() + "/withdrawal",
        "{\"withdrawalReason\": \"任务已由上级统筹\"}");
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(withdrawn.body()).path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(reload(c).getWithdrawnBy()).isEqualTo("ducha");
  }

  @Test
  @DisplayName("a task saved as Tasklist saves it, sent back whole with its Camunda Form, is taken; a handler changes no dates")
  void taskSavedWhole() throws Exception {
    ProcessInstance pi = register();
    String id = task(pi, "signFor").getId();
    ObjectNode dto = (ObjectNode) JSON.readTree(get("/engine-rest/task/" + id, "zjj-lin").body());
    assertThat(dto.path("camundaFormRef").path("key").asText()).isEqualTo("case-sign-for");
    dto.put("followUp", "2026-03-03T09:00:00.000+0800");
    // a task's due date is its limit's: the handler working it does not move it, nor any other date
    assertThat(http.send("PUT", "/engine-rest/task/" + id, dto.toString(), "zjj-lin").statusCode()).isEqualTo(403);
    HttpResponse<String> saved = http.send("PUT", "/engine-rest/task/" + id, dto.toString(), "admin");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    assertThat(task(pi, "signFor").getFollowUpDate()).isNotNull();
  }

  private HttpResponse<String> get(String path, String user) {
    return http.get(path, user);
  }

  /** As the supervision office. */
  private HttpResponse<String> post(String path, String body) {
    return http.post(path, body, "ducha");
  }

  private HttpResponse<String> post(String path, String body, String user) {
    return http.post(path, body, user);
  }
}
