package cn.duban.assessment;

import cn.duban.common.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.accountability.AccountabilityRecord;
import cn.duban.calendar.LimitClock;
import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.accountability.Measure;
import cn.duban.accountability.Sanction;
import cn.duban.accountability.Severity;
import cn.duban.organization.SubjectKind;
import cn.duban.accountability.Trigger;
import cn.duban.common.InputException;
import org.camunda.bpm.engine.AuthorizationException;
import cn.duban.complaint.Channel;
import cn.duban.complaint.Complaint;
import cn.duban.complaint.ComplaintRepository;
import cn.duban.complaint.ComplaintType;
import cn.duban.complaint.Finding;
import cn.duban.complaint.Routing;
import cn.duban.organization.Person;
import cn.duban.organization.PersonRepository;
import cn.duban.organization.Role;
import cn.duban.organization.OrganizationAdmin;
import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.ledger.Ledger;
/**
 * A whole year (2025) in a county of five bureaus, assessed: the events are booked as the
 * supervision, complaint and accountability processes book them, the expected scores and grades
 * are worked out by hand below, and the annual-assessment process then runs with its tasks.
 * This class has a database of its own, so that no other test's bookings count.
 *
 * <pre>
 * unit  bookings in 2025                                                     score  rank tier
 * jtj   on time +2, early +0.5, beyond the standard +1, highlight +2          105.5  1   好
 * sthj  on time +2, valid complaint -1, circulated criticism -2              99     2   中
 * fgj   co-unit accountability -2.5, co-unit on time +1                      98.5   3   中
 * wjj   four valid complaints -1 each                                        96     4   差
 * zjj   yellow -1, red -2, accountability -5, closure rejected -1,
 *       two valid complaints -1 each                                         89     5   差
 *
 * person     bookings                           caps                              grade
 * wjj-head   none: 100                          -                                 优秀 (1 of 5 may be)
 * wjj-p2..5  valid complaint -2: 98             -                                 称职
 * zjj-lin    2 valid complaints -4, 训诫 -1: 95  accountability, 2 complaints      基本称职
 * fgj-zhang  诫勉谈话 -3, 警告 -5: 92            a warning                          基本称职
 * zjj-he     none: 100                          quota (R32): the four bureaus of 2 are  称职
 *                                               pooled, 8 people, 1 place; 6 tied at 100
 * the county office's twelve people (with the process analyst): 100, tied, 20% of 12 is 2: the tie is not split: 称职, the review chooses
 * </pre>
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualAssessmentTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Ledger ledgerService;
  @Autowired AssessmentService assessment;
  @Autowired OrganizationAdmin organization;
  @Autowired PersonRepository people;
  @Autowired ComplaintRepository complaints;
  @Autowired AccountabilityRecordRepository accountability;
  @Autowired PersonResultRepository personResults;
  @Autowired AssessmentYearRepository years;
  @Autowired FrontLineRecordRepository frontLine;
  @Autowired LimitClock limitClock;

  @Test
  @Order(1)
  @DisplayName("R20 R21 R22 R23 R27 a whole year: scores, ranks, tiers, grades with their caps and quota, front-line days")
  void wholeYear() {
    bookTheYear();
    ProcessInstance pi = startAssessment(2025);
    assertThat(pi).isWaitingAt("reviewGrades");
    // a year is assessed once
    assertThatThrownBy(() -> startAssessment(2025)).isInstanceOf(InputException.class)
        .hasMessageContaining("2025年度考核已经启动过");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-assessment").count()).isOne();

    assertThat(assessment.units(2025)).extracting(u -> u.getRank() + " " + u.getUnitCode() + " "
            + u.getScore().stripTrailingZeros().toPlainString() + " " + u.getTier())
        .containsExactly("1 jtj 105.5 GOOD", "2 sthj 99 MIDDLE", "3 fgj 98.5 MIDDLE", "4 wjj 96 POOR", "5 zjj 89 POOR");

    Map<String, PersonResult> results = assessment.people(2025).stream()
        .collect(Collectors.toMap(PersonResult::getPersonId, r -> r));
    assertThat(grade(results, "wjj-head")).isEqualTo("100 EXCELLENT");
    assertThat(grade(results, "wjj-p2")).isEqualTo("98 COMPETENT");
    assertThat(grade(results, "zjj-lin")).isEqualTo("95 BASICALLY_COMPETENT");
    assertThat(results.get("zjj-lin").getReasons()).contains("2件有效投诉", "不得评为优秀");
    assertThat(grade(results, "fgj-zhang")).isEqualTo("92 BASICALLY_COMPETENT");
    assertThat(results.get("fgj-zhang").getReasons()).contains("警告处分");
    assertThat(grade(results, "zjj-he")).isEqualTo("100 COMPETENT");
    // R32: 20% of zjj's two is nobody: the small bureaus share their place at the county level
    assertThat(results.get("zjj-he").getReasons())
        .contains("同分6人争剩余1个优秀名额，由考核办审核确定（本单位人数不足一个优秀名额，县级统筹：共8人，名额1人）");
    assertThat(grade(results, "ducha")).isEqualTo("100 COMPETENT");
    // R27: front-line days against the target of the post
    assertThat(results.get("wangfxz").getFrontLineDays()).isEqualTo(40);
    assertThat(results.get("wangfxz").frontLineShortfall()).isTrue();
    assertThat(results.get("lifxz").frontLineShortfall()).isFalse();
    assertThat(results.get("lifxz").getFrontLineDays()).isEqualTo(65 + 12);
    assertThat(results.get("fgj-liu").getFrontLineTarget()).isEqualTo(80);
    assertThat(results.get("zjj-lin").getFrontLineTarget()).isNull();
  }

  @Test
  @Order(2)
  @DisplayName("R21 R22 R24 the assessment office adjusts a grade with a reason, within the caps, and publishes; the last units examine themselves and their heads are interviewed; low grades are followed up")
  void reviewPublishAndFollowUp() throws Exception {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("annual-assessment").singleResult();
    assertThat(runtime.getVariable(pi.getId(), "assessmentSummary").toString())
        .contains("| 1 | 县交通运输局 | 105.5 | 好 |", "优秀 1人（宋卫）", "基本称职 2人（", "不称职 0人",
            "同分争优秀名额，请选定", "周督查");
    assertThatThrownBy(() -> complete(pi, "reviewGrades", "kaohe",
        Map.of("reviewAction", "ADJUST", "adjustPerson", "ducha", "adjustGrade", "EXCELLENT")))
        .isInstanceOf(InputException.class).hasMessageContaining("请填写调整理由");
    // the review may override the quota, not the caps of accountability and complaints
    assertThatThrownBy(() -> complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "ADJUST",
        "adjustPerson", "zjj-lin", "adjustGrade", "COMPETENT", "adjustReason", "工作量大")))
        .isInstanceOf(InputException.class).hasMessageContaining("林晓东最高只能评为基本称职");
    assertThat(personResults.findByYearAndPersonId(2025, "zjj-lin").orElseThrow().getGrade())
        .isEqualTo(Grade.BASICALLY_COMPETENT);
    // nor the quota: the small bureaus' pooled place (R32), once given to 高明远, is not there for 何建平
    complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "ADJUST", "adjustPerson", "jtj-gao",
        "adjustGrade", "EXCELLENT", "adjustReason", "交通项目提前完成，经考核委员会研究评为优秀"));
    assertThat(personResults.findByYearAndPersonId(2025, "jtj-gao").orElseThrow().getGrade()).isEqualTo(Grade.EXCELLENT);
    assertThatThrownBy(() -> complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "ADJUST",
        "adjustPerson", "zjj-he", "adjustGrade", "EXCELLENT", "adjustReason", "抢险救灾表现突出")))
        .isInstanceOf(InputException.class).hasMessageContaining("优秀名额已满（本单位人数不足一个优秀名额，县级统筹：共8人，名额1人）");
    // the county office's twelve (the process analyst fenxi among them) are tied for its two places: the review chooses
    assertThat(assessment.people(2025)).filteredOn(p -> "ducha".equals(p.getPersonId())).singleElement()
        .extracting(PersonResult::getReasons).asString().contains("同分12人争剩余2个优秀名额，由考核办审核确定");
    complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "ADJUST", "adjustPerson", "ducha",
        "adjustGrade", "EXCELLENT", "adjustReason", "抢险救灾表现突出，经考核委员会研究评为优秀"));
    PersonResult adjusted = personResults.findByYearAndPersonId(2025, "ducha").orElseThrow();
    assertThat(adjusted.getGrade()).isEqualTo(Grade.EXCELLENT);
    assertThat(adjusted.getProposedGrade()).isEqualTo(Grade.COMPETENT);
    assertThat(adjusted.getAdjustedBy()).isEqualTo("kaohe");
    assertThat(pi).isWaitingAt("reviewGrades");

    // a point booked into 2025 after the computation: publishing is refused until recomputed,
    // and the recomputation keeps the adjustment
    setClock(LocalDateTime.of(2026, 1, 16, 9, 0));
    transactions().executeWithoutResult(s -> book("fgj", "CLOSED_EARLY", "R7", "0.5"));
    assertThatThrownBy(() -> complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "CONFIRM")))
        .isInstanceOf(InputException.class).hasMessageContaining("计算后又有新的记分，请先重新计算");
    complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "RECOMPUTE"));
    assertThat(assessment.units(2025)).filteredOn(u -> u.getUnitCode().equals("fgj")).singleElement()
        .extracting(u -> u.getScore().stripTrailingZeros().toPlainString()).isEqualTo("99");
    assertThat(personResults.findByYearAndPersonId(2025, "ducha").orElseThrow().getGrade()).isEqualTo(Grade.EXCELLENT);
    complete(pi, "reviewGrades", "kaohe", Map.of("reviewAction", "CONFIRM"));
    assertThat(years.findById(2025).orElseThrow().published()).isTrue();
    // R20: what comes for 2025 after publication counts in the year it is booked in
    LedgerEntry late = transactions().execute(s -> ledgerService.book(new Ledger.Booking("TEST:late", SubjectType.UNIT,
        "jtj", "HIGHLIGHT", "R23", "亮点工作：迟到的评选", new BigDecimal("2"), "HIGHLIGHT", "late", "2025H2"),
        limitClock.now(), 2025, SHANGHAI));
    assertThat(late.getYear()).isEqualTo(2026);
    assertThat(late.getRuleLabel()).contains("2025年度考核已发布，计入2026年度");
    // R20: a published year is closed
    assertThatThrownBy(() -> transactions().executeWithoutResult(s -> assessment.compute(2025)))
        .isInstanceOf(InputException.class).hasMessageContaining("已发布，不能重新计算");
    assertThatThrownBy(() -> startAssessment(2025)).isInstanceOf(InputException.class);
    // the year still running cannot be assessed
    assertThatThrownBy(() -> startAssessment(2026)).isInstanceOf(InputException.class).hasMessageContaining("已结束的年度");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-assessment").count()).isOne();

    // R22: the last two units, each in a process of its own
    List<Task> examinations = tasksOf(pi).taskDefinitionKey("submitSelfExamination").list();
    assertThat(examinations).hasSize(2);
    assertThat(tasksOf(pi).taskCandidateGroup("unit-zjj").includeAssignedTasks().count()).isOne();
    assertThat(tasksOf(pi).taskCandidateGroup("unit-wjj").includeAssignedTasks().count()).isOne();
    // a unit's handlers see their own task's data, not the county's grades nor the other unit's text
    Http http = new Http(port);
    for (Task t : examinations) {
      assertThat(t.getProcessInstanceId()).isNotEqualTo(pi.getId());
      String handler = handlerOf(t);
      String password = handler.startsWith("wjj-") ? "test-password" : Http.DEMO_PASSWORD;
      String rest = "/engine-rest/engine/" + engine.getName();  // this class's engine has a name of its own
      assertThat(http.get(rest + "/task/" + t.getId() + "/variables", handler, password).body())
          .contains("poorUnitName").doesNotContain("assessmentSummary", "reviewAction");
      assertThat(http.get(rest + "/history/variable-instance?processInstanceId=" + pi.getId(), handler, password)
          .body()).isEqualTo("[]");
    }
    for (Task t : examinations) {
      complete(t, handlerOf(t), Map.of("selfExamination", "对照问题逐项检查，制定整改措施"));
    }
    for (Task t : tasksOf(pi).taskDefinitionKey("interviewUnitHead").list()) {
      complete(t, "zuzhi", Map.of("headInterview", "组织部长约谈单位负责人，提出整改要求"));
    }
    // zjj's head was interviewed over a case in 2025 already (R9): this second interview flags the post
    assertThat(assessment.units(2025)).filteredOn(u -> u.getTier() == Tier.POOR)
        .extracting(u -> u.getUnitCode() + " " + u.isPostAdjustmentDue())
        .containsExactlyInAnyOrder("zjj true", "wjj false");

    // R24: the 基本称职 get a measure; organisational talks two years running make rotation due
    List<Task> followUps = tasks.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("arrangeFollowUp").list();
    assertThat(followUps).hasSize(2);
    for (Task t : followUps) {
      String person = runtime.getVariable(t.getExecutionId(), "followUpPerson").toString();
      complete(t, "zuzhi", Map.of("followUpMeasure", "zjj-lin".equals(person) ? "ORGANISATIONAL_TALK" : "OFF_POST_TRAINING",
          "followUpNote", "已安排"));
    }
    assertThat(personResults.findByYearAndPersonId(2025, "zjj-lin").orElseThrow().isRotationDue()).isTrue();
    assertThat(personResults.findByYearAndPersonId(2025, "fgj-zhang").orElseThrow().isRotationDue()).isFalse();
    assertThat(pi).isEnded();
  }

  @Test
  @Order(3)
  @DisplayName("R20 R21 R22 the results as JSON, a printable page, an Excel workbook read back, and a unit's score sheet")
  void reports() throws Exception {
    JsonNode report = JSON.readTree(get("/api/assessment/2025").body());
    assertThat(report.path("published").asBoolean()).isTrue();
    assertThat(report.path("units").get(0).path("unitName").asText()).isEqualTo("县交通运输局");
    assertThat(report.path("units").get(0).path("tierLabel").asText()).isEqualTo("好");

    String page = get("/api/assessment/2025/report").body();
    assertThat(page).contains("2025年度绩效考核结果", "县住房和城乡建设局", "基本称职", "一年两次，调整岗位",
        "抢险救灾表现突出", "40/60天（未达标）");

    HttpResponse<byte[]> xlsx = new Http(port).getBytes("/api/assessment/2025/report.xlsx", "kaohe");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet units = book.getSheet("单位排名");
      assertThat(units.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
      assertThat(units.getRow(1).getCell(1).getStringCellValue()).isEqualTo("县交通运输局");
      assertThat(units.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(105.5);
      assertThat(units.getRow(5).getCell(3).getStringCellValue()).isEqualTo("差");
      Sheet persons = book.getSheet("个人等次");
      assertThat(persons.getPhysicalNumberOfRows()).isEqualTo(1 + people.count());
    }

    JsonNode sheet = JSON.readTree(get("/api/assessment/2025/units/zjj/sheet").body());
    assertThat(sheet).hasSize(6);
    assertThat(sheet.findValuesAsText("ruleRef")).containsExactlyInAnyOrder("R4", "R5", "R6", "R7", "R19", "R19");
    JsonNode breakdown = JSON.readTree(get("/api/assessment/2025/units/zjj/breakdown").body());
    assertThat(breakdown.path("total").decimalValue()).isEqualByComparingTo("-11");
    assertThat(breakdown.path("byRule").findValuesAsText("label")).contains("R19 有效投诉（单位）", "R5 RED_NOTICE");
    JsonNode complaintsLine = breakdown.path("byRule").get(
        breakdown.path("byRule").findValuesAsText("label").indexOf("R19 有效投诉（单位）"));
    assertThat(complaintsLine.path("entries").asInt()).isEqualTo(2);
    assertThat(complaintsLine.path("points").decimalValue()).isEqualByComparingTo("-2");
    // the four scenario bookings share one source; each complaint is a source of its own
    assertThat(breakdown.path("bySource")).hasSize(3);
    assertThat(get("/api/assessment/2025/units/zjj/sheet.html").body()).contains("按规则汇总", "按来源事项汇总", "合计", "-11");
    assertThat(get("/api/assessment/2025/units/nosuch/sheet").statusCode()).isEqualTo(404);
    assertThat(get("/api/assessment/2019").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(4)
  @DisplayName("R21 the assessment starts by itself on 15 January for the year that ended, and not again for a year already assessed")
  void startsByItself() {
    Job timer = management.createJobQuery().processDefinitionKey("annual-assessment").timers().singleResult();
    assertThat(timer).isNotNull();
    LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
    assertThat(due.getMonthValue()).isEqualTo(1);
    assertThat(due.getDayOfMonth()).isEqualTo(15);

    // 2025 was assessed by hand before the timer came: the timer's instance ends at once
    management.executeJob(timer.getId());
    HistoricProcessInstance byTimer = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("annual-assessment").processInstanceBusinessKey("2025年度考核").list().stream()
        .filter(h -> "yearAlreadyAssessed".equals(h.getEndActivityId())).findFirst().orElseThrow();
    assertThat(byTimer.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-assessment").count()).isZero();
    assertThat(years.findById(2025).orElseThrow().published()).isTrue();
    // and the next start is scheduled: 15 January of the next year (the engine's clock says 2026-01-15)
    Job next = management.createJobQuery().processDefinitionKey("annual-assessment").timers().singleResult();
    assertThat(next.getId()).isNotEqualTo(timer.getId());
    assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(LocalDate.of(2027, 1, 15));
  }

  @Test
  @Order(5)
  @DisplayName("R23 a half year's highlights are selected once: by hand again is refused, the timer's start ends at once")
  void highlightsOnce() {
    assertThatThrownBy(() -> startHighlights(2025, 2)).isInstanceOf(InputException.class)
        .hasMessageContaining("2025年下半年亮点工作评选已经启动过");
    assertThatThrownBy(() -> startHighlights(2026, 2)).isInstanceOf(InputException.class)
        .hasMessageContaining("已经开始的半年");
    setClock(LocalDateTime.of(2026, 1, 5, 9, 0));
    Job timer = management.createJobQuery().processDefinitionKey("highlight-selection").timers().singleResult();
    management.executeJob(timer.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("highlight-selection")
        .processInstanceBusinessKey("2025年下半年亮点工作评选").list())
        .extracting(HistoricProcessInstance::getEndActivityId)
        .containsExactlyInAnyOrder("selectionDone", "periodAlreadySelected");
    assertThat(assessment.scoreSheet(2025, "jtj")).filteredOn(e -> "HIGHLIGHT".equals(e.getRule())).hasSize(1);
  }

  @Test
  @Order(6)
  @DisplayName("R27 leaders and department heads record front-line days from a start form; others, future dates, impossible day counts and overlaps are refused")
  void recordFrontLineDays() {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    startFrontLine("wangfxz", "2026-02-23", 5);
    startFrontLine("zjj-he", "2026-02-25", 3);
    assertThat(frontLine.findAll()).filteredOn(r -> r.getStartDate().getYear() == 2026)
        .extracting(r -> r.getPersonId() + " " + r.getDays())
        .containsExactlyInAnyOrder("wangfxz 5", "zjj-he 3");
    // a handler is not among the process's starters: the engine refuses him
    assertThatThrownBy(() -> startFrontLine("zjj-lin", "2026-02-23", 2)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> startFrontLine("wangfxz", "2026-03-09", 2)).isInstanceOf(InputException.class)
        .hasMessageContaining("不能登记今后的日期");
    assertThatThrownBy(() -> startFrontLine("wangfxz", "2026-02-23", 0)).isInstanceOf(InputException.class)
        .hasMessageContaining("天数须在1至31之间");
    assertThatThrownBy(() -> startFrontLine("wangfxz", "2026-02-26", 2)).isInstanceOf(InputException.class)
        .hasMessageContaining("与已登记的2026-02-23起5天重叠");
    assertThat(frontLine.findAll()).filteredOn(r -> r.getStartDate().getYear() == 2026).hasSize(2);
  }

  // ------------------------------------------------------------------ the year 2025

  private void bookTheYear() {
    setClock(LocalDateTime.of(2025, 3, 2, 9, 0));
    transactions().executeWithoutResult(s -> {
      organization.addUnit("wjj", "县卫生健康局");
      organization.addPerson("wjj-head", "宋卫", "局长", "wjj", EnumSet.of(Role.UNIT_HEAD), "test-password");
      for (int i = 2; i <= 5; i++) {
        organization.addPerson("wjj-p" + i, "卫健员" + i, "科员", "wjj", EnumSet.of(Role.HANDLER), "test-password");
      }
      book("zjj", "YELLOW_NOTICE", "R4", "-1");
      book("zjj", "RED_NOTICE", "R5", "-2");
      book("zjj", "ACCOUNTABILITY", "R6", "-5");
      book("zjj", "CLOSURE_REJECTED", "R7", "-1");
      book("fgj", "ACCOUNTABILITY", "R6", "-2.5");
      book("fgj", "CLOSED_ON_TIME", "R7", "1");
      book("jtj", "CLOSED_ON_TIME", "R7", "2");
      book("jtj", "CLOSED_EARLY", "R7", "0.5");
      book("jtj", "EXCEEDS_STANDARD", "R7", "1");
      book("sthj", "CLOSED_ON_TIME", "R7", "2");
      book("sthj", "VALID_COMPLAINT", "R19", "-1");
      book("sthj", "HANDLING_CRITICISM", "R17", "-2");
      for (int i = 2; i <= 5; i++) {
        validComplaint("wjj", "wjj-p" + i);
      }
      validComplaint("zjj", "zjj-lin");
      validComplaint("zjj", "zjj-lin");
      finalMeasure("zjj-lin", Severity.GENERAL, Measure.REPRIMAND, null);
      finalMeasure("fgj-zhang", Severity.SERIOUS, Measure.ADMONISHMENT_TALK, Sanction.WARNING);
      frontLine.save(new FrontLineRecord("wangfxz", LocalDate.of(2025, 4, 1), 40, "城区改造工地", "现场办公", Instant.now()));
      frontLine.save(new FrontLineRecord("lifxz", LocalDate.of(2025, 5, 1), 65, "乡镇", "驻点调研", Instant.now()));
      frontLine.save(new FrontLineRecord("lifxz", LocalDate.of(2024, 5, 1), 30, "乡镇", "上一年度的，不算", Instant.now()));
      // across New Year: 12 of its 20 days are in 2025
      frontLine.save(new FrontLineRecord("lifxz", LocalDate.of(2025, 12, 20), 20, "乡镇", "跨年驻点", Instant.now()));
      // zjj-lin had an organisational talk after the 2024 assessment (R24)
      years.save(new AssessmentYear(2024, new BigDecimal("100"), Instant.now()));
      PersonResult last = new PersonResult(2024, "zjj-lin", "林晓东", "zjj", new BigDecimal("75"),
          Grade.BASICALLY_COMPETENT, "", null, null, false);
      last.followedUp(AssessmentService.FollowUp.ORGANISATIONAL_TALK.name(), "组织谈话", false);
      personResults.save(last);
    });
    // R9: the head of zjj was interviewed over a slow case in 2025
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2025-03-20");
    form.put("reportIntervalDays", 3);
    form.put("milestones", "");  // R1: the reporting interval is the schedule
    ProcessInstance slow = register(form);
    signFor(slow);
    fire(slow, "checkpointReached");
    complete(slow, "urgeReport", "ducha", Map.of("urgingMethod", "PHONE", "urgingOutcome", "无进展", "requestInterview", true));
    complete(slow, "approveInterview", "zhaoxz", Map.of("interviewApproved", "true"));
    complete(slow, "interviewByOrganizationHead", "zuzhi", Map.of("interviewOutcome", "约谈局长", "interviewEffective", "true"));
    runtime.deleteProcessInstance(slow.getId(), "测试：只需要约谈记录");
    // R23: jtj's highlight of the second half of 2025, selected in January 2026
    setClock(LocalDateTime.of(2026, 1, 5, 9, 0));
    ProcessInstance highlights = startHighlights(2025, 2);
    List<Task> nominations = tasksOf(highlights).taskDefinitionKey("nominateHighlight").list();
    // each unit nominates in a process of its own: what one unit enters, the others do not see
    assertThat(nominations).extracting(Task::getProcessInstanceId)
        .doesNotContain(highlights.getId()).doesNotHaveDuplicates().hasSizeGreaterThan(1);
    for (Task t : nominations) {
      String handler = handlerOf(t);
      complete(t, handler, handler.startsWith("jtj-")
          ? Map.of("nominate", "true", "highlightTitle", "交通运输一网通办", "highlightDescription", "办事时间缩短一半")
          : Map.of("nominate", "false"));
    }
    String jtjHighlight = ((org.camunda.spin.json.SpinJsonNode) runtime.getVariable(highlights.getId(), "nominationOptions"))
        .elements().get(0).prop("value").stringValue();
    complete(highlights, "selectHighlights", "kaohe",
        Map.of("selectedHighlights", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + jtjHighlight + "\"]").create()));
    assertThat(highlights).isEnded();
    setClock(LocalDateTime.of(2026, 1, 15, 9, 0));
  }

  private void book(String unit, String rule, String ref, String points) {
    ledgerService.book(new Ledger.Booking("TEST:" + UUID.randomUUID(), SubjectType.UNIT, unit, rule, ref, rule,
        new BigDecimal(points), "TEST", "scenario", "TEST"), limitClock.now(), 2025, SHANGHAI);
  }

  /** A complaint closed as true against a person, booked as the complaint process books it. */
  private void validComplaint(String unit, String person) {
    Complaint c = new Complaint("TS" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(), Channel.HOTLINE,
        ComplaintType.COMPLAINT, unit, null, "测试投诉", null, null, true, Instant.now(), "tousu", 2025, "test");
    c.route(Routing.DIRECT, null, null, Instant.now(), "tousu");
    c.found(Finding.TRUE, person);
    c.close(Instant.now());
    complaints.save(c);
    ledgerService.book(new Ledger.Booking("TEST:" + UUID.randomUUID(), SubjectType.UNIT, unit, "VALID_COMPLAINT",
        "R19", "有效投诉（单位）", new BigDecimal("-1"), "COMPLAINT", c.getTrackingCode(), "CLOSED"), limitClock.now(), 2025, SHANGHAI);
    ledgerService.book(new Ledger.Booking("TEST:" + UUID.randomUUID(), SubjectType.PERSON, person, "VALID_COMPLAINT",
        "R19", "有效投诉（个人）", new BigDecimal("-2"), "COMPLAINT", c.getTrackingCode(), "CLOSED"), limitClock.now(), 2025, SHANGHAI);
  }

  /** A final accountability measure, booked as the accountability process books it. */
  private void finalMeasure(String person, Severity severity, Measure measure, Sanction sanction) {
    AccountabilityRecord r = new AccountabilityRecord("test-" + UUID.randomUUID(), null, 0, SubjectKind.PERSON,
        person, person, Trigger.RED_LIMIT_LAPSED, null, null, "测试", 2025, Instant.now(), "xiaoneng", null, "wangfxz");
    r.assess(severity, true, Decision.of("xiaoneng", Instant.now(), "测试"));
    r.propose(measure, sanction != null);
    if (sanction != null) {
      r.sanction(sanction, Decision.of("jijian", Instant.now(), "测试"));
    }
    r.approve(measure, Decision.of("wangfxz", Instant.now(), null));
    r.makeFinal(measure, sanction, Instant.now(), null);
    accountability.save(r);
    BigDecimal points = switch (measure) {
      case REPRIMAND -> new BigDecimal("-1");
      case ADMONISHMENT_TALK -> new BigDecimal("-3");
      default -> throw new IllegalArgumentException(measure.name());
    };
    ledgerService.book(new Ledger.Booking("TEST:" + UUID.randomUUID(), SubjectType.PERSON, person, measure.name(),
        "R14", measure.label(), points, "ACCOUNTABILITY", "test", "FINAL"), limitClock.now(), 2025, SHANGHAI);
    if (sanction != null) {
      ledgerService.book(new Ledger.Booking("TEST:" + UUID.randomUUID(), SubjectType.PERSON, person, sanction.name(),
          "R11", sanction.label(), new BigDecimal("-5"), "ACCOUNTABILITY", "test", "FINAL"), limitClock.now(), 2025, SHANGHAI);
    }
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance startAssessment(int year) {
    return start("annual-assessment", "kaohe", Map.of("assessmentYear", year));
  }

  private ProcessInstance startHighlights(int year, int half) {
    return start("highlight-selection", "kaohe", Map.of("highlightYear", year, "highlightHalf", String.valueOf(half)));
  }

  private void startFrontLine(String user, String date, int days) {
    start("front-line-days", user, Map.of("frontLineDate", date, "frontLineDays", days, "frontLinePlace", "城区改造工地",
        "frontLineWork", "现场协调拆迁"));
  }

  /** Someone of the unit a task is offered to: only they may work it. */
  private String handlerOf(Task t) {
    String unit = tasks.getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId())
        .filter(g -> g != null && g.startsWith("unit-")).findFirst().orElseThrow().substring("unit-".length());
    return people.findAll().stream().filter(p -> unit.equals(p.getUnitCode())).map(Person::getId).sorted()
        .findFirst().orElseThrow();
  }

  private TransactionTemplate transactions() {
    return new TransactionTemplate(transactionManager);
  }

  private static String grade(Map<String, PersonResult> results, String person) {
    PersonResult r = results.get(person);
    return r.getScore().stripTrailingZeros().toPlainString() + " " + r.getGrade();
  }

  /** The tasks of a process and of the processes it called (a unit's own part of the work). */
  private TaskQuery tasksOf(ProcessInstance pi) {
    List<String> ids = new ArrayList<>(List.of(pi.getId()));
    runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list().forEach(c -> ids.add(c.getId()));
    return tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new));
  }

  /** As the assessment office. */
  private HttpResponse<String> get(String path) {
    return new Http(port).get(path, "kaohe");
  }
}
