package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.notice.NoticeKind;
import cn.duban.supervision.CaseStatus;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.WarningLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 15: running supervision cases follow a new version of supervision-case.bpmn. The new
 * versions stay deployed in this context (the original is deployed again after each test), so the
 * context is closed after the class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InstanceMigrationTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired InstanceMigration migration;
  @Autowired MigrationRunRepository runs;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void originalModelLatest() {
    ChangedVersions.redeployOriginal(repository);
  }

  /** What a case's engine state is made of, to compare before and after a move. */
  private record Snapshot(String taskId, Date taskDue, String assignee, Set<String> candidateGroups, Date timerDue,
      Map<String, String> variables) {
  }

  private Snapshot snapshot(ProcessInstance pi) {
    Task handle = task(pi, "handleCase");
    Set<String> groups = tasks.getIdentityLinksForTask(handle.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .collect(Collectors.toSet());
    return new Snapshot(handle.getId(), handle.getDueDate(), handle.getAssignee(), groups,
        timer(pi, "stageLimitReached").getDuedate(), runtime.getVariables(pi.getId()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
  }

  /** A registered, signed-for case whose deadline lapses now: yellow. Register every other case before. */
  private ProcessInstance toYellow(ProcessInstance pi) {
    signFor(pi);
    fire(pi, "stageLimitReached");
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    return pi;
  }

  private String definitionOf(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
  }

  @Test
  @DisplayName("Analyst moves a case waiting at yellow to a changed version: the task, its due date and candidate group, the timer, the variables and the case's record stay, and it goes on to red and closure; a case waiting at a task the new version renamed is reported and left untouched")
  void yellowCaseFollowsTheNewVersion() throws Exception {
    ProcessInstance waitingToSign = register();
    ProcessInstance yellow = toYellow(register());
    String oldVersion = yellow.getProcessDefinitionId();
    Snapshot before = snapshot(yellow);
    Job signTimer = timer(waitingToSign, "signForOverdue");
    Task signTask = task(waitingToSign, "signFor");

    String newVersion = ChangedVersions.deployChanged(repository, "督查督办事项（修订）", true);

    // the office sees the running cases on the older version
    JsonNode overview = JSON.readTree(http.get("/api/migrations", "ducha").body());
    JsonNode process = stream(overview.get("processes")).filter(p -> p.get("key").asText().equals("supervision-case"))
        .findFirst().orElseThrow();
    assertThat(process.get("latest").get("definitionId").asText()).isEqualTo(newVersion);
    assertThat(process.get("onOlder").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stream(process.get("older")).map(v -> v.get("definitionId").asText())).contains(oldVersion);

    // the report: the plan, and which case cannot move and why; nothing moves
    JsonNode plan = JSON.readTree(http.get("/api/migrations/supervision-case/plan?from=" + oldVersion, "ducha").body());
    assertThat(plan.get("problems")).isEmpty();
    assertThat(plan.get("unmapped").toString()).contains("签收督办事项");
    JsonNode refusedCheck = instance(plan, waitingToSign.getId());
    assertThat(refusedCheck.get("movable").asBoolean()).isFalse();
    assertThat(refusedCheck.get("businessKey").asText()).isEqualTo(waitingToSign.getBusinessKey());
    assertThat(refusedCheck.get("reasons").toString()).contains("签收督办事项", "新版本中没有对应的环节");
    assertThat(instance(plan, yellow.getId()).get("movable").asBoolean()).isTrue();
    assertThat(definitionOf(yellow)).isEqualTo(oldVersion);

    // a unit's handler may not
    assertThat(http.get("/api/migrations", "zjj-lin").statusCode()).isEqualTo(403);
    assertThat(http.post("/api/migrations/supervision-case", "{\"sourceDefinitionId\": \"" + oldVersion + "\"}",
        "zjj-lin").statusCode()).isEqualTo(403);

    // the move, instance by instance
    HttpResponse<String> moved = http.post("/api/migrations/supervision-case", JSON.writeValueAsString(Map.of(
        "sourceDefinitionId", oldVersion, "processInstanceIds", List.of(yellow.getId(), waitingToSign.getId()))),
        "ducha");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    JsonNode outcome = JSON.readTree(moved.body());
    assertThat(outcome.get("moved")).extracting(JsonNode::asText).containsExactly(yellow.getId());
    assertThat(outcome.get("refused")).hasSize(1);
    assertThat(outcome.get("refused").get(0).get("processInstanceId").asText()).isEqualTo(waitingToSign.getId());
    assertThat(outcome.get("message").asText()).contains("已将1个流程实例", "1个流程实例不能迁移");

    // the refused case is untouched: same version, same task, same timer
    assertThat(definitionOf(waitingToSign)).isEqualTo(oldVersion);
    assertThat(task(waitingToSign, "signFor").getId()).isEqualTo(signTask.getId());
    assertThat(timer(waitingToSign, "signForOverdue").getId()).isEqualTo(signTimer.getId());
    assertThat(timer(waitingToSign, "signForOverdue").getProcessDefinitionId()).isEqualTo(oldVersion);

    // the moved case: on the new version, with what it had
    assertThat(definitionOf(yellow)).isEqualTo(newVersion);
    Snapshot after = snapshot(yellow);
    assertThat(after).isEqualTo(before);
    assertThat(task(yellow, "handleCase").getProcessDefinitionId()).isEqualTo(newVersion);
    assertThat(timer(yellow, "stageLimitReached").getProcessDefinitionId()).isEqualTo(newVersion);
    SupervisionCase c = caseOf(yellow);
    assertThat(c.getProcessInstanceId()).isEqualTo(yellow.getId());
    // the unit still finds its task in Tasklist
    authenticate("zjj-lin");
    try {
      assertThat(tasks.createTaskQuery().processInstanceId(yellow.getId()).taskDefinitionKey("handleCase").count())
          .isOne();
    } finally {
      identity.clearAuthentication();
    }
    MigrationRun run = runs.findById(outcome.get("runId").asLong()).orElseThrow();
    assertThat(run.getStartedBy()).isEqualTo("ducha");
    assertThat(run.getMoved()).isOne();
    assertThat(run.getRefusals()).contains(waitingToSign.getBusinessKey(), "签收督办事项");

    // and it goes on: the yellow limit lapses, red, then the unit closes it
    fire(yellow, "stageLimitReached");
    c = reload(c);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.RED);
    assertThat(notice(c, NoticeKind.RED)).isPresent();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2");
    submitClosure(yellow);
    accept(yellow, false);
    assertThat(reload(c).getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(yellow).isEnded();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(yellow.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(newVersion);

    // the refused case goes on as before, on its own version
    signFor(waitingToSign);
    assertThat(task(waitingToSign, "handleCase")).isNotNull();
  }

  @Test
  @DisplayName("Analyst moves the cases of an older version as a batch: each instance moves in a job of its own, the run is recorded, and a version without running cases has nothing to move")
  void batchMove() throws Exception {
    ProcessInstance first = register();
    ProcessInstance second = register();
    toYellow(first);
    toYellow(second);
    String oldVersion = first.getProcessDefinitionId();
    Snapshot before = snapshot(first);
    String newVersion = ChangedVersions.deployChanged(repository, "督查督办事项（第二版）", false);

    InstanceMigration.Outcome outcome = migration.migrate("supervision-case", oldVersion,
        List.of(first.getId(), second.getId()), true, "fenxi");
    assertThat(outcome.batchId()).isNotNull();
    assertThat(outcome.moved()).containsExactlyInAnyOrder(first.getId(), second.getId());
    assertThat(outcome.refused()).isEmpty();
    assertThat(outcome.message()).contains("已提交批量迁移", "2个流程实例");
    // queued, not yet moved
    assertThat(definitionOf(first)).isEqualTo(oldVersion);
    assertThat(migration.batch(outcome.batchId()).done()).isFalse();

    runBatch(outcome.batchId());
    assertThat(definitionOf(first)).isEqualTo(newVersion);
    assertThat(definitionOf(second)).isEqualTo(newVersion);
    assertThat(snapshot(first)).isEqualTo(before);
    assertThat(migration.batch(outcome.batchId()).done()).isTrue();

    fire(second, "stageLimitReached");
    assertThat(caseOf(second).getWarningLevel()).isEqualTo(WarningLevel.RED);

    // the new version has no older one running: nothing to move, said in Chinese
    HttpResponse<String> nothing = http.post("/api/migrations/case-withdrawal", "{}", "ducha");
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("没有在旧版本上运行的流程实例");
    HttpResponse<String> unknown = http.get("/api/migrations/no-such-process/plan", "ducha");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("流程“no-such-process”不存在");
  }

  @Test
  @DisplayName("Analyst moving more than 100 instances at once is sent to the batch, named by the field; nothing moves")
  void tooManyForOneRequest() {
    java.util.function.Supplier<org.camunda.bpm.model.bpmn.BpmnModelInstance> model = () -> org.camunda.bpm.model.bpmn.Bpmn
        .createExecutableProcess("migration-limit").name("迁移上限").camundaHistoryTimeToLive(1)
        .startEvent().userTask("wait").name("等待").endEvent().done();
    repository.createDeployment().addModelInstance("migration-limit.bpmn", model.get()).deploy();
    String oldVersion = repository.createProcessDefinitionQuery().processDefinitionKey("migration-limit").latestVersion()
        .singleResult().getId();
    for (int i = 0; i <= InstanceMigration.SYNCHRONOUS_LIMIT; i++) {
      runtime.startProcessInstanceById(oldVersion);
    }
    repository.createDeployment().addModelInstance("migration-limit.bpmn", model.get()).deploy();

    assertThatThrownBy(() -> migration.migrate("migration-limit", oldVersion, List.of(), false, "fenxi"))
        .isInstanceOf(cn.duban.common.InputException.class).hasMessageContaining("一次直接迁移最多100个实例（本次101个）")
        .hasMessageContaining("asynchronous");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(oldVersion).count()).isEqualTo(101);
  }

  @Test
  @DisplayName("Analyst opens 版本迁移 and 规则预览 in Cockpit: both pages are served, read their data with the webapp session and send changes with its CSRF token")
  void cockpitPages() throws Exception {
    cn.duban.WebappSession cockpit = cn.duban.WebappSession.login(port, "cockpit", "ducha");
    HttpResponse<String> migrationPage = cockpit.get("/camunda/api/cockpit/plugin/duban-migration/static/app/plugin.js");
    assertThat(migrationPage.statusCode()).isEqualTo(200);
    assertThat(migrationPage.body()).contains("版本迁移", "/api/migrations");
    HttpResponse<String> previewPage = cockpit.get("/camunda/api/cockpit/plugin/duban-rule-preview/static/app/plugin.js");
    assertThat(previewPage.statusCode()).isEqualTo(200);
    assertThat(previewPage.body()).contains("规则预览", "/api/rule-preview");
    HttpResponse<String> overview = cockpit.get("/api/migrations");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(overview.body()).get("processes").toString()).contains("supervision-case");
    // a move as the page sends it: with the session's CSRF token it reaches the application, without it not
    assertThat(cockpit.send("POST", "/api/migrations/case-withdrawal", "{}", false).statusCode()).isEqualTo(401);
    HttpResponse<String> nothing = cockpit.send("POST", "/api/migrations/case-withdrawal", "{}", true);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("没有在旧版本上运行的流程实例");
    // and a preview as the page uploads it
    String boundary = "duban-page";
    HttpResponse<String> preview = cockpit.request("POST", "/api/rule-preview", "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"case-score.dmn\"\r\nContent-Type: application/xml\r\n\r\n"
        + new String(new org.springframework.core.io.ClassPathResource("processes/rules/case-score.dmn").getInputStream()
            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
        + "\r\n--" + boundary + "--\r\n", "multipart/form-data; boundary=" + boundary);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(JSON.readTree(preview.body()).get("unitsChanged").asInt()).isZero();
  }

  /** Runs a batch's jobs as the job executor would: the seed job, one job per instance, the monitor. */
  private void runBatch(String batchId) {
    for (int round = 0; round < 20 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
      Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
      for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
          management.executeJob(job.getId());
        }
      }
    }
    assertThat(management.createBatchQuery().batchId(batchId).count()).isZero();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode instance(JsonNode plan, String id) {
    return stream(plan.get("instances")).filter(i -> i.get("processInstanceId").asText().equals(id)).findFirst()
        .orElseThrow();
  }
}
