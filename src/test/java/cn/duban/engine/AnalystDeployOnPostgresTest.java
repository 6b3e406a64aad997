package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.PostgresTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process analysts on PostgreSQL: the production profile with a server on a port and the job
 * executor running; its engine has a name of its own, so the requests name it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "duban.calendar.holiday-dir=target/no-holiday-overrides"})
class AnalystDeployOnPostgresTest extends PostgresTestSupport {

  /** The demo users' password EmbeddedPostgres gives the postgres profile. */
  private static final String USERS = "pg-demo-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ShippedModels shippedModels;

  @Test
  @DisplayName("Analyst on PostgreSQL: fenxi deploys a changed case-score.dmn from Modeler and the next yellow notice is booked by it;"
      + " a broken model is refused with a Chinese reason naming the element; an upgrade keeps the analyst's version")
  void analystOnPostgres() throws Exception {
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    Http http = new Http(port, USERS);
    String enginePath = "/engine-rest/engine/" + engine.getName();
    ProcessInstance pi = register();
    signFor(pi);

    HttpResponse<String> deployed = AnalystDeployTest.modelerDeploy(http, enginePath, "fenxi",
        Map.of("case-score.dmn", AnalystDeployTest.caseScoreWithYellow("-7")));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    fire(pi, "stageLimitReached");
    assertThat(bookings(caseOf(pi))).containsExactly("YELLOW_NOTICE zjj -7");

    HttpResponse<String> refused = AnalystDeployTest.modelerDeploy(http, enginePath, "fenxi",
        Map.of("analyst-test.bpmn", AnalystDeployTest.brokenModel()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .contains("analyst-test.bpmn：用户任务“办理测试事项”（Task_Handle）没有指定候选组或办理人（camunda:candidateGroups）");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("analyst-test").count()).isZero();

    Map<String, byte[]> release = ShippedModels.readShipped();
    release.put(AnalystDeployTest.CASE_SCORE, AnalystDeployTest.caseScoreWithYellow("-1.5"));
    ShippedModels.Outcome outcome = shippedModels.deploy(release);
    assertThat(outcome.deployed()).isEmpty();
    assertThat(outcome.open()).singleElement().satisfies(conflict -> {
      assertThat(conflict.getResourceName()).isEqualTo(AnalystDeployTest.CASE_SCORE);
      assertThat(conflict.getDeployedBy()).isEqualTo("fenxi");
      assertThat(conflict.getDeploymentId()).isEqualTo(JSON.readTree(deployed.body()).path("id").asText());
    });
    assertThat(shippedModels.deploy(release).open()).hasSize(1);
  }
}
