package cn.duban.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.supervision.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Working a task writes its form's fields only: the variables a process keeps for itself stay its own. */
class TaskVariableGuardTest extends ProcessTestSupport {

  @LocalServerPort int port;
  Http http;
  ProcessInstance housing;
  ProcessInstance transport;
  String signFor;

  @BeforeEach
  void twoCases() {
    http = new Http(port);
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    housing = register();
    transport = register(transportRegistrationForm("交通局的事项" + System.nanoTime()));
    signFor = task(housing, "signFor").getId();
  }

  @Test
  @DisplayName("a handler cannot point his own task at another unit's case: every way of writing a variable through the task is refused")
  void onlyTheFormsFields() {
    SupervisionCase other = caseOf(transport);
    String foreign = "\"caseId\": {\"value\": " + other.getId() + ", \"type\": \"Long\"}";
    String signed = "\"signConfirmed\": {\"value\": true}";

    assertRefused(http.post("/engine-rest/task/" + signFor + "/complete",
        "{\"variables\": {" + signed + ", " + foreign + "}}", "zjj-lin"), "caseId");
    assertRefused(http.post("/engine-rest/task/" + signFor + "/submit-form",
        "{\"variables\": {" + signed + ", " + foreign + "}}", "zjj-lin"), "caseId");
    assertForbidden(http.post("/engine-rest/task/" + signFor + "/resolve", "{\"variables\": {" + foreign + "}}", "zjj-lin"));
    assertForbidden(http.post("/engine-rest/task/" + signFor + "/bpmnError",
        "{\"errorCode\": \"x\", \"variables\": {" + foreign + "}}", "zjj-lin"));
    assertForbidden(http.send("PUT", "/engine-rest/task/" + signFor + "/variables/caseId",
        "{\"value\": " + other.getId() + ", \"type\": \"Long\"}", "zjj-lin"));
    assertForbidden(http.post("/engine-rest/task/" + signFor + "/variables",
        "{\"modifications\": {" + foreign + "}}", "zjj-lin"));
    assertForbidden(http.send("DELETE", "/engine-rest/task/" + signFor + "/variables/caseId", null, "zjj-lin"));
    assertForbidden(http.send("PUT", "/engine-rest/task/" + signFor + "/localVariables/leadUnit",
        "{\"value\": \"jtj\"}", "zjj-lin"));

    // nothing changed: the task waits, the case is still his own, the other one untouched
    assertThat(housing).isWaitingAt("signFor");
    assertThat(runtime.getVariable(housing.getId(), "caseId")).isEqualTo(caseOf(housing).getId());
    assertThat(reload(other).getSignedAt()).isNull();
    assertThat(caseOf(housing).getSignedAt()).isNull();

    // the form's own fields pass
    HttpResponse<String> ok = http.post("/engine-rest/task/" + signFor + "/complete",
        "{\"variables\": {" + signed + "}}", "zjj-lin");
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(housing).isWaitingAt("handleCase");
    assertThat(caseOf(housing).getSignedAt()).isNotNull();
    assertThat(reload(other).getSignedAt()).isNull();
  }

  @Test
  @DisplayName("the supervision office's own tasks take their form's fields only too")
  void officesToo() {
    signFor(housing);
    String handle = task(housing, "handleCase").getId();
    assertThat(http.post("/engine-rest/task/" + handle + "/complete", "{\"variables\": {"
        + "\"handleAction\": {\"value\": \"CLOSURE\"}, \"closureReport\": {\"value\": \"已完成\"}}}", "zjj-lin")
        .statusCode()).isEqualTo(204);
    String review = task(housing, "reviewClosure").getId();
    assertRefused(http.post("/engine-rest/task/" + review + "/complete", "{\"variables\": {"
        + "\"warningLevel\": {\"value\": \"GREEN\"}}}", "ducha"), "warningLevel");
    assertThat(housing).isWaitingAt("reviewClosure");
  }

  /** A form submitted with more than its fields: 400, the field named. */
  private static void assertRefused(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("只能提交表单中的内容", field);
  }

  /** Variables written through the task otherwise: 403. */
  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("只能提交表单中的内容");
  }
}
