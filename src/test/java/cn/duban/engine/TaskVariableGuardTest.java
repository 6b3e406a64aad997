package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
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

    // another unit's handler learns nothing of the task from the check: the engine refuses him first
    HttpResponse<String> stranger = http.post("/engine-rest/task/" + signFor + "/complete",
        "{\"variables\": {" + signed + ", " + foreign + "}}", "jtj-xu");
    assertThat(stranger.statusCode()).isIn(403, 404);
    assertThat(stranger.body()).doesNotContain("只能提交表单中的内容", "签收督办事项");

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
    rateCoUnits(housing, "FAIR");  // R31: the closure report rates the co-unit before it goes to the office
    String review = task(housing, "reviewClosure").getId();
    assertRefused(http.post("/engine-rest/task/" + review + "/complete", "{\"variables\": {"
        + "\"warningLevel\": {\"value\": \"GREEN\"}}}", "ducha"), "warningLevel");
    assertThat(housing).isWaitingAt("reviewClosure");
  }

  @Test
  @DisplayName("a process's start form takes its fields only: a registration carrying anything else is refused, nothing started")
  void startFormsToo() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("supervision-case").count();
    String injected = "{\"variables\": {\"title\": {\"value\": \"事项\"}, \"caseId\": {\"value\": 1, \"type\": \"Long\"}}}";
    assertRefused(http.post("/engine-rest/process-definition/key/supervision-case/submit-form", injected, "ducha"),
        "caseId");
    HttpResponse<String> started = http.post("/engine-rest/process-definition/key/supervision-case/start", injected,
        "ducha");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(403);
    assertThat(started.body()).contains("只能提交表单中的内容", "caseId");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision-case").count()).isEqualTo(before);
  }

  @Test
  @DisplayName("every engine command that writes through a task is read for its task and names (this engine version's fields)")
  void readsEveryCommand() {
    Map<String, Object> vars = Map.of("caseId", 1L);
    List<Command<?>> commands = List.of(new CompleteTaskCmd("t", vars), new ResolveTaskCmd("t", vars),
        new SubmitTaskFormCmd("t", vars, false, false), new HandleTaskBpmnErrorCmd("t", "e", "m", vars),
        new HandleTaskEscalationCmd("t", "e", vars), new SetTaskVariablesCmd("t", vars, false),
        new RemoveTaskVariablesCmd("t", List.of("caseId"), false),
        new PatchTaskVariablesCmd("t", vars, List.of("leadUnit"), false));
    for (Command<?> command : commands) {
      TaskVariableGuard.TaskWrite write = TaskVariableGuard.writeOf(command);
      assertThat(write).as(command.getClass().getSimpleName()).isNotNull();
      assertThat(write.taskId()).isEqualTo("t");
      assertThat(write.names()).contains("caseId");
    }
    assertThat(TaskVariableGuard.writeOf(new PatchTaskVariablesCmd("t", vars, List.of("leadUnit"), false)).names())
        .containsExactlyInAnyOrder("caseId", "leadUnit");
    assertThat(TaskVariableGuard.startOf(new SubmitStartFormCmd("p", null, vars)))
        .isEqualTo(new TaskVariableGuard.StartWrite("p", List.of("caseId")));
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
