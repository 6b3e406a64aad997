package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.PostgresTestSupport;
import cn.duban.notice.NoticeKind;
import cn.duban.supervision.CaseStatus;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.WarningLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15 on a real PostgreSQL with the job executor running: a case at yellow moves to a changed
 * version of supervision-case.bpmn as a batch that the job executor carries out, and goes on to red
 * and closure; a case waiting at a task the new version renamed is reported and stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "duban.calendar.holiday-dir=target/no-holiday-overrides"})
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500"})
class InstanceMigrationOnPostgresTest extends PostgresTestSupport {

  /** The password EmbeddedPostgres gives the demo users of the postgres profile. */
  private static final String USERS = "pg-demo-secret";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private String definitionOf(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
  }

  /** Lets the case's current limit lapse and waits for the job executor to escalate it. */
  private void lapse(ProcessInstance pi, SupervisionCase c, WarningLevel next) {
    ClockUtil.setCurrentTime(new Date(timer(pi, "stageLimitReached").getDuedate().getTime() + 60_000));
    Awaitility.await("the job executor escalates to " + next).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(() -> reload(c).getWarningLevel() == next);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).withException().count()).isZero();
  }

  @Test
  @DisplayName("Analyst on PostgreSQL: a case waiting at yellow moves to a changed version as a batch the job executor runs, keeps its task, due date and timer, and goes on to red and closure; a case waiting at a renamed task is reported and stays")
  void yellowCaseMovedByTheJobExecutor() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    Http http = new Http(port, USERS);
    ProcessInstance waitingToSign = register();
    ProcessInstance yellow = register();
    signFor(yellow);
    SupervisionCase c = caseOf(yellow);
    lapse(yellow, c, WarningLevel.YELLOW);
    // what else fell due meanwhile (the milestone checkpoint, the other case's sign-for limit) runs first
    Awaitility.await("the due jobs run").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(() -> management.createJobQuery().executable().count() == 0);
    String oldVersion = yellow.getProcessDefinitionId();
    Task handle = task(yellow, "handleCase");
    Date stageDue = timer(yellow, "stageLimitReached").getDuedate();

    String newVersion = ChangedVersions.deployChanged(repository, "督查督办事项（修订）", true);

    JsonNode plan = JSON.readTree(http.get("/api/migrations/supervision-case/plan?from=" + oldVersion, "ducha").body());
    assertThat(plan.get("instances")).hasSize(2);

    HttpResponse<String> answer = http.post("/api/migrations/supervision-case",
        JSON.writeValueAsString(Map.of("sourceDefinitionId", oldVersion, "asynchronous", true)), "ducha");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode outcome = JSON.readTree(answer.body());
    assertThat(outcome.get("batchId").asText()).isNotBlank();
    assertThat(outcome.get("moved")).extracting(JsonNode::asText).containsExactly(yellow.getId());
    assertThat(outcome.get("refused").get(0).get("processInstanceId").asText()).isEqualTo(waitingToSign.getId());
    assertThat(outcome.get("refused").get(0).get("reasons").toString()).contains("签收督办事项", "新版本中没有对应的环节");

    Awaitility.await("the job executor moves the case").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(() -> definitionOf(yellow).equals(newVersion));
    assertThat(definitionOf(waitingToSign)).isEqualTo(oldVersion);
    Task moved = task(yellow, "handleCase");
    assertThat(moved.getId()).isEqualTo(handle.getId());
    assertThat(moved.getDueDate()).isEqualTo(handle.getDueDate());
    assertThat(tasks.createTaskQuery().taskId(moved.getId()).taskCandidateGroup("unit-zjj").includeAssignedTasks().count())
        .isOne();
    assertThat(timer(yellow, "stageLimitReached").getDuedate()).isEqualTo(stageDue);
    assertThat(jdbc.queryForObject("select process_instance_id from supervision_case where id = ?", String.class,
        c.getId())).isEqualTo(yellow.getId());
    assertThat(jdbc.queryForObject("select count(*) from process_migration where batch_id = ? and moved = 1 and refused = 1",
        Integer.class, outcome.get("batchId").asText())).isOne();

    lapse(yellow, c, WarningLevel.RED);
    assertThat(notice(c, NoticeKind.RED)).isPresent();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2");
    submitClosure(yellow);
    accept(yellow, false);
    assertThat(reload(c).getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(yellow).isEnded();
    assertThat(List.of(definitionOf(waitingToSign))).containsExactly(oldVersion);
  }
}
