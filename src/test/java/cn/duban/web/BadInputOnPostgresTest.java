package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.complaint.PublicSubmissionLimiter;
import cn.duban.PostgresTestSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bad-input matrix ({@link BadInputMatrix}) on PostgreSQL, where NUL in a text used to end as
 * a 500 with the SQL statement in the answer, and a task completed by several people at once. The
 * production profile with a server on a port; its engine has a name of its own (the shared test
 * context keeps "default"), so the requests name it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=true",
    "duban.calendar.holiday-dir=target/no-holiday-overrides"})
class BadInputOnPostgresTest extends PostgresTestSupport {

  /** The passwords EmbeddedPostgres gives the postgres profile. */
  private static final String USERS = "pg-demo-secret";
  private static final String ADMIN = "pg-admin-secret";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired PublicSubmissionLimiter publicLimit;

  @TestFactory
  @DisplayName("bad input on PostgreSQL: never a 5xx, a Chinese message naming the field, nothing stored")
  Stream<DynamicTest> badInput() throws Exception {
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    return new BadInputMatrix(new BadInputMatrix.Setup(port, engine, dataSource, USERS, ADMIN, true,
        this::register, this::signFor, pi -> caseOf(pi).getId(), publicLimit::reset)).tests();
  }

  @Test
  @DisplayName("R2 on PostgreSQL: a task submitted by four requests at once is completed once, the others get 409")
  void completedConcurrently() throws Exception {
    ProcessInstance pi = register();
    String signFor = task(pi, "signFor").getId();
    List<HttpResponse<String>> answers = ErrorAnswersTest.submitAtOnce(new Http(port, USERS),
        "/engine-rest/engine/" + engine.getName() + "/task/" + signFor + "/submit-form",
        "{\"variables\": {\"signConfirmed\": {\"value\": true}}}", "zjj-lin", 4);
    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(204, 409).containsOnlyOnce(204);
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 409) {
        ErrorAnswersTest.assertProblem(answer, 409, "该任务已被他人办理，请刷新");
      }
    }
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey("signFor")
        .count()).isOne();
    assertThat(caseOf(pi).getSignedAt()).isNotNull();
    assertThat(task(pi, "handleCase")).isNotNull();
  }
}
