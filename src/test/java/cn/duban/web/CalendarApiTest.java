package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.WebappSession;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.LimitClock;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R25: an office enters next year's holiday table in the application (the page 节假日安排 and
 * {@code /api/calendar}): checked whole, who and when kept, in force at once without a restart,
 * and the limits it moves re-timed in the same request.
 */
class CalendarApiTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = """
      # 国务院办公厅关于2027年部分节假日安排的通知（测试）
      2027-01-01..2027-01-03 休 元旦
      2027-02-05..2027-02-13 休 春节
      2027-02-14 班 春节调休上班
      2027-02-20 班 春节调休上班
      """;

  @LocalServerPort int port;
  @Autowired LimitClock clock;
  @Autowired HolidayTables holidays;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void december() {
    http = new Http(port);
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
  }

  @AfterEach
  void forget2027() {
    jdbc.update("delete from limit_adjustment where holiday_table_id in (select id from holiday_table where table_year = 2027)");
    jdbc.update("delete from holiday_table where table_year = 2027");
    holidays.refresh();
  }

  @Test
  @DisplayName("R25 everyone reads the years; from 1 November 督办看板 warns while next year has no official table")
  void overview() throws Exception {
    JsonNode overview = json(http.get("/api/calendar", "zjj-lin"), 200);
    assertThat(overview.path("mayEnter").asBoolean()).isFalse();
    assertThat(overview.path("nextYear").asInt()).isEqualTo(2027);
    assertThat(overview.path("nextYearOfficial").asBoolean()).isFalse();
    assertThat(overview.path("notice").asText()).contains("2027年节假日安排尚未录入", "暂按法定节假日计算");
    assertThat(overview.path("years").findValuesAsText("year")).contains("2027", "2026", "2025");
    assertThat(year(overview, 2026).path("official").asBoolean()).isTrue();
    assertThat(year(overview, 2026).path("origin").asText()).isEqualTo("内置");
    assertThat(year(overview, 2027).path("official").asBoolean()).isFalse();
    assertThat(json(http.get("/api/dashboard", "ducha"), 200).path("calendarNotice").asText())
        .contains("2027年节假日安排尚未录入");
    assertThat(json(http.get("/api/calendar", "ducha"), 200).path("mayEnter").asBoolean()).isTrue();

    // the provisional year lists the statutory days it counts by
    JsonNode provisional = json(http.get("/api/calendar/2027", "zjj-lin"), 200);
    assertThat(provisional.path("official").asBoolean()).isFalse();
    assertThat(provisional.path("days").findValuesAsText("date")).contains("2027-02-05", "2027-02-08");

    // October: no banner yet
    setClock(LocalDateTime.of(2026, 10, 31, 9, 0));
    assertThat(json(http.get("/api/dashboard", "ducha"), 200).path("calendarNotice").isNull()).isTrue();
  }

  @Test
  @DisplayName("R25 the supervision office enters the 2027 table: who and when kept, in force at once, the banner gone")
  void enterTable() throws Exception {
    assertThat(http.send("PUT", "/api/calendar/2027", body(TABLE), "zjj-lin").statusCode()).isEqualTo(403);

    JsonNode saved = json(http.send("PUT", "/api/calendar/2027", body(TABLE), "ducha"), 200);
    assertThat(saved.path("changed").asBoolean()).isTrue();
    assertThat(saved.path("revision").asInt()).isEqualTo(1);
    assertThat(saved.path("message").asText()).contains("2027年节假日安排已保存为第1版，即时生效");
    assertThat(clock.calendar().isOfficial(2027)).as("counts at once, no restart").isTrue();

    JsonNode year = json(http.get("/api/calendar/2027", "zjj-lin"), 200);
    assertThat(year.path("official").asBoolean()).isTrue();
    assertThat(year.path("content").asText()).contains("2027-02-14 班 春节调休上班");
    JsonNode revision = year.path("revisions").get(0);
    assertThat(revision.path("enteredBy").asText()).isEqualTo("周督查");
    assertThat(revision.path("enteredAt").asText()).isEqualTo("2026-12-01 09:00");
    assertThat(revision.path("origin").asText()).isEqualTo("页面录入");
    assertThat(revision.path("source").asText()).isEqualTo("国办发明电〔2026〕N号");
    assertThat(json(http.get("/api/dashboard", "ducha"), 200).path("calendarNotice").isNull()).isTrue();

    // the file itself as text/plain, unchanged: nothing stored again
    JsonNode again = json(putText("/api/calendar/2027", TABLE, "admin"), 200);
    assertThat(again.path("changed").asBoolean()).isFalse();
    assertThat(again.path("message").asText()).contains("与现行第1版相同");
    assertThat(jdbc.queryForObject("select count(*) from holiday_table where table_year = 2027", Long.class)).isOne();

    // a correction is a second revision; the first is kept
    json(http.send("PUT", "/api/calendar/2027", body(TABLE + "2027-04-05 休 清明节\n"), "admin"), 200);
    assertThat(json(http.get("/api/calendar/2027", "ducha"), 200).path("revisions").findValuesAsText("revision"))
        .containsExactly("2", "1");
  }

  @Test
  @DisplayName("R25 a table with mistakes is refused whole: 400, every bad line named in Chinese, nothing stored")
  void badTable() throws Exception {
    HttpResponse<String> response = http.send("PUT", "/api/calendar/2027",
        body("2027-01-01 休 元旦\n2027-02-10 班 调休\n2028-01-01 休 元旦\n"), "ducha");
    JsonNode problem = json(response, 400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(problem.path("field").asText()).isEqualTo("table");
    assertThat(problem.path("detail").asText()).contains("未保存");
    assertThat(problem.path("problems").findValuesAsText("line")).containsExactly("2", "3");
    assertThat(problem.path("problems").get(0).path("message").asText()).contains("调休上班日须为周六或周日");
    assertThat(problem.path("problems").get(1).path("message").asText()).contains("不在2027年内");
    assertThat(jdbc.queryForObject("select count(*) from holiday_table where table_year = 2027", Long.class)).isZero();
    assertThat(clock.calendar().isOfficial(2027)).isFalse();

    JsonNode farYear = json(http.send("PUT", "/api/calendar/2099", body("2099-01-01 休 元旦\n"), "ducha"), 400);
    assertThat(farYear.path("field").asText()).isEqualTo("year");
    assertThat(farYear.path("detail").asText()).contains("只能录入2025年至2031年的节假日安排");
  }

  @Test
  @DisplayName("R25 entering a table through the REST API re-times the cases it moves and answers with the report")
  void reportInTheAnswer() throws Exception {
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2027-02-03");
    form.put("milestones", "2027-02-03 全部办结");  // R1: the schedule
    ProcessInstance pi = register(form);
    signFor(pi);
    fire(pi, "stageLimitReached");
    SupervisionCase c = caseOf(pi);

    JsonNode saved = json(http.send("PUT", "/api/calendar/2027", body(TABLE), "ducha"), 200);
    assertThat(saved.path("report").findValuesAsText("subject")).contains(c.getCaseNumber());
    assertThat(saved.path("report").findValues("what").stream().map(JsonNode::asText)).contains("定时器“当前时限届满”");
    JsonNode line = null;
    for (JsonNode l : saved.path("report")) {
      if (l.path("subject").asText().equals(c.getCaseNumber()) && l.path("what").asText().equals("黄灯阶段办理时限")) {
        line = l;
      }
    }
    assertThat(line).isNotNull();
    // R7: the yellow limit counts from the notice's issue day, Thursday 4 February
    assertThat(line.path("before").asText()).isEqualTo("2027-02-15 23:59");
    assertThat(line.path("after").asText()).isEqualTo("2027-02-18 23:59");
    assertThat(reload(c).getStageLimitAt()).isEqualTo(at(LocalDateTime.of(2027, 2, 18, 23, 59, 59)).toInstant());
    // the same report, read back later with the revision
    assertThat(json(http.get("/api/calendar/2027/revisions/1", "ducha"), 200).path("report"))
        .hasSameSizeAs(saved.path("report"));
  }

  @Test
  @DisplayName("R25 the page in Cockpit enters a table with the webapp session and its CSRF token; without the token it is refused")
  void pageWithSession() throws Exception {
    WebappSession cockpit = WebappSession.login(port, "cockpit", "ducha");
    assertThat(cockpit.send("PUT", "/api/calendar/2027", body(TABLE), false).statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from holiday_table where table_year = 2027", Long.class)).isZero();
    HttpResponse<String> saved = cockpit.send("PUT", "/api/calendar/2027", body(TABLE), true);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(cockpit.get("/camunda/api/cockpit/plugin/duban-calendar/static/app/plugin.js"), 200, false)).isNull();
  }

  private static JsonNode year(JsonNode overview, int year) {
    for (JsonNode y : overview.path("years")) {
      if (y.path("year").asInt() == year) {
        return y;
      }
    }
    throw new AssertionError("no year " + year + " in " + overview);
  }

  private static String body(String table) throws Exception {
    return JSON.writeValueAsString(Map.of("table", table, "source", "国办发明电〔2026〕N号"));
  }

  private HttpResponse<String> putText(String path, String text, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + Http.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/plain;charset=UTF-8")
        .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    return json(response, status, true);
  }

  private static JsonNode json(HttpResponse<String> response, int status, boolean parse) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return parse ? JSON.readTree(response.body()) : null;
  }
}
