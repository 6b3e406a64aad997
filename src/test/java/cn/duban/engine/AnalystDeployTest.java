package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.organization.Groups;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process analysts (issue 15): the group and its demo user {@code fenxi} deploy from Camunda
 * Modeler (its REST call), a model that breaks what the application relies on is refused with a
 * Chinese reason naming the element, a changed rule table counts from the next event, and an
 * upgrade of the application does not deploy a shipped model over the analyst's version.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnalystDeployTest extends ProcessTestSupport {

  static final String CASE_SCORE = "processes/rules/case-score.dmn";
  static final String URGING_FORM = "forms/case-urging.form";
  static final String REGISTER_FORM = "forms/supervision-register.form";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ShippedModels shippedModels;
  @Autowired ModelConflictRepository conflicts;
  @Autowired cn.duban.organization.OrganizationForms organizationForms;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** What the tests changed goes back to the shipped version, deployed as the application does. */
  @AfterEach
  void restoreShipped() {
    Map<String, byte[]> shipped = ShippedModels.readShipped();
    repository.createDeployment().name(ShippedModels.NAME).source(ShippedModels.SOURCE)
        .addInputStream(CASE_SCORE, new ByteArrayInputStream(shipped.get(CASE_SCORE)))
        .addInputStream(URGING_FORM, new ByteArrayInputStream(shipped.get(URGING_FORM)))
        .addInputStream(REGISTER_FORM, new ByteArrayInputStream(shipped.get(REGISTER_FORM))).deploy();
    organizationForms.refresh();
    List<ModelConflict> open = conflicts.findByResolutionIsNullOrderByDetectedAt();
    open.forEach(c -> c.resolve(ModelConflict.Resolution.SUPERSEDED, "test", java.time.Instant.now()));
    conflicts.saveAll(open);
  }

  /**
   * Camunda Modeler's deploy dialog: POST /engine-rest/deployment/create, multipart, deploy-changed-only
   * (so each test deploys a content of its own: the same content again under the same name deploys nothing).
   */
  static HttpResponse<String> modelerDeploy(Http http, String enginePath, String user, Map<String, byte[]> files) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "分析员修改");
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("deploy-changed-only", "true");
    return http.deploy(enginePath + "/deployment/create", fields, files, user);
  }

  /** case-score.dmn with the yellow notice's points for the lead unit (R4, shipped -1) changed. */
  static byte[] caseScoreWithYellow(String points) {
    String table = new String(ShippedModels.readShipped().get(CASE_SCORE), StandardCharsets.UTF_8);
    String shipped = "<outputEntry id=\"Rule_6_points\"><text>-1</text></outputEntry>";
    assertThat(table).contains(shipped);
    return table.replace(shipped, "<outputEntry id=\"Rule_6_points\"><text>" + points + "</text></outputEntry>")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] brokenModel() throws IOException {
    return Files.readString(Path.of("src/test/resources/analyst/analyst-test.bpmn"))
        .replace(" camunda:candidateGroups=\"supervision-office\"", "").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Analyst fenxi deploys a changed case-score.dmn as Camunda Modeler does, and the next yellow notice is booked by it")
  void deployedRuleCountsFromTheNextEvent() throws IOException {
    ProcessInstance pi = register();
    signFor(pi);

    HttpResponse<String> deployed = modelerDeploy(http, "/engine-rest", "fenxi", Map.of("case-score.dmn", caseScoreWithYellow("-3")));

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(deployed.body());
    assertThat(body.path("deployedDecisionDefinitions").toString()).contains("case-score");
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("case-score")
        .latestVersion().singleResult();
    assertThat(latest.getDeploymentId()).isEqualTo(body.path("id").asText());

    fire(pi, "stageLimitReached");
    SupervisionCase c = caseOf(pi);
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -3");
  }

  @Test
  @DisplayName("Analyst a model that breaks what the application relies on is refused with 400 and a Chinese reason naming the element, and nothing is deployed")
  void brokenModelRefused() throws IOException {
    long deployments = repository.createDeploymentQuery().count();

    HttpResponse<String> refused = modelerDeploy(http, "/engine-rest", "fenxi", Map.of("analyst-test.bpmn", brokenModel()));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .startsWith("模型未通过部署检查，本次部署未生效：")
        .contains("analyst-test.bpmn：用户任务“办理测试事项”（Task_Handle）没有指定候选组或办理人（camunda:candidateGroups）");
    String renamed = new String(ShippedModels.readShipped().get(CASE_SCORE), StandardCharsets.UTF_8)
        .replace("name=\"points\"", "name=\"score\"");
    HttpResponse<String> table = modelerDeploy(http, "/engine-rest", "fenxi",
        Map.of("case-score.dmn", renamed.getBytes(StandardCharsets.UTF_8)));
    assertThat(table.statusCode()).as(table.body()).isEqualTo(400);
    assertThat(JSON.readTree(table.body()).path("message").asText())
        .contains("case-score.dmn：决策表“督办事项记分”（case-score）缺少系统读取的输出“points”（double）");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("analyst-test").count()).isZero();
  }

  @Test
  @DisplayName("Analyst fenxi is a process analyst who deploys and reads definitions, but creates no user, deletes no deployment and reads no task; the supervision office deploys nothing")
  void analystRights() {
    assertThat(identity.createGroupQuery().groupId(Groups.PROCESS_ANALYSTS).singleResult().getName()).isEqualTo("流程分析员");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.PROCESS_ANALYSTS).list())
        .extracting(u -> u.getId()).containsExactly("fenxi");
    register();

    assertThat(http.get("/engine-rest/deployment", "fenxi").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/process-definition?key=supervision-case", "fenxi").body()).contains("supervision-case");
    assertThat(http.get("/engine-rest/decision-definition?key=case-score", "fenxi").body()).contains("case-score");
    assertThat(http.get("/engine-rest/decision-requirements-definition", "fenxi").statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task", "fenxi").body()).isEqualTo("[]");
    HttpResponse<String> user = http.post("/engine-rest/user/create",
        "{\"profile\": {\"id\": \"fenxi-made\", \"firstName\": \"某\", \"lastName\": \"人\"},"
            + " \"credentials\": {\"password\": \"Duban-2026-secret\"}}", "fenxi");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("fenxi-made").count()).isZero();
    assertThat(http.post("/engine-rest/group/create", "{\"id\": \"fenxi-group\", \"name\": \"组\"}", "fenxi").statusCode())
        .isEqualTo(403);
    Deployment shipped = repository.createDeploymentQuery().deploymentSource(ShippedModels.SOURCE).list().get(0);
    assertThat(http.send("DELETE", "/engine-rest/deployment/" + shipped.getId(), null, "fenxi").statusCode()).isEqualTo(403);

    HttpResponse<String> byOffice = modelerDeploy(http, "/engine-rest", "ducha", Map.of("case-score.dmn", caseScoreWithYellow("-3")));
    assertThat(byOffice.statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("Analyst an upgrade shipping a changed case-score.dmn keeps the analyst's deployed version, reports the conflict in the log and on 督办看板, and deploys the release's other changes")
  void upgradeKeepsTheAnalystsVersion(CapturedOutput output) throws IOException {
    HttpResponse<String> analyst = modelerDeploy(http, "/engine-rest", "fenxi", Map.of("case-score.dmn", caseScoreWithYellow("-4")));
    assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
    String analystsDeployment = JSON.readTree(analyst.body()).path("id").asText();

    // the next release changes the same table (and, elsewhere, a form)
    Map<String, byte[]> release = ShippedModels.readShipped();
    release.put(CASE_SCORE, caseScoreWithYellow("-1.5"));
    release.put(URGING_FORM, new String(release.get(URGING_FORM), StandardCharsets.UTF_8)
        .replaceFirst("\"components\"", "\"description\": \"新版本\", \"components\"").getBytes(StandardCharsets.UTF_8));
    ShippedModels.Outcome first = shippedModels.deploy(release);

    assertThat(first.deployed()).containsExactly(URGING_FORM);
    assertThat(latestCaseScoreDeployment()).isEqualTo(analystsDeployment);
    assertThat(first.open()).singleElement().satisfies(c -> {
      assertThat(c.getResourceName()).isEqualTo(CASE_SCORE);
      assertThat(c.getDefinitionKeys()).isEqualTo("case-score");
      assertThat(c.getDeploymentId()).isEqualTo(analystsDeployment);
      assertThat(c.getDeployedBy()).isEqualTo("fenxi");
    });
    assertThat(output.getOut()).contains(CASE_SCORE + ": NOT deployed");
    long conflictId = first.open().get(0).getId();

    JsonNode board = JSON.readTree(http.get("/api/dashboard", "fenxi").body());
    assertThat(board.path("modelConflicts")).singleElement().satisfies(row -> {
      assertThat(row.path("resourceName").asText()).isEqualTo(CASE_SCORE);
      assertThat(row.path("deployedBy").asText()).isEqualTo("郭分析");
      assertThat(row.path("deploymentName").asText()).isEqualTo("分析员修改");
    });
    assertThat(JSON.readTree(http.get("/api/dashboard", "ducha").body()).path("modelConflicts")).isEmpty();

    // a second start of the same release: the same conflict, nothing deployed again
    ShippedModels.Outcome second = shippedModels.deploy(release);
    assertThat(second.deployed()).isEmpty();
    assertThat(second.open()).extracting(ModelConflict::getId).containsExactly(conflictId);

    // the analyst takes the release's change into the model and marks it kept: later starts say no more
    assertThat(http.post("/api/model-conflicts/" + conflictId + "/keep", "", "ducha").statusCode()).isEqualTo(403);
    HttpResponse<String> kept = http.post("/api/model-conflicts/" + conflictId + "/keep", "", "fenxi");
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
    assertThat(http.post("/api/model-conflicts/" + conflictId + "/keep", "", "fenxi").statusCode()).isEqualTo(409);
    assertThat(http.post("/api/model-conflicts/999999/keep", "", "fenxi").statusCode()).isEqualTo(404);
    assertThat(http.post("/api/model-conflicts/abc/keep", "", "fenxi").statusCode()).isEqualTo(400);
    ShippedModels.Outcome third = shippedModels.deploy(release);
    assertThat(third.deployed()).isEmpty();
    assertThat(third.open()).isEmpty();
    assertThat(latestCaseScoreDeployment()).isEqualTo(analystsDeployment);
  }

  @Test
  @DisplayName("Analyst an administrator accepts the shipped version over the analyst's, through the API or by duban.models.accept-shipped at start")
  void acceptShipped() {
    // the previous release shipped another version of the table; then the analyst changed it
    repository.createDeployment().name(ShippedModels.NAME).source(ShippedModels.SOURCE)
        .addInputStream(CASE_SCORE, new ByteArrayInputStream(caseScoreWithYellow("-2"))).deploy();
    assertThat(modelerDeploy(http, "/engine-rest", "fenxi", Map.of("case-score.dmn", caseScoreWithYellow("-5"))).statusCode())
        .isEqualTo(200);
    // this release ships the table as it is on the class path
    long id = shippedModels.deploy().open().get(0).getId();

    assertThat(http.post("/api/model-conflicts/" + id + "/accept", "", "fenxi").statusCode()).isEqualTo(403);
    HttpResponse<String> accepted = http.post("/api/model-conflicts/" + id + "/accept", "", "admin");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(conflicts.findById(id).orElseThrow().getResolution()).isEqualTo(ModelConflict.Resolution.ACCEPTED);
    assertThat(repository.createDeploymentQuery().deploymentId(latestCaseScoreDeployment()).singleResult().getSource())
        .isEqualTo(ShippedModels.SOURCE);
    assertThat(shippedModels.deploy().open()).isEmpty();

    // the same by the setting, at the next start of a release that changes the table again
    assertThat(modelerDeploy(http, "/engine-rest", "fenxi", Map.of("case-score.dmn", caseScoreWithYellow("-6"))).statusCode())
        .isEqualTo(200);
    Map<String, byte[]> release = ShippedModels.readShipped();
    release.put(CASE_SCORE, caseScoreWithYellow("-2.5"));
    long second = shippedModels.deploy(release).open().get(0).getId();
    ShippedModels accepting = new ShippedModels(repository, history, engine.getProcessEngineConfiguration(), conflicts,
        List.of("case-score.dmn"));
    ShippedModels.Outcome outcome = accepting.deploy(release);

    assertThat(outcome.deployed()).containsExactly(CASE_SCORE);
    assertThat(outcome.open()).isEmpty();
    assertThat(conflicts.findById(second).orElseThrow().getResolution()).isEqualTo(ModelConflict.Resolution.ACCEPTED);
    assertThat(repository.createDeploymentQuery().deploymentId(latestCaseScoreDeployment()).singleResult().getSource())
        .isEqualTo(ShippedModels.SOURCE);
  }

  @Test
  @DisplayName("Analyst a release after Camunda's auto-deployment deploys only the files it changed, whoever's they were before, and counts the old deployments as the application's")
  void afterTheAutoDeployment() {
    // an earlier release, deployed by Camunda's Spring auto-deployment (named by the file's path on disk)
    repository.createDeployment().name(ShippedModels.LEGACY_NAME)
        .addInputStream("/srv/duban/classes/" + CASE_SCORE, new ByteArrayInputStream(caseScoreWithYellow("-8"))).deploy();

    ShippedModels.Outcome upgrade = shippedModels.deploy();

    assertThat(upgrade.deployed()).containsExactly(CASE_SCORE);
    assertThat(upgrade.open()).isEmpty();
    assertThat(repository.createDeploymentQuery().deploymentId(latestCaseScoreDeployment()).singleResult().getSource())
        .isEqualTo(ShippedModels.SOURCE);
    assertThat(shippedModels.deploy().deployed()).isEmpty();
  }

  @Test
  @DisplayName("Analyst an analyst's change of a form with the organisation's lists survives the lists' refresh, and an upgrade changing that form keeps it")
  void analystsFormKeepsThroughTheOrganisationsLists() throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode form = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
        ShippedModels.readShipped().get(REGISTER_FORM));
    JsonNode leadUnit = form.findParents("key").stream().filter(c -> "leadUnit".equals(c.path("key").asText()))
        .findFirst().orElseThrow();
    ((com.fasterxml.jackson.databind.node.ObjectNode) leadUnit).put("label", "牵头承办单位（分析员修改）");
    ((com.fasterxml.jackson.databind.node.ArrayNode) leadUnit.path("values")).remove(0);  // a stale list
    HttpResponse<String> analyst = modelerDeploy(http, "/engine-rest", "fenxi",
        Map.of("supervision-register.form", JSON.writeValueAsBytes(form)));
    assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);

    assertThat(organizationForms.refresh()).as("the analyst's form gets the organisation's lists").isPositive();
    String inForce = latestForm("supervision-register");
    assertThat(inForce).contains("牵头承办单位（分析员修改）", "县发展和改革局");

    Map<String, byte[]> release = ShippedModels.readShipped();
    release.put(REGISTER_FORM, new String(release.get(REGISTER_FORM), StandardCharsets.UTF_8)
        .replaceFirst("\"components\"", "\"description\": \"新版本\", \"components\"").getBytes(StandardCharsets.UTF_8));
    ShippedModels.Outcome upgrade = shippedModels.deploy(release);

    assertThat(upgrade.deployed()).isEmpty();
    assertThat(upgrade.open()).singleElement().satisfies(c -> {
      assertThat(c.getResourceName()).isEqualTo(REGISTER_FORM);
      assertThat(c.getDeployedBy()).isEqualTo("fenxi");
    });
    assertThat(latestForm("supervision-register")).isEqualTo(inForce);
  }

  private String latestForm(String key) {
    var latest = inCommand(context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key));
    try (var in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String latestCaseScoreDeployment() {
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey("case-score").latestVersion().singleResult()
        .getDeploymentId();
  }
}
