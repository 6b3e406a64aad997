package cn.duban.accountability;

import cn.duban.common.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.common.InputException;
import cn.duban.Http;
import cn.duban.assessment.AssessmentReports;
import cn.duban.organization.OrganizationAdmin;
import cn.duban.organization.PersonRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import cn.duban.organization.Role;
import cn.duban.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * accountability.bpmn, one test per path (R11–R14). Every test has subjects of its own, so that
 * "the second time in a year" counts only what the test did.
 */
class AccountabilityProcessTest extends ProcessTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired AccountabilityRecordRepository records;
  @Autowired AccountabilityConsequences consequences;
  @Autowired OrganizationAdmin organization;
  @Autowired PersonRepository people;
  @Autowired AssessmentReports reports;
  @LocalServerPort int port;

  private static final ObjectMapper JSON = new ObjectMapper();

  // ------------------------------------------------------------------ R11 severity and measure

  @Test
  @DisplayName("R11 R14 a person's general fault: 训诫 proposed and approved, the notice served, the appeal window lapses, the measure is final and booked")
  void generalFaultOfAPerson() {
    String person = newPerson(newUnit());
    ProcessInstance pi = startFromCase("PERSON:" + person, newCaseNumber());
    assertThat(pi).isWaitingAt("assessFault");
    assertThat(tasks.createTaskQuery().taskId(task(pi, "assessFault").getId())
        .taskCandidateGroup("efficiency-office").count()).isOne();

    assess(pi, "GENERAL", true);
    AccountabilityRecord r = record(pi);
    assertThat(r.getProposedMeasure()).isEqualTo(Measure.REPRIMAND);
    assertThat(r.isToDiscipline()).isFalse();
    assertThat(pi).isWaitingAt("approveMeasure");
    assertThat(task(pi, "approveMeasure").getAssignee()).isEqualTo("wangfxz");

    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    r = record(pi);
    assertThat(r.getStatus()).isEqualTo(AccountabilityStatus.NOTIFIED);
    assertThat(r.getNoticeText()).contains("问责决定告知书", "训诫", "2026年3月9日前提出申诉");
    Task response = task(pi, "respondToNotice");
    assertThat(response.getAssignee()).isEqualTo(person);
    // the notice can be answered until the end of the fifth working day, when the window closes
    assertThat(response.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 9, 23, 59, 59)));

    fire(pi, "appealWindowLapsed");
    finish(pi);
    r = record(pi);
    assertThat(r.getStatus()).isEqualTo(AccountabilityStatus.FINAL);
    assertThat(r.getFinalMeasure()).isEqualTo(Measure.REPRIMAND);
    assertThat(bookings(r)).containsExactly("REPRIMAND " + person + " -1");
    assertThat(pi).isEnded();
  }

  @Test
  @DisplayName("R11 a person's serious fault goes to discipline inspection, whose sanction is recorded and booked beside the measure")
  void seriousFaultGoesToDisciplineInspection() {
    String person = newPerson(newUnit());
    ProcessInstance pi = startFromCase("PERSON:" + person, newCaseNumber());
    assess(pi, "SERIOUS", true);
    assertThat(record(pi).getProposedMeasure()).isEqualTo(Measure.ADMONISHMENT_TALK);
    assertThat(pi).isWaitingAt("decideSanction");
    assertThat(tasks.createTaskQuery().taskId(task(pi, "decideSanction").getId())
        .taskCandidateGroup("discipline-inspection").count()).isOne();
    assertThatThrownBy(() -> complete(pi, "decideSanction", "jijian", Map.of("sanction", "DEMERIT")))
        .isInstanceOf(InputException.class).hasMessageContaining("处分理由");
    complete(pi, "decideSanction", "jijian", Map.of("sanction", "DEMERIT", "sanctionReason", "失职，造成不良影响"));
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    assertThat(record(pi).getNoticeText()).contains("诫勉谈话", "记过处分");
    respond(pi, person, "ACCEPT", null);
    finish(pi);

    AccountabilityRecord r = record(pi);
    assertThat(r.getFinalSanction()).isEqualTo(Sanction.DEMERIT);
    assertThat(r.getSanctioned().by()).isEqualTo("jijian");
    assertThat(bookings(r)).containsExactly("ADMONISHMENT_TALK " + person + " -3", "DEMERIT " + person + " -5");
  }

  @Test
  @DisplayName("R11 an especially serious fault: a person is transferred and sanctioned; a unit's head is admonished and the unit must rectify (R13)")
  void especiallySeriousFaults() {
    String unit = newUnit();
    String person = newPerson(unit);
    ProcessInstance personCase = startFromCase("PERSON:" + person, newCaseNumber());
    assess(personCase, "ESPECIALLY_SERIOUS", true);
    assertThat(record(personCase).getProposedMeasure()).isEqualTo(Measure.TRANSFER);
    assertThat(record(personCase).isToDiscipline()).isTrue();

    ProcessInstance unitCase = startFromCase("UNIT:" + unit, newCaseNumber());
    assess(unitCase, "ESPECIALLY_SERIOUS", false);
    assertThat(record(unitCase).getProposedMeasure()).isEqualTo(Measure.UNIT_HEAD_ADMONISHMENT);
    assertThat(record(unitCase).isToDiscipline()).as("units are not sanctioned").isFalse();
    complete(unitCase, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    assertThat(tasks.createTaskQuery().taskId(task(unitCase, "respondToNotice").getId())
        .taskCandidateGroup("unit-" + unit).includeAssignedTasks().count()).isOne();
    respond(unitCase, unit + "-handler", "ACCEPT", null);
    finish(unitCase);

    AccountabilityRecord r = record(unitCase);
    String head = unit + "-head";
    assertThat(r.getRectifyingHead()).isEqualTo(head);
    assertThat(consequences.transferOrPromotionBarred(head)).as("R13 under rectification").isTrue();
    assertThat(bookings(r)).containsExactly("UNIT_HEAD_ADMONISHMENT " + unit + " -3");
    assertThat(unitCase).isWaitingAt("submitRectification");

    complete(unitCase, "submitRectification", unit + "-handler", Map.of("rectificationReport", "已建立台账，逐项整改"));
    complete(unitCase, "reviewRectification", "xiaoneng", Map.of("rectificationAccepted", "false",
        "rectificationComment", "台账不全"));
    assertThat(unitCase).isWaitingAt("submitRectification");
    assertThat(consequences.transferOrPromotionBarred(head)).isTrue();
    complete(unitCase, "submitRectification", unit + "-handler", Map.of("rectificationReport", "台账已补全"));
    complete(unitCase, "reviewRectification", "xiaoneng", Map.of("rectificationAccepted", "true"));
    assertThat(unitCase).isEnded();
    assertThat(consequences.transferOrPromotionBarred(head)).as("R13 lifted once the rectification is accepted").isFalse();
  }

  @Test
  @DisplayName("R11 a second time in a year is heavier: a unit interviewed first, criticised in a circular the second time")
  void secondTimeInAYear() {
    String unit = newUnit();
    ProcessInstance first = startFromCase("UNIT:" + unit, newCaseNumber());
    assess(first, "GENERAL", false);
    assertThat(record(first).getProposedMeasure()).isEqualTo(Measure.UNIT_INTERVIEW);
    approveAcceptAndFinish(first, unit + "-handler");

    ProcessInstance second = startFromCase("UNIT:" + unit, newCaseNumber());
    assess(second, "GENERAL", false);
    assertThat(record(second).getProposedMeasure()).isEqualTo(Measure.CIRCULATED_CRITICISM);
  }

  // ------------------------------------------------------------------ R12 upward trace

  @Test
  @DisplayName("R12 a serious fault is traced to the leader in charge; an especially serious one to the principal leader too; each a linked procedure")
  void upwardTrace() {
    String unit = newUnit();
    String caseNumber = newCaseNumber();
    ProcessInstance unitCase = startFromCase("UNIT:" + unit, caseNumber);
    ProcessInstance personCase = startFromCase("PERSON:" + newPerson(unit), caseNumber);
    assess(unitCase, "ESPECIALLY_SERIOUS", false);
    AccountabilityRecord original = record(unitCase);

    List<AccountabilityRecord> traced = records.findByParentIdOrderById(original.getId());
    assertThat(traced).extracting(r -> r.getSubjectId() + " " + r.getTraceLevel() + " " + r.getTrigger())
        .containsExactly("wangfxz 1 UPWARD_TRACE", "zhaoxz 2 UPWARD_TRACE");
    assertThat(runtime.getVariable(unitCase.getId(), "tracedText").toString()).contains("王建国（分管领导）", "赵振邦（主要领导）");
    for (AccountabilityRecord t : traced) {
      ProcessInstance linked = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
      assertThat(linked.getBusinessKey()).isEqualTo(caseNumber);
      assertThat(linked).isWaitingAt("assessFault");
    }
    // the leader in charge's measure is approved by the principal leader; the principal leader's by the organisation department
    assertThat(traced.get(0).getCompetentLeader()).isEqualTo("zhaoxz");
    assertThat(traced.get(1).getCompetentLeader()).isNull();

    // the person's procedure of the same failure does not open the leaders' procedures again
    assess(personCase, "SERIOUS", true);
    assertThat(records.findByParentIdOrderById(record(personCase).getId())).isEmpty();
    assertThat(personCase).isWaitingAt("decideSanction");

    // a traced procedure is not traced further
    ProcessInstance leaderCase = runtime.createProcessInstanceQuery()
        .processInstanceId(traced.get(0).getProcessInstanceId()).singleResult();
    assess(leaderCase, "ESPECIALLY_SERIOUS", true);
    assertThat(records.findByParentIdOrderById(traced.get(0).getId())).isEmpty();
    assertThat(task(leaderCase, "decideSanction")).isNotNull();
  }

  @Test
  @DisplayName("R12 a task not completed (red limit lapsed) is traced to the leader in charge even for a general fault; a serious one up to the principal leader")
  void taskNotCompletedTraced() {
    // seed 001 §三(四): 凡落实工作不力或完不成任务的，除追究直接责任人的责任外，还要倒查追究分管领导直至主要领导的责任
    ProcessInstance general = startFromCase("PERSON:" + newPerson(newUnit()), newCaseNumber());
    assess(general, "GENERAL", true);
    AccountabilityRecord r = record(general);
    assertThat(records.findByParentIdOrderById(r.getId()))
        .extracting(x -> x.getSubjectId() + " " + x.getTraceLevel() + " " + x.getTrigger())
        .containsExactly("wangfxz 1 UPWARD_TRACE");
    assertThat(runtime.getVariable(general.getId(), "tracedText").toString()).contains("王建国（分管领导）");

    ProcessInstance serious = startFromCase("UNIT:" + newUnit(), newCaseNumber());
    assess(serious, "SERIOUS", false);
    assertThat(records.findByParentIdOrderById(record(serious).getId()))
        .extracting(x -> x.getSubjectId() + " " + x.getTraceLevel()).containsExactly("wangfxz 1", "zhaoxz 2");
  }

  @Test
  @DisplayName("R12 a general fault of another kind is not traced, unless it fails a principal leader's own assignment")
  void principalAssignmentTraced() {
    Map<String, Object> complaint = callVariables("PERSON:" + newPerson(newUnit()), newCaseNumber());
    complaint.put("trigger", "VALID_COMPLAINT");
    ProcessInstance ordinary = runtime.startProcessInstanceByKey("accountability", complaint.get("sourceCase").toString(),
        complaint);
    assess(ordinary, "GENERAL", true);
    assertThat(records.findByParentIdOrderById(record(ordinary).getId())).isEmpty();

    Map<String, Object> vars = callVariables("UNIT:" + newUnit(), newCaseNumber());
    vars.put("caseLeader", "zhaoxz");
    ProcessInstance principalsOwn = runtime.startProcessInstanceByKey("accountability", vars.get("sourceCase").toString(), vars);
    assess(principalsOwn, "GENERAL", false);
    assertThat(records.findByParentIdOrderById(record(principalsOwn).getId()))
        .extracting(AccountabilityRecord::getSubjectId).containsExactly("zhaoxz");
  }

  @Test
  @DisplayName("R12 R14 the principal leader's own measure is approved by the organisation department (a setting), who sees the procedure")
  void principalLeadersMeasureApproved() {
    ProcessInstance unitCase = startFromCase("UNIT:" + newUnit(), newCaseNumber());
    assess(unitCase, "ESPECIALLY_SERIOUS", false);
    AccountabilityRecord principal = records.findByParentIdOrderById(record(unitCase).getId()).stream()
        .filter(x -> x.getSubjectId().equals("zhaoxz")).findFirst().orElseThrow();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(principal.getProcessInstanceId())
        .singleResult();
    assertThat(runtime.getVariable(pi.getId(), "approverGroup")).isEqualTo("organization-department");
    assertThat(runtime.getVariable(pi.getId(), "competentLeaderName")).isEqualTo("组织部");
    complete(pi, "assessFault", "xiaoneng", Map.of("severity", "GENERAL", "directResponsibility", false,
        "facts", "对分管领域督办事项跟踪不力"));
    Task approval = task(pi, "approveMeasure");
    assertThat(approval.getAssignee()).as("no leader of the county approves his own measure").isNull();
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).taskCandidateGroup("organization-department").count())
        .isOne();
    // the organisation department finds the task and the procedure, and decides
    authenticate("zuzhi");
    try {
      assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isOne();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
    } finally {
      identity.clearAuthentication();
    }
    complete(pi, "approveMeasure", "zuzhi", Map.of("approvalDecision", "APPROVE"));
    AccountabilityRecord decided = records.findById(principal.getId()).orElseThrow();
    assertThat(decided.getStatus()).isEqualTo(AccountabilityStatus.NOTIFIED);
    assertThat(decided.getApproved().by()).isEqualTo("zuzhi");
  }

  // ------------------------------------------------------------------ R13 the bar on the head's post

  @Test
  @DisplayName("R13 while its unit rectifies, the head's transfer or promotion is refused through the API (403), and the bar shows on the dashboard and in the assessment; lifted once accepted")
  void headOfARectifyingUnitKeepsThePost() throws Exception {
    String unit = newUnit();
    String other = newUnit();
    String head = unit + "-head";
    ProcessInstance unitCase = startFromCase("UNIT:" + unit, newCaseNumber());
    assess(unitCase, "SERIOUS", false);
    approveAcceptAndFinish(unitCase, unit + "-handler");
    assertThat(record(unitCase).underRectification()).isTrue();

    Http http = new Http(port);
    HttpResponse<String> transfer = http.send("PUT", "/api/people/" + head + "/post",
        "{\"unit\": \"" + other + "\"}", "admin");
    assertThat(transfer.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(transfer.body()).path("detail").asText())
        .contains("不能调整该人员的岗位", "测试单位" + unit + "正在整改", "不得调动或提拔");
    HttpResponse<String> promotion = http.send("PUT", "/api/people/" + head + "/post",
        "{\"title\": \"副县长\", \"roles\": [\"LEADER\"]}", "admin");
    assertThat(promotion.statusCode()).isEqualTo(403);
    assertThat(people.findById(head).orElseThrow().getUnitCode()).isEqualTo(unit);
    assertThat(people.findById(head).orElseThrow().getTitle()).isEqualTo("局长");
    assertThat(identity.createUserQuery().userId(head).memberOfGroup("unit-" + unit).count()).isOne();
    assertThat(http.send("PUT", "/api/people/" + head + "/post", "{\"unit\": \"" + other + "\"}", "ducha")
        .statusCode()).as("only administrators change posts").isEqualTo(403);
    // another person of the unit may move
    assertThat(http.send("PUT", "/api/people/" + unit + "-handler/post", "{\"title\": \"副科长\"}", "admin")
        .statusCode()).isEqualTo(200);

    // where the decisions are made: the dashboard and the person in the assessment
    JsonNode board = JSON.readTree(http.get("/api/dashboard", "zuzhi").body());
    assertThat(board.path("rectifyingUnits").findValuesAsText("unit")).contains(unit);
    JsonNode rectifying = JSON.readTree(http.get("/api/dashboard", "ducha").body()).path("rectifyingUnits");
    assertThat(rectifying.findValuesAsText("unit")).contains(unit);
    assertThat(rectifying.findValuesAsText("bar")).anyMatch(t -> t.contains("不得调动或提拔"));
    assertThat(JSON.readTree(http.get("/api/dashboard", "zjj-lin").body()).path("rectifyingUnits")
        .findValuesAsText("unit")).as("another unit's handler does not see it").doesNotContain(unit);
    assertThat(reports.postBar(head)).contains("整改期间不得调动或提拔", "测试单位" + unit);
    assertThat(reports.postBar(unit + "-handler")).isEmpty();

    // the rectification accepted: the bar is lifted and the transfer goes through, memberships following
    complete(unitCase, "submitRectification", unit + "-handler", Map.of("rectificationReport", "已逐项整改"));
    complete(unitCase, "reviewRectification", "xiaoneng", Map.of("rectificationAccepted", "true"));
    assertThat(reports.postBar(head)).isEmpty();
    HttpResponse<String> moved = http.send("PUT", "/api/people/" + head + "/post",
        "{\"unit\": \"" + other + "\"}", "admin");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(people.findById(head).orElseThrow().getUnitCode()).isEqualTo(other);
    assertThat(identity.createUserQuery().userId(head).memberOfGroup("unit-" + unit).count()).isZero();
    assertThat(identity.createUserQuery().userId(head).memberOfGroup("unit-" + other).count()).isOne();
  }

  // ------------------------------------------------------------------ R14 approval and appeal

  @Test
  @DisplayName("R14 the competent leader changes the measure with a reason; without one, or to a unit's measure for a person, it is refused")
  void approvalWithAChangedMeasure() {
    String person = newPerson(newUnit());
    ProcessInstance pi = startFromCase("PERSON:" + person, newCaseNumber());
    assess(pi, "GENERAL", true);
    assertThatThrownBy(() -> complete(pi, "approveMeasure", "wangfxz",
        Map.of("approvalDecision", "CHANGE", "changedMeasure", "CIRCULATED_CRITICISM")))
        .isInstanceOf(InputException.class).hasMessageContaining("改变处理意见的理由");
    assertThatThrownBy(() -> complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "CHANGE",
        "changedMeasure", "UNIT_INTERVIEW", "changeReason", "x")))
        .isInstanceOf(InputException.class).hasMessageContaining("不适用于个人");
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "CHANGE",
        "changedMeasure", "CIRCULATED_CRITICISM", "changeReason", "造成群众投诉，影响恶劣"));
    respond(pi, person, "ACCEPT", null);
    finish(pi);

    AccountabilityRecord r = record(pi);
    assertThat(r.getProposedMeasure()).isEqualTo(Measure.REPRIMAND);
    assertThat(r.getFinalMeasure()).isEqualTo(Measure.CIRCULATED_CRITICISM);
    assertThat(r.getApproved().comment()).isEqualTo("造成群众投诉，影响恶劣");
    assertThat(r.getApproved().by()).isEqualTo("wangfxz");
    assertThat(bookings(r)).containsExactly("CIRCULATED_CRITICISM " + person + " -2");
  }

  @Test
  @DisplayName("R14 an appeal upheld revokes the measure: nothing is booked")
  void appealUpheld() {
    String person = newPerson(newUnit());
    ProcessInstance pi = notified("PERSON:" + person, "GENERAL");
    respond(pi, person, "APPEAL", "事出有因，已及时报告");
    assertThat(record(pi).getStatus()).isEqualTo(AccountabilityStatus.APPEALED);
    complete(pi, "reviewAppeal", "xiaoneng", Map.of("appealDecision", "UPHELD", "appealReview", "查明属实，不予问责"));

    AccountabilityRecord r = record(pi);
    assertThat(r.getStatus()).isEqualTo(AccountabilityStatus.REVOKED);
    assertThat(r.getAppealUpheld()).isTrue();
    assertThat(bookings(r)).isEmpty();
    assertThat(pi).isEnded();
    assertThat(consequences.gradeCaps(person, 2026).excellentBarred()).isFalse();
  }

  @Test
  @DisplayName("R14 an appeal upheld in part puts a lighter measure in place, which becomes final")
  void appealLightened() {
    String person = newPerson(newUnit());
    ProcessInstance pi = notified("PERSON:" + person, "SERIOUS");
    respond(pi, person, "APPEAL", "已主动整改");
    assertThatThrownBy(() -> complete(pi, "reviewAppeal", "xiaoneng", Map.of("appealDecision", "UPHELD",
        "revisedMeasure", "UNIT_INTERVIEW", "appealReview", "x")))
        .isInstanceOf(InputException.class).hasMessageContaining("不适用于个人");
    complete(pi, "reviewAppeal", "xiaoneng", Map.of("appealDecision", "UPHELD",
        "revisedMeasure", "ORDERED_SELF_EXAMINATION", "appealReview", "有主动整改情节，从轻处理"));
    finish(pi);
    AccountabilityRecord r = record(pi);
    assertThat(r.getApprovedMeasure()).isEqualTo(Measure.ADMONISHMENT_TALK);
    assertThat(r.getFinalMeasure()).isEqualTo(Measure.ORDERED_SELF_EXAMINATION);
    assertThat(bookings(r)).containsExactly("ORDERED_SELF_EXAMINATION " + person + " -1");
  }

  @Test
  @DisplayName("R14 an appeal rejected leaves the measure, which becomes final")
  void appealRejected() {
    String person = newPerson(newUnit());
    ProcessInstance pi = notified("PERSON:" + person, "SERIOUS");
    respond(pi, person, "APPEAL", "处理过重");
    complete(pi, "reviewAppeal", "xiaoneng", Map.of("appealDecision", "REJECTED", "appealReview", "事实清楚，处理适当"));
    finish(pi);
    AccountabilityRecord r = record(pi);
    assertThat(r.getStatus()).isEqualTo(AccountabilityStatus.FINAL);
    assertThat(r.getAppealUpheld()).isFalse();
    assertThat(r.getFinalMeasure()).isEqualTo(Measure.ADMONISHMENT_TALK);
  }

  @Test
  @DisplayName("R14 a final record does not change")
  void finalIsImmutable() {
    String person = newPerson(newUnit());
    ProcessInstance pi = notified("PERSON:" + person, "GENERAL");
    fire(pi, "appealWindowLapsed");
    finish(pi);
    AccountabilityRecord r = record(pi);
    assertThatThrownBy(() -> r.approve(Measure.TRANSFER, Decision.of("wangfxz", java.time.Instant.now(), "事后更改")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot change");
  }

  // ------------------------------------------------------------------ the efficiency office's own start

  @Test
  @DisplayName("R11 the efficiency office starts accountability from Tasklist after a mystery inspection")
  void startedByTheEfficiencyOffice() {
    String unit = newUnit();
    authenticate("xiaoneng");
    ProcessInstance pi;
    try {
      String id = repository.createProcessDefinitionQuery().processDefinitionKey("accountability").latestVersion()
          .singleResult().getId();
      assertThatThrownBy(() -> forms.submitStartForm(id, Map.of("subjectType", "UNIT", "trigger", "MYSTERY_INSPECTION",
          "description", "窗口无人值守")))
          .isInstanceOf(InputException.class).hasMessageContaining("subjectUnit");
      pi = forms.submitStartForm(id, Map.of("subjectType", "UNIT", "subjectUnit", unit,
          "trigger", "MYSTERY_INSPECTION", "description", "明查暗访发现窗口工作时间无人值守"));
    } finally {
      identity.clearAuthentication();
    }
    AccountabilityRecord r = record(pi);
    assertThat(r.getTrigger()).isEqualTo(Trigger.MYSTERY_INSPECTION);
    assertThat(r.getOpenedBy()).isEqualTo("xiaoneng");
    assertThat(r.getSourceCase()).isNull();
    assertThat(r.getCompetentLeader()).as("without a case, the principal leader approves").isEqualTo("zhaoxz");
    assertThat(pi).isWaitingAt("assessFault");
    // approved by the principal leader is not the principal leader's own assignment: nothing is traced
    complete(pi, "assessFault", "xiaoneng", Map.of("severity", "GENERAL", "facts", "窗口无人值守30分钟"));
    assertThat(records.findByParentIdOrderById(r.getId())).isEmpty();
    assertThat(pi).isWaitingAt("approveMeasure");
  }

  // ------------------------------------------------------------------ helpers

  private String newUnit() {
    String code = "t" + SEQUENCE.incrementAndGet();
    organization.addUnit(code, "测试单位" + code);
    organization.addPerson(code + "-head", "负责人" + code, "局长", code, EnumSet.of(Role.UNIT_HEAD), "test-password");
    organization.addPerson(code + "-handler", "经办人" + code, "科员", code, EnumSet.of(Role.HANDLER), "test-password");
    return code;
  }

  private String newPerson(String unit) {
    String id = unit + "-p" + SEQUENCE.incrementAndGet();
    organization.addPerson(id, "责任人" + id, "科长", unit, EnumSet.of(Role.HANDLER), "test-password");
    return id;
  }

  private static String newCaseNumber() {
    return "督〔2026〕" + (900 + SEQUENCE.incrementAndGet()) + "号";
  }

  private static Map<String, Object> callVariables(String subject, String caseNumber) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("subject", subject);
    vars.put("trigger", "RED_LIMIT_LAPSED");
    vars.put("sourceCase", caseNumber);
    vars.put("sourceTitle", "城区老旧小区改造");
    vars.put("description", "限期具结时限届满仍未办结");
    vars.put("caseLeader", "wangfxz");
    return vars;
  }

  /** As the supervision case's call activity starts it. */
  private ProcessInstance startFromCase(String subject, String caseNumber) {
    return runtime.startProcessInstanceByKey("accountability", caseNumber, callVariables(subject, caseNumber));
  }

  private void assess(ProcessInstance pi, String severity, boolean direct) {
    complete(pi, "assessFault", "xiaoneng", Map.of("severity", severity, "directResponsibility", direct,
        "facts", "经调查，未按期办结且未说明理由"));
  }

  private ProcessInstance notified(String subject, String severity) {
    ProcessInstance pi = startFromCase(subject, newCaseNumber());
    assess(pi, severity, true);
    if (hasTask(pi, "decideSanction")) {
      complete(pi, "decideSanction", "jijian", Map.of("sanction", "NONE", "sanctionReason", "情节尚不需要处分"));
    }
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    return pi;
  }

  private void approveAcceptAndFinish(ProcessInstance pi, String responder) {
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    respond(pi, responder, "ACCEPT", null);
    finish(pi);
  }

  private void respond(ProcessInstance pi, String user, String response, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("response", response);
    if (reason != null) {
      form.put("appealReason", reason);
    }
    complete(pi, "respondToNotice", user, form);
  }

  /** The final step runs as a job of its own; the test executes it. */
  private void finish(ProcessInstance pi) {
    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("makeMeasureFinal").singleResult();
    assertThat(job).as("the final step's job").isNotNull();
    management.executeJob(job.getId());
  }

  private AccountabilityRecord record(ProcessInstance pi) {
    return records.findByProcessInstanceId(pi.getId()).orElseThrow();
  }

  private List<String> bookings(AccountabilityRecord r) {
    return ledger.findBySourceTypeAndSourceIdOrderById(AccountabilityService.LEDGER_SOURCE, r.getId().toString())
        .stream().map(e -> e.getRule() + " " + e.getSubjectId() + " " + e.getPoints().stripTrailingZeros().toPlainString())
        .toList();
  }
}
