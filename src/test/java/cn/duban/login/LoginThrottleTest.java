package cn.duban.login;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.WebappSession;
import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nobody can lock someone else out (issue 10 §2): failed logins slow the address they come from,
 * never the account. Clients are told apart by X-Forwarded-For, which the application takes from
 * loopback, a trusted proxy; the engine's clock stands still, so a wait never ends by itself here.
 */
class LoginThrottleTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = Http.DEMO_PASSWORD;

  @LocalServerPort int port;
  @Autowired LoginProperties properties;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  /** The test addresses are TEST-NET-3's (RFC 5737), which no other test uses. */
  @AfterEach
  void forgetTestAddresses() {
    jdbc.update("delete from login_throttle where address like '203.0.113.%'");
  }

  @Test
  @DisplayName("50 wrong passwords for one user from one address: that address waits with 429 in Chinese and Retry-After, while the right password from another address logs in by HTTP basic and by the webapps' login")
  void guessingOneUserSlowsOnlyTheGuessingAddress() throws Exception {
    Http guesser = http.from("203.0.113.10");
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      answers.add(guesser.get("/engine-rest/task", "sthj-ma", "guess-" + i).statusCode());
    }
    assertThat(answers.subList(0, properties.userFailures())).as("the first failures are answered at once")
        .containsOnly(401);
    assertThat(answers.subList(properties.userFailures(), 50)).as("then the address waits").containsOnly(429);

    HttpResponse<String> refused = guesser.get("/engine-rest/task", "sthj-ma", PASSWORD);
    assertThat(refused.statusCode()).as("even the right password waits at the guessing address").isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("detail").asText()).matches("登录失败次数过多，请于\\d+秒后再试");

    assertThat(http.from("203.0.113.20").get("/engine-rest/task", "sthj-ma", PASSWORD).statusCode())
        .as("HTTP basic from another address").isEqualTo(200);
    assertThat(http.from("203.0.113.20").get("/api/cases", "sthj-ma", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(WebappSession.open(port, "default", "203.0.113.21").tryLogin("tasklist", "sthj-ma", PASSWORD)
        .statusCode()).as("the webapps' login from another address").isEqualTo(200);
    assertThat(identity.checkPassword("sthj-ma", PASSWORD)).as("the engine has not locked the user").isTrue();
  }

  @Test
  @DisplayName("The webapps' login slows a guessing address with the Chinese message the login page shows, and the right password from another address logs in")
  void webappLoginIsThrottled() throws Exception {
    WebappSession guesser = WebappSession.open(port, "default", "203.0.113.30");
    for (int i = 0; i < properties.userFailures(); i++) {
      assertThat(guesser.tryLogin("tasklist", "fgj-liu", "guess-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = guesser.tryLogin("tasklist", "fgj-liu", PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    // the login page shows an error's "message" as it is
    assertThat(JSON.readTree(refused.body()).path("message").asText()).matches("登录失败次数过多，请于\\d+秒后再试");

    assertThat(WebappSession.open(port, "default", "203.0.113.31").tryLogin("tasklist", "fgj-liu", PASSWORD)
        .statusCode()).isEqualTo(200);
    assertThat(identity.checkPassword("fgj-liu", PASSWORD)).isTrue();
  }

  @Test
  @DisplayName("An address guessing many users waits for all of them, while each of them still logs in from elsewhere")
  void guessingManyUsersSlowsTheAddress() {
    Http sprayer = http.from("203.0.113.40");
    for (int i = 0; i < properties.addressFailures(); i++) {
      assertThat(sprayer.get("/engine-rest/task", "someone-" + i, "guess").statusCode()).isEqualTo(401);
    }
    assertThat(sprayer.get("/engine-rest/task", "ducha", PASSWORD).statusCode()).isEqualTo(429);
    assertThat(http.from("203.0.113.41").get("/engine-rest/task", "ducha", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The engine's own lockout no longer locks or delays anyone, however many wrong passwords it sees")
  void engineNeverLocks() {
    for (int i = 0; i < 50; i++) {
      assertThat(identity.checkPassword("zhaoxz", "guess-" + i)).isFalse();
    }
    assertThat(identity.checkPassword("zhaoxz", PASSWORD)).isTrue();
  }

  @Test
  @DisplayName("An administrator lists the throttles through /api and lifts one: the address may try again at once; nobody else may")
  void administratorLiftsThroughApi() throws Exception {
    Http guesser = http.from("203.0.113.50");
    throttle(guesser, "jtj-gao");
    assertThat(guesser.get("/engine-rest/task", "jtj-gao", PASSWORD).statusCode()).isEqualTo(429);

    assertThat(http.get("/api/login-throttles", "ducha").statusCode()).isEqualTo(403);
    HttpResponse<String> list = http.get("/api/login-throttles", "admin");
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode row = find(JSON.readTree(list.body()), "203.0.113.50", "jtj-gao");
    assertThat(row.path("failures").asInt()).isEqualTo(properties.userFailures());
    assertThat(row.path("waitSeconds").asLong()).isPositive();
    JsonNode everyone = find(JSON.readTree(list.body()), "203.0.113.50", null);
    assertThat(everyone.path("waitSeconds").asLong()).as("the address across users is counted, not yet slowed").isZero();

    assertThat(http.send("DELETE", "/api/login-throttles/" + row.path("id").asLong(), null, "ducha").statusCode())
        .isEqualTo(403);
    assertThat(http.send("DELETE", "/api/login-throttles/" + row.path("id").asLong(), null, "admin").statusCode())
        .isEqualTo(204);
    assertThat(guesser.get("/engine-rest/task", "jtj-gao", PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.send("DELETE", "/api/login-throttles/" + row.path("id").asLong(), null, "admin").statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("Camunda Admin's page 登录限制 lists the throttles in Chinese and lifts one for an administrator, with the CSRF token; other users get 403")
  void administratorLiftsInCamundaAdmin() throws Exception {
    Http guesser = http.from("203.0.113.60");
    throttle(guesser, "jtj-xu");

    HttpResponse<String> page = WebappSession.login(port, "admin", "admin").get("/camunda/app/admin/default/");
    assertThat(page.body()).as("the plugin is among Admin's plugins").contains("duban-login-throttles");
    HttpResponse<String> script = new Http(port).get(
        "/camunda/api/admin/plugin/duban-login-throttles/static/app/plugin.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("admin.system", "登录限制", "解除", "该地址全部用户");

    WebappSession admin = WebappSession.login(port, "admin", "admin");
    String api = "/api/login-throttles";
    HttpResponse<String> list = admin.get(api);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode row = find(JSON.readTree(list.body()), "203.0.113.60", "jtj-xu");
    assertThat(row.path("blockedUntil").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    WebappSession handler = WebappSession.login(port, "tasklist", "ducha");
    assertThat(handler.get(api).statusCode()).isEqualTo(403);

    assertThat(admin.send("DELETE", api + "/" + row.path("id").asLong(), null, true).statusCode()).isEqualTo(204);
    assertThat(guesser.get("/engine-rest/task", "jtj-xu", PASSWORD).statusCode()).isEqualTo(200);

    // without the session's CSRF token the session does not count: no credentials, 401
    throttle(guesser, "jtj-xu");
    long id = find(JSON.readTree(WebappSession.login(port, "admin", "admin").get(api).body()), "203.0.113.60", "jtj-xu")
        .path("id").asLong();
    assertThat(WebappSession.login(port, "admin", "admin").send("DELETE", api + "/" + id, null, false).statusCode())
        .isEqualTo(401);
    assertThat(guesser.get("/engine-rest/task", "jtj-xu", PASSWORD).statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName("Lifting an address's count across users frees the address for every user")
  void liftingTheAddressFreesIt() throws Exception {
    Http guesser = http.from("203.0.113.70");
    throttle(guesser, "sthj-luo");
    JsonNode everyone = find(JSON.readTree(http.get("/api/login-throttles", "admin").body()), "203.0.113.70", null);
    assertThat(http.send("DELETE", "/api/login-throttles/" + everyone.path("id").asLong(), null, "admin").statusCode())
        .isEqualTo(204);
    assertThat(guesser.get("/engine-rest/task", "sthj-luo", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Camunda Admin's unlock of a user lifts what slows that user at every address")
  void adminUnlockLiftsTheUsersThrottles() {
    Http guesser = http.from("203.0.113.80");
    throttle(guesser, "zjj-he");
    WebappSession admin = WebappSession.login(port, "admin", "admin");
    admin.get("/camunda/api/engine/engine/default/user/zjj-he/profile");
    assertThat(admin.send("POST", "/camunda/api/engine/engine/default/user/zjj-he/unlock", null, true).statusCode())
        .isEqualTo(204);
    assertThat(guesser.get("/engine-rest/task", "zjj-he", PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("The engine API's other password checks are no way around: verifying someone's password is refused, and guessing one's own password when changing it waits like a login")
  void otherPasswordChecksAreCovered() throws Exception {
    String verify = "{\"username\": \"zjj-lin\", \"password\": \"guess\"}";
    HttpResponse<String> refused = http.send("POST", "/engine-rest/identity/verify", verify, "ducha");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("不提供校验他人密码的接口");
    WebappSession session = WebappSession.open(port, "default", "203.0.113.90");
    assertThat(session.tryLogin("tasklist", "zjj-lin", PASSWORD).statusCode()).isEqualTo(200);
    session.get("/camunda/api/engine/engine/default/user/zjj-lin/profile");
    assertThat(session.send("POST", "/camunda/api/engine/engine/default/identity/verify", verify, true).statusCode())
        .isEqualTo(403);

    String credentials = "/camunda/api/engine/engine/default/user/zjj-lin/credentials";
    for (int i = 0; i < properties.userFailures(); i++) {
      assertThat(session.send("PUT", credentials, "{\"password\": \"Xin-Mima-2026\", \"authenticatedUserPassword\": \"guess-"
          + i + "\"}", true).statusCode()).isEqualTo(400);
    }
    HttpResponse<String> waits = session.send("PUT", credentials,
        "{\"password\": \"Xin-Mima-2026\", \"authenticatedUserPassword\": \"" + PASSWORD + "\"}", true);
    assertThat(waits.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(waits.body()).path("message").asText()).startsWith("登录失败次数过多");
    assertThat(identity.checkPassword("zjj-lin", PASSWORD)).as("the password is unchanged").isTrue();
  }

  /** Wrong passwords for the user from the client until the next attempt must wait. */
  private void throttle(Http client, String user) {
    for (int i = 0; i < properties.userFailures(); i++) {
      assertThat(client.get("/engine-rest/task", user, "guess-" + i).statusCode()).isEqualTo(401);
    }
  }

  private static JsonNode find(JsonNode rows, String address, String user) {
    return StreamSupport.stream(rows.spliterator(), false)
        .filter(r -> r.path("address").asText().equals(address)
            && (user == null ? r.path("userId").isNull() : r.path("userId").asText().equals(user)))
        .findFirst().orElseThrow(() -> new AssertionError("no throttle of " + user + " at " + address + " in " + rows));
  }
}
