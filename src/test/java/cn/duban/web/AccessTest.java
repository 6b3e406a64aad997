package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees what through the REST API and the project's API, role by role: two cases, one of the
 * housing bureau (zjj, leader wangfxz, co-unit fgj) and one of the transport bureau (jtj, leader
 * lifxz). A unit never gets another unit's task, instance or case: 403, 404 or an empty list,
 * never the data.
 */
class AccessTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;
  @Autowired AccessSetup setup;
  Http http;
  ProcessInstance housing;
  ProcessInstance transport;
  String housingTask;
  String transportTask;

  @BeforeEach
  void twoCases() {
    http = new Http(port);
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "住建局的事项" + System.nanoTime());
    housing = register(form);
    transport = register(transportRegistrationForm("交通局的事项" + System.nanoTime()));
    housingTask = task(housing, "signFor").getId();
    transportTask = task(transport, "signFor").getId();
  }

  @Test
  @DisplayName("a unit's handler sees and works only the unit's tasks, instances and cases")
  void unitHandler() throws Exception {
    // his own unit's work
    assertThat(http.get("/engine-rest/task/" + housingTask, "zjj-lin").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + housing.getId(), "zjj-lin").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + caseOf(housing).getId(), "zjj-lin").statusCode()).isEqualTo(200);

    // another unit's: refused or not there
    assertHidden(http.get("/engine-rest/task/" + transportTask, "zjj-lin"), transport);
    assertHidden(http.get("/engine-rest/task/" + transportTask + "/variables", "zjj-lin"), transport);
    assertHidden(http.get("/engine-rest/process-instance/" + transport.getId(), "zjj-lin"), transport);
    assertHidden(http.get("/engine-rest/process-instance/" + transport.getId() + "/variables", "zjj-lin"), transport);
    assertHidden(http.get("/engine-rest/history/process-instance/" + transport.getId(), "zjj-lin"), transport);
    assertHidden(http.get("/api/cases/" + caseOf(transport).getId(), "zjj-lin"), transport);
    assertThat(http.post("/engine-rest/task/" + transportTask + "/claim", "{\"userId\": \"zjj-lin\"}", "zjj-lin")
        .statusCode()).isIn(403, 404);
    assertThat(task(transport, "signFor").getAssignee()).as("still the post holder of jtj").isEqualTo("jtj-xu");

    // lists leave it out
    assertThat(ids(http.get("/engine-rest/task?processInstanceId=" + transport.getId(), "zjj-lin"))).isEmpty();
    assertThat(ids(http.get("/engine-rest/task?processInstanceId=" + housing.getId(), "zjj-lin")))
        .containsExactly(housingTask);
    assertThat(ids(http.get("/engine-rest/process-instance?processDefinitionKey=supervision-case", "zjj-lin")))
        .contains(housing.getId()).doesNotContain(transport.getId());
    assertThat(ids(http.get("/engine-rest/history/process-instance?processDefinitionKey=supervision-case", "zjj-lin")))
        .contains(housing.getId()).doesNotContain(transport.getId());
    assertThat(http.get("/api/cases?year=2026", "zjj-lin").body())
        .contains(caseOf(housing).getCaseNumber()).doesNotContain(caseOf(transport).getCaseNumber());

    // and he starts no supervision case
    HttpResponse<String> start = http.post("/engine-rest/process-definition/key/supervision-case/start", "{}", "zjj-lin");
    assertThat(start.statusCode()).isEqualTo(403);

    // nor makes tasks of his own to hand to others (Tasklist's 创建任务 is the administrators')
    assertThat(http.post("/engine-rest/task/create", "{\"id\": \"todo-" + System.nanoTime() + "\","
        + " \"name\": \"请立即审批\", \"assignee\": \"wangfxz\"}", "zjj-lin").statusCode()).isEqualTo(403);

    // nor sends a message to find out what another unit's case holds; the application sends its own
    HttpResponse<String> probe = http.post("/engine-rest/message", "{\"messageName\": \"CaseWithdrawn\","
        + " \"businessKey\": \"" + caseOf(transport).getCaseNumber() + "\"}", "zjj-lin");
    assertThat(probe.statusCode()).isEqualTo(403);
    assertThat(probe.body()).contains("不能通过接口发送").doesNotContain(transport.getId());
    for (String path : List.of("/engine-rest/message/", "/engine-rest/message;x=1", "/engine-rest/Message",
        "/engine-rest/engine/default/message")) {
      assertThat(http.post(path, "{\"messageName\": \"CaseWithdrawn\", \"businessKey\": \""
          + caseOf(transport).getCaseNumber() + "\"}", "zjj-lin").statusCode()).as(path).isEqualTo(403);
    }
    assertThat(http.post("/engine-rest/signal", "{\"name\": \"x\"}", "ducha").statusCode()).isEqualTo(403);
    assertThat(http.post("/engine-rest/signal/", "{\"name\": \"x\"}", "ducha").statusCode()).isEqualTo(403);
    String execution = runtime.createExecutionQuery().processInstanceId(transport.getId())
        .messageEventSubscriptionName("CaseWithdrawn").singleResult().getId();
    assertThat(http.post("/engine-rest/execution/" + execution + "/messageSubscriptions/CaseWithdrawn/trigger", "{}",
        "ducha").statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(transport.getId()).active().count()).isOne();
  }

  @Test
  @DisplayName("a co-unit sees the case it helps with, not the others")
  void coUnit() throws Exception {
    assertThat(http.get("/engine-rest/process-instance/" + housing.getId(), "fgj-zhang").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + caseOf(housing).getId(), "fgj-zhang").statusCode()).isEqualTo(200);
    assertHidden(http.get("/api/cases/" + caseOf(transport).getId(), "fgj-zhang"), transport);
    // seeing is not working: the sign-for is the lead unit's
    assertThat(http.post("/engine-rest/task/" + housingTask + "/claim", "{\"userId\": \"fgj-zhang\"}", "fgj-zhang")
        .statusCode()).isIn(403, 404);
  }

  @Test
  @DisplayName("the supervision office sees every case and task but does not work a unit's task")
  void supervisionOffice() throws Exception {
    for (ProcessInstance pi : new ProcessInstance[] {housing, transport}) {
      assertThat(http.get("/engine-rest/process-instance/" + pi.getId(), "ducha").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/cases/" + caseOf(pi).getId(), "ducha").statusCode()).isEqualTo(200);
    }
    assertThat(http.get("/engine-rest/task/" + transportTask, "ducha").statusCode()).isEqualTo(200);
    assertThat(http.post("/engine-rest/task/" + transportTask + "/claim", "{\"userId\": \"ducha\"}", "ducha")
        .statusCode()).isEqualTo(403);
    // the directory is readable, so Tasklist names who holds a task and where it is offered
    assertThat(http.get("/engine-rest/user/zjj-lin/profile", "ducha").body()).contains("林晓东");
    assertThat(http.get("/engine-rest/group/unit-jtj", "zjj-lin").body()).contains("县交通运输局");
    // nor changes a case's instance beside its tasks: the application's checks would be skipped
    assertThat(http.send("PUT", "/engine-rest/process-instance/" + transport.getId() + "/variables/warningLevel",
        "{\"value\": \"GREEN\"}", "ducha").statusCode()).isEqualTo(403);
    assertThat(http.send("PUT", "/engine-rest/process-instance/" + transport.getId() + "/suspended",
        "{\"suspended\": true}", "ducha").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("a leader sees the cases he is in charge of; the principal leader sees all")
  void leaders() throws Exception {
    assertThat(http.get("/engine-rest/process-instance/" + housing.getId(), "wangfxz").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + caseOf(housing).getId(), "wangfxz").statusCode()).isEqualTo(200);
    assertHidden(http.get("/engine-rest/process-instance/" + transport.getId(), "wangfxz"), transport);
    assertHidden(http.get("/api/cases/" + caseOf(transport).getId(), "wangfxz"), transport);
    assertThat(http.get("/api/cases/" + caseOf(transport).getId(), "zhaoxz").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-instance/" + transport.getId(), "zhaoxz").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("offices without a part in a case do not see it; nobody anonymous sees anything")
  void othersAndAnonymous() throws Exception {
    assertHidden(http.get("/api/cases/" + caseOf(housing).getId(), "kaohe"), housing);
    assertHidden(http.get("/engine-rest/process-instance/" + housing.getId(), "tousu"), housing);
    assertThat(http.get("/api/cases/" + caseOf(housing).getId(), null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // admins see everything
    assertThat(http.get("/engine-rest/process-instance/" + transport.getId(), "admin").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("at a start, a running case whose grants were lost gets them again; an ended one keeps those on its history and none on an instance that no longer runs")
  void grantsRestoredAtAStart() {
    long transportGrants = grants(transport.getId(), Resources.PROCESS_INSTANCE);
    long transportHistory = grants(transport.getId(), Resources.HISTORIC_PROCESS_INSTANCE);
    assertThat(transportGrants).isPositive();
    authorizations.createAuthorizationQuery().resourceId(transport.getId()).list()
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    runtime.deleteProcessInstance(housing.getId(), "测试结束");
    assertThat(grants(housing.getId(), Resources.PROCESS_INSTANCE)).as("they end with the instance").isZero();
    long housingHistory = grants(housing.getId(), Resources.HISTORIC_PROCESS_INSTANCE);
    // one as the starts until 4 December wrote on an ended instance
    Authorization stale = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    stale.setResource(Resources.PROCESS_INSTANCE);
    stale.setResourceId(housing.getId());
    stale.setGroupId("unit-zjj");
    stale.addPermission(ProcessInstancePermissions.READ);
    authorizations.saveAuthorization(stale);

    setup.ensure();
    setup.restoreInstanceGrants();
    setup.removeGrantsOnEndedInstances();

    assertThat(grants(transport.getId(), Resources.PROCESS_INSTANCE)).as("the lost ones again")
        .isEqualTo(transportGrants);
    assertThat(grants(transport.getId(), Resources.HISTORIC_PROCESS_INSTANCE)).isEqualTo(transportHistory);
    assertThat(grants(housing.getId(), Resources.PROCESS_INSTANCE)).as("none on an ended instance, the stale one removed")
        .isZero();
    assertThat(grants(housing.getId(), Resources.HISTORIC_PROCESS_INSTANCE)).isEqualTo(housingHistory);
  }

  private long grants(String instanceId, Resources resource) {
    return authorizations.createAuthorizationQuery().resourceType(resource).resourceId(instanceId).count();
  }

  private void assertHidden(HttpResponse<String> response, ProcessInstance pi) {
    SupervisionCase c = caseOf(pi);
    assertThat(response.statusCode()).as(response.uri().toString()).isIn(403, 404);
    assertThat(response.body()).doesNotContain(c.getTitle()).doesNotContain(c.getCaseNumber());
  }

  private static java.util.List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(response.body());
    return list.findValuesAsText("id");
  }
}
