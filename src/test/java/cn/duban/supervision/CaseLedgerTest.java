package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.organization.InstanceViewers;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R34 督办台账: every case with its number, source, title, units, responsible person, deadline,
 * level, state, notices and closure, filtered, as JSON, as /api/cases and as a workbook; a unit
 * reads its own rows. The cases are registered in 2027, a year no other test uses.
 */
class CaseLedgerTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired OrganizationService organization;

  private record Cases(SupervisionCase housing, SupervisionCase transport, SupervisionCase project) {
  }

  /** 住建局's case (发改局 helps), signed for and escalated to yellow; 交通局's, only registered; 生态环境局's key project. */
  private Cases registerIn2027(String tag) {
    setClock(LocalDateTime.of(2027, 3, 1, 9, 0));
    Map<String, Object> housing = registrationForm();
    housing.put("title", "台账测试：老旧小区改造" + tag);
    housing.put("deadline", "2027-03-19");
    housing.put("milestones", "2027-03-19 全部开工");
    ProcessInstance h = register(housing);
    Map<String, Object> transport = transportRegistrationForm("台账测试：公交站台改造" + tag);
    transport.put("deadline", "2027-04-30");
    transport.put("milestones", "2027-04-30 全部完工");
    ProcessInstance t = register(transport);
    Map<String, Object> project = transportRegistrationForm("台账测试：污水处理厂提标" + tag);
    project.put("leadUnit", "sthj");
    project.put("responsiblePerson", "sthj-luo");
    project.put("source", "KEY_PROJECT");
    project.put("deadline", "2027-05-31");
    project.put("milestones", "2027-05-31 通过验收");
    ProcessInstance p = register(project);
    signFor(h);
    fire(h, "stageLimitReached");
    return new Cases(caseOf(h), caseOf(t), caseOf(p));
  }

  @Test
  @DisplayName("R34 a unit sees its own 台账 rows only (as lead or co-unit), the supervision office every row, each with its number, source, units, responsible person, deadline, level, state, notices and closure")
  void unitSeesOwnRows() throws Exception {
    Cases c = registerIn2027("甲");
    Http http = new Http(port);
    JsonNode office = ledger(http, "?year=2027", "ducha");
    assertThat(numbers(office)).contains(c.housing().getCaseNumber(), c.transport().getCaseNumber(),
        c.project().getCaseNumber());
    JsonNode row = rowOf(office, c.housing().getCaseNumber());
    assertThat(row.get("sourceLabel").asText()).isEqualTo("领导交办");
    assertThat(row.get("leadUnitName").asText()).isEqualTo("县住房和城乡建设局");
    assertThat(row.get("coUnitNames").asText()).isEqualTo("县发展和改革局");
    assertThat(row.get("responsiblePersonName").asText()).isEqualTo("林晓东");
    assertThat(row.get("deadline").asText()).isEqualTo("2027-03-19");
    assertThat(row.get("levelLabel").asText()).isEqualTo("黄灯");
    assertThat(row.get("statusLabel").asText()).isEqualTo("办理中");
    assertThat(row.get("notices")).extracting(n -> n.get("kind").asText()).containsExactly("GREEN", "YELLOW");
    assertThat(row.get("notices").get(1).get("page").asText()).isEqualTo("/api/cases/" + c.housing().getId() + "/notices/YELLOW");
    assertThat(row.get("closure").asText()).isEmpty();

    // 住建局 and its co-unit 发改局 read the housing case, not the others; 交通局 its own
    assertThat(numbers(ledger(http, "?year=2027", "zjj-lin"))).contains(c.housing().getCaseNumber())
        .doesNotContain(c.transport().getCaseNumber(), c.project().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027", "fgj-zhang"))).contains(c.housing().getCaseNumber())
        .doesNotContain(c.transport().getCaseNumber(), c.project().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027", "jtj-xu"))).contains(c.transport().getCaseNumber())
        .doesNotContain(c.housing().getCaseNumber(), c.project().getCaseNumber());
    for (JsonNode r : ledger(http, "?year=2027", "jtj-xu").get("rows")) {
      assertThat(r.get("leadUnit").asText() + "," + String.join(",", strings(r.get("coUnits")))).contains("jtj");
    }
    // asking for another unit's rows gives none of them
    assertThat(numbers(ledger(http, "?year=2027&unit=zjj", "jtj-xu"))).isEmpty();
    // /api/cases reads the same way, as before
    assertThat(JSON.readTree(http.get("/api/cases?year=2027", "jtj-xu").body()))
        .extracting(n -> n.get("caseNumber").asText()).contains(c.transport().getCaseNumber())
        .doesNotContain(c.housing().getCaseNumber());
  }

  @Test
  @DisplayName("R34 the 台账 and /api/cases filter by year, unit, level, state and source; a bad filter is refused naming it")
  void filters() throws Exception {
    Cases c = registerIn2027("乙");
    Http http = new Http(port);
    assertThat(numbers(ledger(http, "?year=2027&unit=sthj", "ducha"))).contains(c.project().getCaseNumber())
        .doesNotContain(c.housing().getCaseNumber(), c.transport().getCaseNumber());
    // a co-unit's filter finds the cases it helps with
    assertThat(numbers(ledger(http, "?year=2027&unit=fgj", "ducha"))).contains(c.housing().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027&level=YELLOW", "ducha"))).contains(c.housing().getCaseNumber())
        .doesNotContain(c.transport().getCaseNumber(), c.project().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027&status=REGISTERED", "ducha")))
        .contains(c.transport().getCaseNumber(), c.project().getCaseNumber()).doesNotContain(c.housing().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027&source=KEY_PROJECT", "ducha"))).contains(c.project().getCaseNumber())
        .doesNotContain(c.housing().getCaseNumber(), c.transport().getCaseNumber());
    assertThat(numbers(ledger(http, "?year=2027&unit=jtj&level=GREEN&status=REGISTERED&source=LEADER_ASSIGNMENT", "ducha")))
        .contains(c.transport().getCaseNumber()).doesNotContain(c.housing().getCaseNumber(), c.project().getCaseNumber());
    for (JsonNode r : ledger(http, "?year=2027&level=YELLOW", "ducha").get("rows")) {
      assertThat(r.get("level").asText()).isEqualTo("YELLOW");
    }
    assertThat(numbers(ledger(http, "?year=2026", "ducha"))).doesNotContain(c.housing().getCaseNumber());
    assertThat(JSON.readTree(http.get("/api/cases?year=2027&source=KEY_PROJECT", "ducha").body()))
        .extracting(n -> n.get("caseNumber").asText()).contains(c.project().getCaseNumber())
        .doesNotContain(c.housing().getCaseNumber());
    // the charts of the filtered rows: twelve months up to this one (March 2027), the cases by the level they reached
    JsonNode charts = ledger(http, "?year=2027&unit=sthj", "ducha").get("charts");
    assertThat(charts.get("months").get(11).asText()).isEqualTo("2027-03");
    int green = 0;
    for (JsonNode s : charts.get("byLevel")) {
      green += s.get("level").asText().equals("GREEN") ? s.get("counts").get(11).asInt() : 0;
    }
    assertThat(green).isEqualTo(numbers(ledger(http, "?year=2027&unit=sthj&level=GREEN", "ducha")).size());

    for (String[] bad : new String[][] {{"level=PURPLE", "level", "督办级别"}, {"status=DONE", "status", "状态"},
        {"source=RUMOUR", "source", "来源"}, {"unit=nowhere", "unit", "单位"}, {"year=1999", "year", "年度"}}) {
      for (String path : List.of("/api/cases/ledger?", "/api/cases?", "/api/cases/ledger.xlsx?")) {
        HttpResponse<String> r = http.get(path + bad[0], "ducha");
        assertThat(r.statusCode()).as(path + bad[0]).isEqualTo(400);
        assertThat(r.body()).as(path + bad[0]).contains("\"field\":\"" + bad[1] + "\"", bad[2]);
      }
    }
  }

  @Test
  @DisplayName("R34 the 台账 workbook holds the rows the caller may see under the filters, one case a row with its notices and closure")
  void workbook() throws Exception {
    Cases c = registerIn2027("丙");
    Http http = new Http(port);
    HttpResponse<byte[]> xlsx = http.getBytes("/api/cases/ledger.xlsx?year=2027&unit=zjj", "zjj-lin");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheet("督办台账");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("督办台账（2027年度，县住房和城乡建设局）");
      assertThat(cells(sheet.getRow(1))).containsExactly("编号", "来源", "事项名称", "牵头单位", "协办单位", "责任人",
          "完成时限", "督办级别", "状态", "通知单", "办结情况");
      List<String> numbers = new ArrayList<>();
      Row housing = null;
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
        if (sheet.getRow(r).getCell(0).getStringCellValue().equals(c.housing().getCaseNumber())) {
          housing = sheet.getRow(r);
        }
      }
      assertThat(numbers).doesNotContain(c.transport().getCaseNumber(), c.project().getCaseNumber());
      assertThat(housing).isNotNull();
      assertThat(cells(housing)).containsExactly(c.housing().getCaseNumber(), "领导交办", "台账测试：老旧小区改造丙",
          "县住房和城乡建设局", "县发展和改革局", "林晓东", "2027-03-19", "黄灯", "办理中",
          "绿色（督查事项立项通知单） 2027-03-01、黄色（督查事项限期催办单） 2027-03-20", "");
    }
    // the other unit's rows are not in its workbook
    HttpResponse<byte[]> other = http.getBytes("/api/cases/ledger.xlsx?year=2027", "jtj-xu");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(other.body()))) {
      Sheet sheet = book.getSheet("督办台账");
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isNotEqualTo(c.housing().getCaseNumber());
      }
    }
  }

  @Test
  @DisplayName("R34 督办看板's charts, read as the charts' columns and who may see each case, are those counted from the cases themselves: the supervision office's every case, a unit's its own, a county leader's those he is in charge of or instructed")
  void boardCharts() throws Exception {
    Cases c = registerIn2027("看板图表");
    Http http = new Http(port);
    HttpResponse<String> withdrawn = http.post("/api/cases/" + c.transport().getId() + "/withdrawal",
        "{\"withdrawalReason\": \"并入其他事项\"}", "ducha");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    ProcessInstance housing = runtime.createProcessInstanceQuery()
        .processInstanceId(c.housing().getProcessInstanceId()).singleResult();
    submitClosure(housing);
    accept(housing, false);
    // 李文华, a county leader who oversees nothing, instructs a case of the housing bureau's, which he is not in charge of
    Map<String, Object> instructed = LeaderInstructionTest.instructionForm("lifxz");
    instructed.put("title", "看板图表：领导批示事项");
    instructed.put("deadline", "2027-04-30");
    instructed.put("milestones", "2027-04-30 全部完工");
    register(instructed);
    ZoneId zone = SHANGHAI;
    YearMonth march = YearMonth.of(2027, 3);
    Instant from = march.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant();
    List<SupervisionCase> all = cases.findRegisteredOrClosedSince(from);
    Instant until = march.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();

    JsonNode office = JSON.readTree(http.get("/api/cases/charts", "ducha").body());
    JsonNode counted = JSON.valueToTree(CaseCharts.of(all, march, zone, from, until, organization::unitName));
    assertThat(office).isEqualTo(counted);
    assertThat(office.get("onTimeByUnit").findValuesAsText("unit")).as("the housing bureau's closure").contains("zjj");
    assertThat(marchCount(office)).as("the withdrawn one not counted").isLessThan(all.stream()
        .filter(k -> YearMonth.from(k.getRegisteredAt().atZone(zone)).equals(march)).count());

    Viewer luo = new Viewer("sthj-luo", identity.createGroupQuery().groupMember("sthj-luo").list().stream()
        .map(Group::getId).collect(Collectors.toSet()));
    JsonNode unit = JSON.readTree(http.get("/api/cases/charts", "sthj-luo").body());
    assertThat(unit).isEqualTo(JSON.valueToTree(CaseCharts.of(all.stream().filter(k -> luo.mayRead(k.viewers()))
        .toList(), march, zone, from, until, organization::unitName)));
    assertThat(marchCount(unit)).as("its key project, not the office's view").isPositive().isLessThan(marchCount(office));
    Viewer li = new Viewer("lifxz", identity.createGroupQuery().groupMember("lifxz").list().stream()
        .map(Group::getId).collect(Collectors.toSet()));
    assertThat(li.overseesAll()).isFalse();
    List<SupervisionCase> his = all.stream().filter(k -> li.mayRead(k.viewers())).toList();
    assertThat(his).extracting(SupervisionCase::getTitle).as("the case he instructed among those he reads")
        .contains("看板图表：领导批示事项");
    JsonNode leader = JSON.readTree(http.get("/api/cases/charts", "lifxz").body());
    assertThat(leader).isEqualTo(JSON.valueToTree(CaseCharts.of(his, march, zone, from, until, organization::unitName)));
    assertThat(marchCount(leader)).isPositive().isLessThan(marchCount(office));
    // the charts read who may see a case from its row: the same as from the case
    Map<String, InstanceViewers> viewers = all.stream()
        .collect(Collectors.toMap(SupervisionCase::getProcessInstanceId, SupervisionCase::viewers));
    assertThat(cases.findChartRowsSince(from)).hasSameSizeAs(all)
        .allSatisfy(r -> assertThat(r.viewers()).isEqualTo(viewers.get(r.processInstanceId())));
  }

  private static long marchCount(JsonNode charts) {
    long n = 0;
    for (JsonNode s : charts.get("byLevel")) {
      n += s.get("counts").get(11).asLong();
    }
    return n;
  }

  private static JsonNode ledger(Http http, String query, String user) throws Exception {
    HttpResponse<String> r = http.get("/api/cases/ledger" + query, user);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<String> numbers(JsonNode ledger) {
    List<String> out = new ArrayList<>();
    ledger.get("rows").forEach(r -> out.add(r.get("caseNumber").asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode rowOf(JsonNode ledger, String number) {
    for (JsonNode r : ledger.get("rows")) {
      if (r.get("caseNumber").asText().equals(number)) {
        return r;
      }
    }
    throw new AssertionError("no row " + number);
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      out.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
    }
    return out;
  }
}
