package cn.duban.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.PostgresTestSupport;
import cn.duban.WebappSession;
import cn.duban.supervision.SupervisionCase;
import cn.duban.web.Startup;
import cn.duban.web.StartupLock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the application on one PostgreSQL (issue 10 §5): the test's own Spring context and a
 * {@link SecondNode} in a JVM of its own. A user logged in on one is served by the other; a throttled
 * login and the public page's count hold on both. Both trust only 127.0.0.1 as a proxy, so that a
 * client at 127.0.0.2 is one whose X-Forwarded-For nobody believes. Both run on the real clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=true",
    "camunda.bpm.job-execution.enabled=false",
    "duban.calendar.holiday-dir=target/no-holiday-overrides",
    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
    // a throttle lasts long enough here that no test outruns it
    "duban.login.first-delay=PT5M"})
class TwoNodesTest extends PostgresTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The demo users' password in the postgres profile's tests (see EmbeddedPostgres). */
  private static final String PASSWORD = "pg-demo-secret";
  private static SecondNode second;

  @LocalServerPort int port;
  @Autowired Environment environment;
  @Autowired Startup startup;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void secondNodeOnTheSameDatabase() throws Exception {
    ClockUtil.reset();
    if (second == null) {
      second = SecondNode.start(environment, engine.getName(),
          "--camunda.bpm.job-execution.enabled=false",
          "--duban.calendar.holiday-dir=target/no-holiday-overrides",
          "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
          "--duban.login.first-delay=PT5M",
          "--duban.organization.sync-delay=P1D");
    }
  }

  @AfterAll
  static void stopSecondNode() throws InterruptedException {
    if (second != null) {
      second.close();
      second = null;
    }
  }

  @Test
  @DisplayName("A user logged in on one node is served by the other: Tasklist's data, /api with the session, the CSRF token and the logout")
  void sessionsAreShared() throws Exception {
    setClock(MONDAY);
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);
    Task signFor = task(pi, "signFor");
    ClockUtil.reset();
    String e = engine.getName();
    String whoAmI = "/camunda/api/admin/auth/user/" + e;

    WebappSession first = WebappSession.open(port, e, null);
    assertThat(first.tryLogin("tasklist", "zjj-lin", PASSWORD).statusCode()).isEqualTo(200);
    WebappSession other = first.at(second.port);
    HttpResponse<String> me = other.get(whoAmI);
    assertThat(me.statusCode()).as("the other node knows the user").isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("userId").asText()).isEqualTo("zjj-lin");
    HttpResponse<String> tasks = other.get("/camunda/api/engine/engine/" + e + "/task?processInstanceBusinessKey="
        + URLEncoder.encode(c.getCaseNumber(), StandardCharsets.UTF_8));
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tasks.body()).findValuesAsText("id")).contains(signFor.getId());
    HttpResponse<String> caseThere = other.get("/api/cases/" + c.getId());
    assertThat(caseThere.statusCode()).as("/api with the webapps' session").isEqualTo(200);
    assertThat(caseThere.body()).contains(c.getTitle());

    // the token the other node's answers set is the session's: a change on the first node passes
    assertThat(first.send("POST", "/camunda/api/engine/engine/" + e + "/task/" + signFor.getId() + "/claim",
        "{\"userId\": \"zjj-lin\"}", true).statusCode()).isEqualTo(204);
    assertThat(tasks(signFor).getAssignee()).isEqualTo("zjj-lin");
    assertThat(other.send("POST", "/camunda/api/admin/auth/user/" + e + "/logout", null, true).statusCode())
        .isEqualTo(200);
    assertThat(first.get(whoAmI).statusCode()).as("logged out on every node").isEqualTo(404);
    assertThat(first.get("/api/cases/" + c.getId()).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("A change without the CSRF token is refused on either node and ends the session on both")
  void forgedRequestEndsTheSessionEverywhere() throws Exception {
    String e = engine.getName();
    WebappSession onSecond = WebappSession.open(second.port, e, null);
    assertThat(onSecond.tryLogin("cockpit", "ducha", PASSWORD).statusCode()).isEqualTo(200);
    WebappSession onFirst = onSecond.at(port);
    assertThat(onFirst.get("/camunda/api/admin/auth/user/" + e).statusCode()).isEqualTo(200);
    assertThat(onFirst.send("POST", "/camunda/api/engine/engine/" + e + "/process-instance/count", "{}", false)
        .statusCode()).isEqualTo(403);
    assertThat(onSecond.get("/camunda/api/admin/auth/user/" + e).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("A user throttled at an address on one node waits on the other as well, and logs in on it from another address")
  void loginThrottleIsShared() {
    // the engine by its name: /engine-rest's default engine is the one named "default"
    String tasks = "/engine-rest/engine/" + engine.getName() + "/task";
    Http guesser = new Http(port).from("198.51.100.30");
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.get(tasks, "fgj-zhang", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = new Http(second.port).from("198.51.100.30").get(tasks, "fgj-zhang", PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("登录失败次数过多");
    assertThat(new Http(second.port).from("198.51.100.31").get(tasks, "fgj-zhang", PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("R15 the public page's limit counts one address's complaints on both nodes together")
  void publicLimitIsShared() throws Exception {
    String address = "198.51.100.40";
    for (int i = 0; i < 3; i++) {
      assertThat(file(port, address, "第" + i + "次").statusCode()).isEqualTo(201);
    }
    for (int i = 3; i < 5; i++) {
      assertThat(file(second.port, address, "第" + i + "次").statusCode()).isEqualTo(201);
    }
    HttpResponse<String> refused = file(second.port, address, "再一次");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refused.body()).path("detail").asText()).startsWith("提交过于频繁");
    assertThat(file(port, address, "又一次").statusCode()).isEqualTo(429);
    assertThat(file(port, "198.51.100.41", "另一位群众").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("R15 X-Forwarded-For from a client that is not a trusted proxy is ignored: its complaints count under its own address")
  void spoofedForwardedForIsIgnored() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(fileFrom127002("198.51.100." + (60 + i), "第" + i + "次")).isEqualTo(201);
    }
    assertThat(fileFrom127002("198.51.100.70", "换个地址再来")).as("still 127.0.0.2, whatever it claims")
        .isEqualTo(429);
    assertThat(file(port, "198.51.100.60", "真正在该地址的群众").statusCode())
        .as("the address it claimed has filed nothing").isEqualTo(201);
  }

  @Test
  @DisplayName("Nodes started together take turns at the start-up: this node's waits while another holds the lock, then writes what a new release adds")
  void startupsTakeTurns() throws Exception {
    // what a release that adds them finds missing: a group grant and the two 已逾期 filters
    String analystsDecisions = "select count(*) from act_ru_authorization where group_id_ = 'process-analysts'"
        + " and resource_type_ = " + Resources.DECISION_DEFINITION.resourceType();
    String overdueFilters = "select count(*) from act_ru_filter where name_ = '已逾期'";
    jdbc.update("delete from act_ru_authorization where group_id_ = 'process-analysts' and resource_type_ = ?",
        Resources.DECISION_DEFINITION.resourceType());
    jdbc.update("delete from act_ru_authorization where resource_type_ = ? and resource_id_ in"
        + " (select id_ from act_ru_filter where name_ = '已逾期')", Resources.FILTER.resourceType());
    jdbc.update("delete from act_ru_filter where name_ = '已逾期'");
    CompletableFuture<Void> start;
    try (Connection otherNode = dataSource.getConnection()) {
      try {
        advisory(otherNode, "pg_advisory_lock");
        start = CompletableFuture.runAsync(() -> startup.run(null));
        Awaitility.await("this node's start-up waiting for the lock").atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(50)).until(() -> startupLocks(false) == 1);
        assertThat(start).as("no step runs while the other node starts").isNotDone();
        assertThat(jdbc.queryForObject(analystsDecisions, Integer.class)).isZero();
        assertThat(jdbc.queryForObject(overdueFilters, Integer.class)).isZero();
        advisory(otherNode, "pg_advisory_unlock");
      } finally {
        otherNode.createStatement().execute("select pg_advisory_unlock_all()");
      }
    }
    start.get(2, TimeUnit.MINUTES);
    assertThat(jdbc.queryForObject(analystsDecisions, Integer.class)).as("written once the lock was free").isEqualTo(1);
    assertThat(jdbc.queryForObject(overdueFilters, Integer.class)).as("the unit's and the county's").isEqualTo(2);
    assertThat(startupLocks(true)).as("released after the start-up").isZero();
  }

  @Test
  @DisplayName("A node whose start-up lock another holds past the longest wait starts without it, and holds none afterwards")
  void startupWithoutTheLockAfterTheLongestWait() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    try (Connection otherNode = dataSource.getConnection()) {
      try {
        advisory(otherNode, "pg_advisory_lock");
        new StartupLock(dataSource, Duration.ofSeconds(1)).during(() -> ran.set(true));
        assertThat(ran).as("the start-up ran while the other held the lock").isTrue();
        assertThat(startupLocks(true)).as("the other's, still held").isEqualTo(1);
        assertThat(startupLocks(false)).as("nobody waits any longer").isZero();
      } finally {
        otherNode.createStatement().execute("select pg_advisory_unlock_all()");
      }
    }
    assertThat(startupLocks(true)).isZero();
  }

  /** This database's start-up locks, granted or waited for. */
  private int startupLocks(boolean granted) {
    return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and granted = ?"
        + " and database = (select oid from pg_database where datname = current_database())"
        + " and classid = 0 and objid = ? and objsubid = 1", Integer.class, granted, StartupLock.KEY);
  }

  private static void advisory(Connection c, String function) throws Exception {
    try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
      s.setLong(1, StartupLock.KEY);
      s.executeQuery().close();
    }
  }

  private HttpResponse<String> file(int node, String address, String content) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + node + "/public/complaints"))
            .header("Content-Type", "application/json").header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(complaint(content), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A filing sent from 127.0.0.2, which no setting trusts, claiming to forward for {@code claimed}; its status. */
  private int fileFrom127002(String claimed, String content) throws IOException {
    byte[] body = complaint(content).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.2", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(("POST /public/complaints HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
          + "X-Forwarded-For: " + claimed + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(answer);
      String statusLine = answer.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  private static String complaint(String content) throws IOException {
    return JSON.writeValueAsString(Map.of("unitCode", "zjj", "content", "两节点测试：" + content, "anonymous", true));
  }

  private Task tasks(Task t) {
    return tasks.createTaskQuery().taskId(t.getId()).singleResult();
  }
}
