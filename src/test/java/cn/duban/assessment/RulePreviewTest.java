package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.organization.OrganizationService;
import cn.duban.supervision.WarningLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/** Issue 15: a changed rule table previewed before it is deployed; the preview books nothing. */
class RulePreviewTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DMN = "application/xml";
  private static final String ANALYST = "fenxi";  // the demo process analyst

  @LocalServerPort int port;
  @Autowired AssessmentYearRepository years;
  @Autowired UnitResultRepository unitResults;
  @Autowired PersonResultRepository personResults;
  @Autowired OrganizationService organization;
  Http http;

  @BeforeEach
  void analyst() {
    http = new Http(port);
  }


  private static String caseScore() throws IOException {
    return shippedRules("case-score.dmn");
  }

  /** A decision table as the application ships it. */
  private static String shippedRules(String file) throws IOException {
    try (InputStream in = new ClassPathResource("processes/rules/" + file).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** case-score.dmn with heavier yellow-notice deductions: −3 for the lead unit, −60 for the responsible person. */
  private static byte[] heavierYellow() throws IOException {
    String dmn = caseScore();
    String unit = "<outputEntry id=\"Rule_6_points\"><text>-1</text></outputEntry>";
    String person = "<outputEntry id=\"Rule_R32_3_points\"><text>-0.5</text></outputEntry>";
    assertThat(dmn).contains(unit, person);
    return dmn.replace(unit, "<outputEntry id=\"Rule_6_points\"><text>-3</text></outputEntry>")
        .replace(person, "<outputEntry id=\"Rule_R32_3_points\"><text>-60</text></outputEntry>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private long yellowEntries(SubjectType type, String subject) {
    return ledger.findByYearAndSourceTypeOrderById(2026, "SUPERVISION_CASE").stream()
        .filter(e -> e.getRule().equals("YELLOW_NOTICE") && e.getSubjectType() == type && e.getSubjectId().equals(subject))
        .count();
  }

  private Set<String> subjectsWithYellow(SubjectType type) {
    return ledger.findByYearAndSourceTypeOrderById(2026, "SUPERVISION_CASE").stream()
        .filter(e -> e.getRule().equals("YELLOW_NOTICE") && e.getSubjectType() == type)
        .map(LedgerEntry::getSubjectId).collect(Collectors.toSet());
  }

  private static JsonNode line(JsonNode lines, String field, String value) {
    return StreamSupport.stream(lines.spliterator(), false).filter(l -> l.get(field).asText().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + field + "=" + value));
  }

  private static BigDecimal decimal(JsonNode node) {
    return new BigDecimal(node.asText());
  }

  @Test
  @DisplayName("Analyst previews a heavier yellow-notice deduction in case-score.dmn: the affected unit's score and the responsible person's score and grade change, the others stay, and nothing is booked, computed or deployed")
  void heavierYellowNoticePreviewed() throws Exception {
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    assertThat(caseOf(pi).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    long unitYellows = yellowEntries(SubjectType.UNIT, "zjj");
    long personYellows = yellowEntries(SubjectType.PERSON, "zjj-lin");
    assertThat(unitYellows).isPositive();
    assertThat(personYellows).isPositive();
    long entries = ledger.count();
    long decisionsEvaluated = history.createHistoricDecisionInstanceQuery().count();
    long definitions = repository.createDecisionDefinitionQuery().count();
    long assessed = years.count() + unitResults.count() + personResults.count();

    HttpResponse<String> answer = http.upload("/api/rule-preview", "file", "case-score.dmn", DMN, heavierYellow(), ANALYST);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode preview = JSON.readTree(answer.body());
    assertThat(preview.get("year").asInt()).isEqualTo(2026);
    assertThat(preview.get("decisionKey").asText()).isEqualTo("case-score");
    assertThat(preview.get("summary").asText()).contains("仅为预览");

    // the rule that changed, and by how much
    JsonNode unitRule = StreamSupport.stream(preview.get("rules").spliterator(), false)
        .filter(r -> r.get("rule").asText().equals("YELLOW_NOTICE") && r.get("subject").asText().equals("单位"))
        .findFirst().orElseThrow();
    assertThat(unitRule.get("changed").asBoolean()).isTrue();
    assertThat(decimal(unitRule.get("pointsPreview")))
        .isEqualByComparingTo(decimal(unitRule.get("pointsToday")).multiply(BigDecimal.valueOf(3)));
    JsonNode onTime = StreamSupport.stream(preview.get("rules").spliterator(), false)
        .filter(r -> r.get("rule").asText().equals("CLOSED_ON_TIME")).findFirst().orElse(null);
    if (onTime != null) {
      assertThat(onTime.get("changed").asBoolean()).isFalse();
    }

    // the affected unit: 2 more points off per yellow notice
    JsonNode zjj = line(preview.get("units"), "unitCode", "zjj");
    assertThat(zjj.get("changed").asBoolean()).isTrue();
    assertThat(decimal(zjj.get("scorePreview")))
        .isEqualByComparingTo(decimal(zjj.get("scoreToday")).subtract(BigDecimal.valueOf(2 * unitYellows)));
    // the responsible person: 59.5 more off per yellow notice, so below 60: 不称职
    JsonNode lin = line(preview.get("people"), "personId", "zjj-lin");
    assertThat(lin.get("changed").asBoolean()).isTrue();
    assertThat(decimal(lin.get("scorePreview")))
        .isEqualByComparingTo(decimal(lin.get("scoreToday")).subtract(BigDecimal.valueOf(59.5 * personYellows)));
    assertThat(lin.get("gradePreview").asText()).isEqualTo("不称职");
    assertThat(lin.get("gradeToday").asText()).isNotEqualTo("不称职");
    assertThat(lin.get("reasonsPreview").asText()).contains("低于60分");

    // units and people without a yellow notice keep their scores; people also their grades
    Set<String> yellowUnits = subjectsWithYellow(SubjectType.UNIT);
    List<JsonNode> calmUnits = StreamSupport.stream(preview.get("units").spliterator(), false)
        .filter(u -> !yellowUnits.contains(u.get("unitCode").asText())).toList();
    assertThat(calmUnits).isNotEmpty();
    calmUnits.forEach(u -> assertThat(decimal(u.get("scorePreview"))).as(u.toString())
        .isEqualByComparingTo(decimal(u.get("scoreToday"))));
    Set<String> yellowPeople = subjectsWithYellow(SubjectType.PERSON);
    List<JsonNode> calmPeople = StreamSupport.stream(preview.get("people").spliterator(), false)
        .filter(p -> !yellowPeople.contains(p.get("personId").asText())).toList();
    assertThat(calmPeople).isNotEmpty();
    calmPeople.forEach(p -> {
      assertThat(decimal(p.get("scorePreview"))).as(p.toString()).isEqualByComparingTo(decimal(p.get("scoreToday")));
      assertThat(p.get("gradePreview").asText()).as(p.toString()).isEqualTo(p.get("gradeToday").asText());
    });

    // the same as a workbook, the changed lines marked
    HttpResponse<byte[]> xlsx = http.uploadBytes("/api/rule-preview/xlsx", "file", "case-score.dmn", DMN,
        heavierYellow(), ANALYST);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet units = book.getSheet("单位得分与档次");
      Row zjjRow = StreamSupport.stream(units.spliterator(), false)
          .filter(r -> r.getCell(0).getStringCellValue().equals(organization.unitName("zjj"))).findFirst().orElseThrow();
      assertThat(zjjRow.getCell(7).getStringCellValue()).isEqualTo("是");
      assertThat(zjjRow.getCell(4).getNumericCellValue()).isEqualTo(decimal(zjj.get("scorePreview")).doubleValue());
      assertThat(book.getSheet("个人得分与等次")).isNotNull();
      assertThat(book.getSheet("变化概要").getRow(0).getCell(1).getStringCellValue()).contains("case-score");
    }

    // nothing booked, no decision history, nothing deployed, no assessment computed
    assertThat(ledger.count()).isEqualTo(entries);
    assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsEvaluated);
    assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(definitions);
    assertThat(years.count() + unitResults.count() + personResults.count()).isEqualTo(assessed);

    // the table unchanged previews no change; the supervision office may preview too, a unit may not
    HttpResponse<String> same = http.upload("/api/rule-preview", "file", "case-score.dmn", DMN,
        caseScore().getBytes(StandardCharsets.UTF_8), "ducha");
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(same.body()).get("unitsChanged").asInt()).isZero();
    assertThat(JSON.readTree(same.body()).get("peopleChanged").asInt()).isZero();
    assertThat(http.upload("/api/rule-preview", "file", "case-score.dmn", DMN, heavierYellow(), "zjj-lin").statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("Analyst previews a heavier valid-complaint deduction in complaint-score.dmn: the unit complained of loses the difference per valid complaint, nothing is booked")
  void heavierComplaintPreviewed() throws Exception {
    ProcessInstance pi = fileComplaint(complaintForm());
    complete(pi, "routeComplaint", "tousu", Map.of("routing", "ASSIGN"));
    complete(pi, "investigate", "zjj-lin", Map.of("finding", "TRUE", "evidence", "调取窗口监控，核实情况",
        "proposedReply", "经调查，情况属实，已责令整改。", "officialPerson", "zjj-lin"));
    complete(pi, "replyToComplainant", "tousu", Map.of("reply", "您反映的问题属实，已责令整改并向您致歉。"));
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true"));
    long valid = ledger.findByYearAndSourceTypeOrderById(2026, "COMPLAINT").stream()
        .filter(e -> e.getRule().equals("VALID_COMPLAINT") && e.getSubjectId().equals("zjj")).count();
    assertThat(valid).isPositive();
    String dmn = shippedRules("complaint-score.dmn");
    String unitRow = "<outputEntry id=\"Out_complaint_score_r1_0\"><text>-1</text></outputEntry>";
    assertThat(dmn).contains(unitRow);
    byte[] heavier = dmn.replace(unitRow, "<outputEntry id=\"Out_complaint_score_r1_0\"><text>-4</text></outputEntry>")
        .getBytes(StandardCharsets.UTF_8);
    long entries = ledger.count();

    HttpResponse<String> answer = http.upload("/api/rule-preview", "file", "complaint-score.dmn", DMN, heavier, ANALYST);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode preview = JSON.readTree(answer.body());
    assertThat(preview.get("decisionKey").asText()).isEqualTo("complaint-score");
    JsonNode zjj = line(preview.get("units"), "unitCode", "zjj");
    assertThat(decimal(zjj.get("scorePreview")))
        .isEqualByComparingTo(decimal(zjj.get("scoreToday")).subtract(BigDecimal.valueOf(3 * valid)));
    JsonNode lin = line(preview.get("people"), "personId", "zjj-lin");
    assertThat(decimal(lin.get("scorePreview"))).isEqualByComparingTo(decimal(lin.get("scoreToday")));
    assertThat(ledger.count()).isEqualTo(entries);
  }

  @Test
  @DisplayName("Analyst previews a stricter annual-grade.dmn: scores, ranks and tiers stay, the grades it moves change, nothing is booked")
  void stricterGradesPreviewed() throws Exception {
    String dmn = shippedRules("annual-grade.dmn");
    String below80 = "<inputEntry id=\"In_annual_grade_r4_0\"><text>&lt; 80</text></inputEntry>";
    assertThat(dmn).contains(below80);
    byte[] stricter = dmn.replace(below80, "<inputEntry id=\"In_annual_grade_r4_0\"><text>&lt; 1000</text></inputEntry>")
        .getBytes(StandardCharsets.UTF_8);
    long entries = ledger.count();

    HttpResponse<String> answer = http.upload("/api/rule-preview", "file", "annual-grade.dmn", DMN, stricter, ANALYST);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode preview = JSON.readTree(answer.body());
    assertThat(preview.get("decisionKey").asText()).isEqualTo("annual-grade");
    assertThat(preview.get("rules")).isEmpty();
    assertThat(preview.get("unitsChanged").asInt()).isZero();
    assertThat(preview.get("peopleChanged").asInt()).isPositive();
    for (JsonNode p : preview.get("people")) {
      assertThat(decimal(p.get("scorePreview"))).isEqualByComparingTo(decimal(p.get("scoreToday")));
      assertThat(p.get("gradePreview").asText()).as(p.toString()).isIn("基本称职", "不称职");
    }
    assertThat(ledger.count()).isEqualTo(entries);
  }

  @Test
  @DisplayName("Analyst uploads an invalid rule table: not DMN, another table, a column the application reads renamed or retyped, an expression in JUEL, an entry that does not evaluate: each a Chinese 400 naming the problem, nothing previewed")
  void invalidTablesRefused() throws Exception {
    assertRefused("这不是DMN".getBytes(StandardCharsets.UTF_8), "不是可解析的DMN决策表");
    assertRefused(caseScore().replace("id=\"case-score\"", "id=\"other-score\"").getBytes(StandardCharsets.UTF_8),
        "没有可预览的决策表", "other-score");
    assertRefused(caseScore().replace("name=\"points\"", "name=\"score\"").getBytes(StandardCharsets.UTF_8),
        "缺少输出“points”", "督办事项记分");
    assertRefused(caseScore().replace("<text>role</text>", "<text>subject</text>").getBytes(StandardCharsets.UTF_8),
        "缺少输入“role”");
    assertRefused(caseScore().replace("name=\"points\" typeRef=\"double\"", "name=\"points\" typeRef=\"string\"")
        .getBytes(StandardCharsets.UTF_8), "输出“points”类型为string，应为double");
    // JUEL may call any method on the server: only FEEL is evaluated
    assertRefused(caseScore().replace("<inputEntry id=\"Rule_6_event\">",
        "<inputEntry id=\"Rule_6_event\" expressionLanguage=\"juel\">").getBytes(StandardCharsets.UTF_8),
        "FEEL 以外的表达式语言（juel）", "Rule_6_event");
    // a case event has to be on the ledger for an entry to be evaluated
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    assertRefused(caseScore().replace("<inputEntry id=\"Rule_6_event\"><text>\"YELLOW_NOTICE\"</text>",
        "<inputEntry id=\"Rule_6_event\"><text>\"YELLOW_NOTICE\" +</text>").getBytes(StandardCharsets.UTF_8),
        "无法求值");
    HttpResponse<String> none = http.upload("/api/rule-preview", "file", "case-score.dmn", DMN, new byte[0], ANALYST);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("请选择修改后的决策表文件");
  }

  private void assertRefused(byte[] dmn, String... words) {
    long entries = ledger.count();
    HttpResponse<String> answer = http.upload("/api/rule-preview", "file", "changed.dmn", DMN, dmn, ANALYST);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(answer.body()).contains(words).contains("\"field\":\"file\"").doesNotContain("Exception");
    assertThat(ledger.count()).isEqualTo(entries);
  }
}
