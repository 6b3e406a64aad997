package cn.duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Http;
import cn.duban.PageChecks;
import cn.duban.ProcessTestSupport;
import cn.duban.common.InputException;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.SubjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R34 督查通报: the figures of a known set of cases, the office's review, publication and what
 * never changes after it, the monthly timer. A context of its own, so that the figures count only
 * this class's cases; each test works in a period of its own.
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BulletinTest extends ProcessTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired BulletinService bulletins;
  @Autowired BulletinCompiler compiler;
  @Autowired BulletinRepository repository;
  @Autowired Ledger bookings;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  @DisplayName("R34 a bulletin counts per unit the cases registered, closed on time and late, open and overdue, the yellow and red notices and the points booked in its period, names the best and worst units and the items praised and criticised")
  void figuresOfKnownCases() throws Exception {
    // March 2026: 住建局 closes one case early and beyond the standard and one late (after a yellow
    // notice); 交通局 lets one run to the red notice; 发改局 helps 住建局; a case of April is not counted
    ProcessInstance early = register();
    ProcessInstance late = register(titled(registrationForm(), "城区排水管网改造"));
    ProcessInstance red = register(transportRegistrationForm("国道绕城段改建"));
    signFor(early);
    signFor(late);
    complete(red, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    submitClosure(early);
    accept(early, true);
    fire(late, "stageLimitReached");
    fire(red, "stageLimitReached");
    submitClosure(late);
    accept(late, false);
    fire(red, "stageLimitReached");
    assertThat(caseOf(red).getWarningLevel().name()).isEqualTo("RED");
    setClock(LocalDateTime.of(2026, 4, 1, 9, 0));
    register(titled(deadline(registrationForm(), "2026-04-30"), "四月立项的事项"));

    Http http = new Http(port);
    HttpResponse<String> created = http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-03-01\", \"periodTo\": \"2026-03-31\"}", "ducha");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode summary = JSON.readTree(created.body());
    assertThat(summary.get("title").asText()).isEqualTo("督查通报（2026年3月）");
    assertThat(summary.get("status").asText()).isEqualTo("DRAFT");
    long id = summary.get("id").asLong();
    assertThat(repository.findById(id).orElseThrow().getRequestedBy()).isEqualTo("ducha");

    JsonNode f = JSON.readTree(http.get("/api/bulletins/" + id, "ducha").body()).get("figures");
    JsonNode zjj = unit(f, "zjj");
    assertThat(counts(zjj)).containsExactly(2, 1, 1, 0, 0, 1, 0);
    // 按期办结 +2, 提前办结 +0.5, 超出质量标准 +1, 黄牌 −1
    assertThat(zjj.get("points").decimalValue()).isEqualByComparingTo("2.5");
    assertThat(zjj.get("onTimeRate").asInt()).isEqualTo(50);
    assertThat(zjj.get("rank").asInt()).isEqualTo(1);
    JsonNode jtj = unit(f, "jtj");
    assertThat(counts(jtj)).containsExactly(1, 0, 0, 1, 1, 1, 1);
    assertThat(jtj.get("points").decimalValue()).isEqualByComparingTo("-3");
    assertThat(jtj.get("onTimeRate").isNull()).isTrue();
    JsonNode fgj = unit(f, "fgj");
    assertThat(counts(fgj)).containsExactly(0, 0, 0, 0, 0, 0, 0);
    assertThat(fgj.get("points").decimalValue()).isEqualByComparingTo("1");
    assertThat(unit(f, "sthj").get("rank").asInt()).isZero();
    assertThat(counts(f.get("total"))).containsExactly(3, 1, 1, 1, 1, 2, 1);
    assertThat(names(f.get("best"), "unit")).containsExactly("zjj", "fgj");
    assertThat(names(f.get("worst"), "unit")).containsExactly("jtj");
    assertThat(f.get("worst").get(0).get("why").asText()).contains("记分-3", "逾期未办结1件", "红色限期具结单1份");
    assertThat(names(f.get("praised"), "reason")).containsExactlyInAnyOrder("提前办结", "超出质量标准");
    assertThat(names(f.get("praised"), "caseNumber")).containsOnly(caseOf(early).getCaseNumber());
    assertThat(names(f.get("criticised"), "reason")).containsExactly("逾期被发限期具结单（红牌）");
    assertThat(f.get("criticised").get(0).get("title").asText()).isEqualTo("国道绕城段改建");
    // the charts: March's three cases by the level they reached; the on-time rate of the units that closed
    JsonNode charts = f.get("charts");
    assertThat(charts.get("months").get(11).asText()).isEqualTo("2026-03");
    Map<String, Integer> march = new HashMap<>();
    charts.get("byLevel").forEach(s -> march.put(s.get("level").asText(), s.get("counts").get(11).asInt()));
    assertThat(march).containsEntry("GREEN", 1).containsEntry("YELLOW", 1).containsEntry("RED", 1);
    assertThat(charts.get("onTimeByUnit")).singleElement()
        .satisfies(u -> assertThat(u.get("rate").asInt()).isEqualTo(50));

    // the supervision office reviews the draft in Tasklist
    Task review = tasks.createTaskQuery().processInstanceId(summary.get("processInstanceId").asText()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewBulletin");
    assertThat(tasks.getIdentityLinksForTask(review.getId())).anyMatch(l -> "supervision-office".equals(l.getGroupId()));
    assertThat((String) runtime.getVariable(review.getProcessInstanceId(), "bulletinSummary"))
        .contains("新立项3件", "**表扬**：县住房和城乡建设局、县发展和改革局", "/api/bulletins/" + id + "/page");
    // a unit does not read a draft
    assertThat(http.get("/api/bulletins/" + id, "zjj-lin").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("R34 the review adds a comment and publishes; it cannot change or remove what was computed, and publishing tells the heads and leaders (R33: one outbox event)")
  void reviewAddsACommentOnly() throws Exception {
    // (no case of its own: one left open in February would count in the March of figuresOfKnownCases)
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Http http = new Http(port);
    JsonNode summary = JSON.readTree(http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-02-01\", \"periodTo\": \"2026-02-28\"}", "ducha").body());
    Bulletin draft = repository.findById(summary.get("id").asLong()).orElseThrow();
    String computed = draft.getFigures();
    assertThat(computed).contains("\"unit\":\"zjj\"");
    Task review = tasks.createTaskQuery().processInstanceId(draft.getProcessInstanceId()).singleResult();

    // the form takes a comment only: figures or a summary of one's own are refused, nothing changes
    Map<String, Object> tampered = new HashMap<>(Map.of("bulletinComment", "请各单位对照整改",
        "bulletinSummary", "全县无逾期事项"));
    assertThatThrownBy(() -> complete(review, "ducha", tampered)).hasMessageContaining("bulletinSummary");
    assertThat(repository.findById(draft.getId()).orElseThrow().getStatus()).isEqualTo(BulletinStatus.DRAFT);

    complete(tasks.createTaskQuery().taskId(review.getId()).singleResult(), "ducha",
        Map.of("bulletinComment", "  请住建局对照整改，按期报送进展。 "));
    Bulletin published = repository.findById(draft.getId()).orElseThrow();
    assertThat(published.getStatus()).isEqualTo(BulletinStatus.PUBLISHED);
    assertThat(published.getComment()).isEqualTo("请住建局对照整改，按期报送进展。");
    assertThat(published.getReviewedBy()).isEqualTo("ducha");
    assertThat(published.getPublishedBy()).isEqualTo("ducha");
    assertThat(published.getFigures()).isEqualTo(computed);
    assertThat(jdbc.queryForList("select params from message_event where event_type = 'BULLETIN_PUBLISHED'"
        + " and event_key = ?", String.class, "bulletin:" + draft.getId()))
        .singleElement().asString().contains("2026年2月", "督查通报（2026年2月）", "/api/bulletins/" + draft.getId() + "/page");
    // every unit reads it now, with the comment
    HttpResponse<String> page = http.get("/api/bulletins/" + draft.getId() + "/page", "jtj-xu");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("督查通报", "2026年2月", "请住建局对照整改");
    assertThat(JSON.readTree(http.get("/api/bulletins", "jtj-xu").body()).get("bulletins"))
        .anyMatch(b -> b.get("id").asLong() == draft.getId());
  }

  @Test
  @DisplayName("R34 a published bulletin never changes: bookings made later for its period, a second comment or a second bulletin of the period leave it as published")
  void publishedBulletinIsImmutable() throws Exception {
    setClock(LocalDateTime.of(2026, 2, 2, 9, 0));
    Http http = new Http(port);
    JsonNode summary = JSON.readTree(http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-01-05\", \"periodTo\": \"2026-01-30\"}", "ducha").body());
    long id = summary.get("id").asLong();
    Task review = tasks.createTaskQuery().processInstanceId(summary.get("processInstanceId").asText()).singleResult();
    complete(review, "ducha", Map.of("bulletinComment", "本期通报"));
    Bulletin published = repository.findById(id).orElseThrow();
    String page = http.get("/api/bulletins/" + id + "/page", "ducha").body();

    // a deduction booked afterwards into the period: computed again, the period reads otherwise ...
    new TransactionTemplate(transactions).executeWithoutResult(tx -> bookings.book(new Ledger.Booking("TEST:late-booking:jtj", SubjectType.UNIT, "jtj", "RED_NOTICE", "R5",
        "逾期被发限期具结单（红牌）", new BigDecimal("-2"), "TEST", "补记", "RED"),
        LocalDate.of(2026, 1, 20).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai")));
    BulletinFigures again = compiler.compute(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 30));
    assertThat(again.units()).filteredOn(u -> u.unit().equals("jtj")).singleElement()
        .satisfies(u -> assertThat(u.points()).isEqualByComparingTo("-2"));
    // ... the published bulletin does not
    Bulletin now = repository.findById(id).orElseThrow();
    assertThat(now.getFigures()).isEqualTo(published.getFigures());
    assertThat(bulletins.figures(now).units()).filteredOn(u -> u.unit().equals("jtj")).singleElement()
        .satisfies(u -> assertThat(u.points()).isEqualByComparingTo("0"));
    assertThat(stripNonces(http.get("/api/bulletins/" + id + "/page", "ducha").body())).isEqualTo(stripNonces(page));
    assertThatThrownBy(() -> bulletins.comment(id, "改一下", "ducha")).isInstanceOf(InputException.class)
        .hasMessageContaining("已发布");
    assertThat(bulletins.publish(id, "再发布一次", "ducha2").getPublishedBy()).isEqualTo("ducha");
    assertThat(repository.findById(id).orElseThrow().getComment()).isEqualTo("本期通报");
    HttpResponse<String> second = http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-01-05\", \"periodTo\": \"2026-01-30\"}", "ducha");
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("已发布，不能重复生成", "periodFrom");
    assertThat(repository.findById(id).orElseThrow().getVersion()).isEqualTo(published.getVersion());
  }

  @Test
  @DisplayName("R34 R25 the monthly timer waits for the month's first working day (after the National Day holiday) and generates the past month's bulletin once")
  void monthlyTimer() {
    setClock(LocalDateTime.of(2026, 9, 30, 12, 0));
    Job start = management.createJobQuery().processDefinitionKey("bulletin").timers().singleResult();
    assertThat(start).as("the start timer of bulletin.bpmn").isNotNull();
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 10, 1, 1, 0)));
    management.executeJob(start.getId());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("bulletin")
        .processInstanceBusinessKey("督查通报（2026年9月）").singleResult();
    assertThat(pi).isNotNull();
    Job waiting = timer(pi, "firstWorkingDay");
    // 1–7 October 2026 are the National Day and Mid-Autumn holidays: Thursday 8 October is the first working day
    LocalDate first = LocalDate.of(2026, 10, 1);
    while (!clockCalendarWorking(first)) {
      first = first.plusDays(1);
    }
    assertThat(first).isAfter(LocalDate.of(2026, 10, 1));
    assertThat(waiting.getDuedate()).isEqualTo(at(first.atTime(8, 30)));
    fire(pi, "firstWorkingDay");
    Bulletin b = repository.findByPeriodFromAndPeriodTo(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30)).orElseThrow();
    assertThat(b.getRequestedBy()).isNull();
    assertThat(b.getStatus()).isEqualTo(BulletinStatus.DRAFT);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reviewBulletin").count()).isOne();

    // a second start for the same month (a job run again, or the month asked for already) generates nothing
    ProcessInstance again = runtime.createProcessInstanceByKey("bulletin").startBeforeActivity("scheduleBulletin").execute();
    fire(again, "firstWorkingDay");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(again.getId())
        .activityId("alreadyGenerated").count()).isOne();
    assertThat(repository.findAll()).filteredOn(x -> x.getPeriodFrom().equals(LocalDate.of(2026, 9, 1))).hasSize(1);
  }

  @Test
  @DisplayName("R34 a bulletin asked for a bad period is refused naming the field, and only the supervision office asks for one")
  void badPeriods() {
    setClock(LocalDateTime.of(2026, 5, 4, 9, 0));
    Http http = new Http(port);
    Map<String, String> cases = Map.of(
        "{\"periodFrom\": \"2026-04-30\", \"periodTo\": \"2026-04-01\"}", "periodTo",
        "{\"periodFrom\": \"2026-05-01\", \"periodTo\": \"2026-05-31\"}", "periodTo",
        "{\"periodFrom\": \"2024-01-01\", \"periodTo\": \"2026-04-30\"}", "periodFrom",
        "{\"periodFrom\": \"四月\", \"periodTo\": \"2026-04-30\"}", "periodFrom",
        "{\"periodTo\": \"2026-04-30\"}", "periodFrom");
    long before = repository.count();
    cases.forEach((body, field) -> {
      HttpResponse<String> r = http.post("/api/bulletins", body, "ducha");
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.body()).as(body).contains("\"field\":\"" + field + "\"");
    });
    assertThat(http.post("/api/bulletins", "{\"periodFrom\": \"2026-04-01\", \"periodTo\": \"2026-04-30\"}", "zjj-lin")
        .statusCode()).isEqualTo(403);
    // in Tasklist, likewise: the process starts for the supervision office only
    assertThat(repository().createProcessDefinitionQuery().processDefinitionKey("bulletin").startableByUser("ducha")
        .count()).isOne();
    assertThat(repository().createProcessDefinitionQuery().processDefinitionKey("bulletin").startableByUser("zjj-lin")
        .count()).isZero();
    assertThat(repository.count()).isEqualTo(before);
  }

  @Test
  @DisplayName("R34 the bulletin's workbook holds every unit's figures, the units named and the items praised and criticised")
  void bulletinWorkbook() throws Exception {
    setClock(LocalDateTime.of(2026, 6, 1, 9, 0));
    ProcessInstance pi = register(titled(deadline(registrationForm(), "2026-06-19"), "六月提前办结的事项"));
    signFor(pi);
    setClock(LocalDateTime.of(2026, 6, 2, 9, 0));
    submitClosure(pi);
    accept(pi, true);
    setClock(LocalDateTime.of(2026, 7, 1, 9, 0));
    Http http = new Http(port);
    JsonNode summary = JSON.readTree(http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-06-01\", \"periodTo\": \"2026-06-30\"}", "ducha").body());
    long id = summary.get("id").asLong();
    complete(tasks.createTaskQuery().processInstanceId(summary.get("processInstanceId").asText()).singleResult(),
        "ducha", Map.of("bulletinComment", "六月通报"));
    HttpResponse<byte[]> xlsx = http.getBytes("/api/bulletins/" + id + "/xlsx", "zjj-lin");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet units = book.getSheet("各单位督办情况");
      assertThat(units.getRow(0).getCell(0).getStringCellValue()).contains("督查通报（2026年6月）", "已发布");
      assertThat(cells(units.getRow(1))).startsWith("名次", "单位", "新立项", "按期办结");
      Row zjj = rowOf(units, "县住房和城乡建设局");
      assertThat(zjj.getCell(0).getNumericCellValue()).isEqualTo(1);
      assertThat(zjj.getCell(2).getNumericCellValue()).isEqualTo(1);
      assertThat(zjj.getCell(3).getNumericCellValue()).isEqualTo(1);
      assertThat(zjj.getCell(9).getNumericCellValue()).isEqualTo(3.5);
      assertThat(zjj.getCell(10).getNumericCellValue()).isEqualTo(100);
      assertThat(rowOf(units, "合计")).isNotNull();
      assertThat(cells(rowOf(book.getSheet("先进与后进"), "县住房和城乡建设局"))).first().isEqualTo("表扬");
      Sheet praised = book.getSheet("表扬事项");
      List<String> reasons = new ArrayList<>();
      for (int r = 1; r <= praised.getLastRowNum(); r++) {
        reasons.add(praised.getRow(r).getCell(3).getStringCellValue());
        assertThat(praised.getRow(r).getCell(1).getStringCellValue()).isEqualTo("六月提前办结的事项");
      }
      assertThat(reasons).containsExactlyInAnyOrder("提前办结", "超出质量标准");
      assertThat(book.getSheet("批评事项").getLastRowNum()).isZero();
    }
  }

  @Test
  @DisplayName("R34 the bulletin's printable page shows what people typed as text, loads its charts' scripts by the page's nonce only, and runs no inline script")
  void printablePageIsSafe() throws Exception {
    setClock(LocalDateTime.of(2026, 8, 3, 9, 0));
    ProcessInstance pi = register(titled(deadline(registrationForm(), "2026-08-28"), PageChecks.HOSTILE));
    signFor(pi);
    setClock(LocalDateTime.of(2026, 8, 4, 9, 0));
    submitClosure(pi);
    accept(pi, true);
    setClock(LocalDateTime.of(2026, 9, 1, 9, 0));
    Http http = new Http(port);
    JsonNode summary = JSON.readTree(http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-08-01\", \"periodTo\": \"2026-08-31\"}", "ducha").body());
    complete(tasks.createTaskQuery().processInstanceId(summary.get("processInstanceId").asText()).singleResult(),
        "ducha", Map.of("bulletinComment", PageChecks.HOSTILE));
    String body = PageChecks.safePage(http.get("/api/bulletins/" + summary.get("id").asText() + "/page", "fgj-zhang"));
    assertThat(body).contains(PageChecks.HOSTILE_ESCAPED).doesNotContain(PageChecks.HOSTILE)
        .contains("/camunda/api/cockpit/plugin/duban-bulletins/static/app/chart.umd.min.js",
            "<script type=\"module\"", "data-chart=");
    // the scripts it names are served with the plugin, to anyone (the webapps' static plugin assets)
    for (String asset : List.of("chart.umd.min.js", "bulletin-page.js", "charts.js")) {
      HttpResponse<String> js = http.get("/camunda/api/cockpit/plugin/duban-bulletins/static/app/" + asset, null);
      assertThat(js.statusCode()).as(asset).isEqualTo(200);
      assertThat(js.headers().firstValue("Content-Type").orElseThrow()).as(asset).contains("javascript");
    }
  }

  // ---------------------------------------------------------------- helpers

  private org.camunda.bpm.engine.RepositoryService repository() {
    return super.repository;
  }

  @Autowired cn.duban.calendar.LimitClock limitClock;

  private boolean clockCalendarWorking(LocalDate day) {
    return limitClock.calendar().isWorkingDay(day);
  }

  static Map<String, Object> titled(Map<String, Object> form, String title) {
    form.put("title", title);
    return form;
  }

  static Map<String, Object> deadline(Map<String, Object> form, String day) {
    form.put("deadline", day);
    form.put("milestones", day + " 全部完成");
    return form;
  }

  static JsonNode unit(JsonNode figures, String code) {
    for (JsonNode u : figures.get("units")) {
      if (u.get("unit").asText().equals(code)) {
        return u;
      }
    }
    throw new AssertionError("no line of " + code + " in " + figures.get("units"));
  }

  /** registered, closed on time, closed late, open, overdue, yellow and red notices. */
  static List<Integer> counts(JsonNode line) {
    return List.of(line.get("registered").asInt(), line.get("closedOnTime").asInt(), line.get("closedLate").asInt(),
        line.get("open").asInt(), line.get("overdue").asInt(), line.get("yellowNotices").asInt(),
        line.get("redNotices").asInt());
  }

  static List<String> names(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  static String stripNonces(String html) {
    return html.replaceAll("nonce=\"[^\"]+\"", "nonce=\"\"");
  }

  static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
        ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue()));
    return out;
  }

  static Row rowOf(Sheet sheet, String text) {
    for (Row row : sheet) {
      for (var cell : row) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals(text)) {
          return row;
        }
      }
    }
    throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
  }
}
