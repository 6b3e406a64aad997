package cn.duban.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.Http;
import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.common.InputException;
import cn.duban.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

/** complaint-investigation.bpmn, one test per path (R15–R19). */
class ComplaintProcessTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Autowired ComplaintRepository complaints;
  @Autowired ComplaintService service;
  @Autowired AccountabilityRecordRepository accountability;

  // ------------------------------------------------------------------ R15 intake

  @Test
  @DisplayName("R15 the complaint desk registers a hotline complaint: a tracking code, the business key, a routing task")
  void registration() {
    ProcessInstance pi = fileComplaint(complaintForm());
    Complaint c = complaint(pi);
    assertThat(c.getTrackingCode()).matches("TS[A-Z2-9]{10}").isEqualTo(pi.getBusinessKey());
    assertThat(c.getChannel()).isEqualTo(Channel.HOTLINE);
    assertThat(c.getReceivedBy()).isEqualTo("tousu");
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(pi).isWaitingAt("routeComplaint");
    assertThat(tasks.createTaskQuery().taskId(task(pi, "routeComplaint").getId())
        .taskCandidateGroup("complaint-desk").count()).isOne();
  }

  @Test
  @DisplayName("R15 an anonymous complaint is accepted and keeps no name")
  void anonymous() {
    Map<String, Object> form = complaintForm();
    form.put("anonymous", true);
    form.remove("complainantContact");
    Complaint c = complaint(fileComplaint(form));
    assertThat(c.isAnonymous()).isTrue();
    assertThat(c.getComplainantName()).isNull();
    assertThat(c.reachable()).isFalse();
  }

  @Test
  @DisplayName("R15 empty content, an unknown unit and an over-long text are refused, and nothing is stored")
  void badIntake() {
    long before = complaints.count();
    Map<String, Object> empty = complaintForm();
    empty.put("content", "   ");
    assertThatThrownBy(() -> fileComplaint(empty)).isInstanceOf(InputException.class)
        .hasMessageContaining("请填写投诉内容（content）");
    Map<String, Object> unknown = complaintForm();
    unknown.put("unitCode", "nosuch");
    assertThatThrownBy(() -> fileComplaint(unknown)).isInstanceOf(InputException.class)
        .hasMessageContaining("单位“nosuch”不存在（unitCode）");
    Map<String, Object> tooLong = complaintForm();
    tooLong.put("content", "长".repeat(ComplaintService.CONTENT_MAX + 1));
    assertThatThrownBy(() -> fileComplaint(tooLong)).isInstanceOf(InputException.class)
        .hasMessageContaining("投诉内容不能超过2000个字（content）");
    assertThat(complaints.count()).isEqualTo(before);
  }

  // ------------------------------------------------------------------ R16 routing

  @Test
  @DisplayName("R16 转办: transferred to the competent authority, the complainant told, the case closed")
  void transferred() {
    ProcessInstance pi = fileComplaint(complaintForm());
    assertThatThrownBy(() -> route(pi, "TRANSFER", Map.of())).isInstanceOf(InputException.class)
        .hasMessageContaining("请填写转办机关（transferredTo）");
    route(pi, "TRANSFER", Map.of("transferredTo", "县市场监督管理局"));
    Complaint c = complaint(pi);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.TRANSFERRED);
    assertThat(c.getReply()).contains("转交县市场监督管理局");
    assertThat(service.events(c.getId())).extracting(ComplaintEvent::getKind)
        .containsExactly(ComplaintEvent.Kind.TRANSFER_NOTICE);
    assertThat(pi).isEnded();
  }

  @Test
  @DisplayName("R16 R17 直办: the efficiency office investigates within 13 working days; not true; replied, followed up, closed with nothing booked")
  void directNotTrue() {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "DIRECT", Map.of());
    Task investigate = task(pi, "investigate");
    assertThat(tasks.createTaskQuery().taskId(investigate.getId()).taskCandidateGroup("efficiency-office").count())
        .isOne();
    // received Monday 2 March: 13 working days from the next day end on Thursday 19 March
    assertThat(investigate.getDueDate()).isEqualTo(at(LocalDateTime.of(2026, 3, 19, 23, 59, 59)));
    assertThat(findTimer(pi, "urgingDue")).as("no urging for 直办").isEmpty();

    investigate(pi, "investigate", "xiaoneng", "NOT_TRUE", null);
    reply(pi, "replyToComplainant");
    assertThat(complaint(pi).getStatus()).isEqualTo(ComplaintStatus.REPLIED);
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true", "followUpNote", "投诉人表示理解"));

    Complaint c = complaint(pi);
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(c.getFinding()).isEqualTo(Finding.NOT_TRUE);
    assertThat(c.getSatisfied()).isTrue();
    assertThat(service.ledgerOf(c)).isEmpty();
    assertThat(pi).isEnded();
  }

  @Test
  @DisplayName("R16 R17 R19 交办: the unit investigates, is reminded before the limit, finds it true; a valid complaint booked against unit and official, then accountability")
  void assignedTrueWithAccountability() {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "ASSIGN", Map.of());
    assertThat(tasks.createTaskQuery().taskId(task(pi, "investigate").getId()).taskCandidateGroup("unit-zjj").includeAssignedTasks().count())
        .isOne();
    // two working days before the limit: the end of Tuesday 17 March
    assertThat(timer(pi, "reminderDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 17, 23, 59, 59)));
    fire(pi, "reminderDue");
    assertThat(service.events(complaint(pi).getId())).extracting(ComplaintEvent::getKind)
        .containsExactly(ComplaintEvent.Kind.REMINDER);

    investigate(pi, "investigate", "zjj-lin", "TRUE", "zjj-lin");
    reply(pi, "replyToComplainant");
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true"));

    Complaint c = complaint(pi);
    assertThat(c.getOfficialPerson()).isEqualTo("zjj-lin");
    assertThat(bookings(c)).containsExactly("VALID_COMPLAINT zjj -1", "VALID_COMPLAINT zjj-lin -2");
    assertThat(pi).isWaitingAt("decideAccountability");
    complete(pi, "decideAccountability", "xiaoneng", Map.of("startAccountability", "true"));
    ProcessInstance procedure = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(procedure).isWaitingAt("assessFault");
    assertThat(accountability.findByProcessInstanceId(procedure.getId())).hasValueSatisfying(r -> {
      assertThat(r.getSubjectId()).isEqualTo("zjj-lin");
      assertThat(r.getTrigger().name()).isEqualTo("VALID_COMPLAINT");
      assertThat(r.getDescription()).contains(c.getTrackingCode(), "属实");
    });
  }

  @Test
  @DisplayName("R19 a valid complaint without accountability: the efficiency office declines, the complaint is closed")
  void validWithoutAccountability() {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "ASSIGN", Map.of());
    investigate(pi, "investigate", "zjj-lin", "PARTLY_TRUE", null);
    reply(pi, "replyToComplainant");
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true"));
    assertThat(bookings(complaint(pi))).containsExactly("VALID_COMPLAINT zjj -1");
    complete(pi, "decideAccountability", "xiaoneng", Map.of("startAccountability", "false", "accountabilityNote", "已整改"));
    assertThat(pi).isEnded();
  }

  @Test
  @DisplayName("R17 督办: a reminder, the urging notice when the limit lapses, and five working days later a circulated criticism booked against the unit")
  void supervisedTimerChain() {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "SUPERVISE", Map.of("handlingUnit", "zjj"));
    assertThat(pi).isWaitingAt("investigateSupervised");
    assertThat(timer(pi, "urgingDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 19, 23, 59, 59)));
    assertThat(timer(pi, "criticismDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 3, 26, 23, 59, 59)));

    fire(pi, "supervisedReminderDue");
    fire(pi, "urgingDue");
    Complaint c = complaint(pi);
    assertThat(service.events(c.getId())).extracting(ComplaintEvent::getKind)
        .containsExactly(ComplaintEvent.Kind.REMINDER, ComplaintEvent.Kind.URGING_NOTICE);
    assertThat(service.events(c.getId()).get(1).getText()).contains("催办通知书", "已超过办理时限");
    assertThat(bookings(c)).isEmpty();
    // the urging notice as a printable page, for the unit it urges and the offices
    Http http = new Http(port);
    String page = http.get("/api/complaints/" + c.getTrackingCode() + "/urging-notice", "zjj-lin").body();
    assertThat(page).contains("投诉办理催办通知书", c.getTrackingCode(), "县住房和城乡建设局", "原办理时限");
    assertThat(http.get("/api/complaints/" + c.getTrackingCode() + "/urging-notice", "tousu").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/complaints/" + c.getTrackingCode() + "/urging-notice", "jtj-xu").statusCode())
        .isEqualTo(403);

    fire(pi, "criticismDue");
    assertThat(service.events(c.getId())).extracting(ComplaintEvent::getKind).contains(ComplaintEvent.Kind.CIRCULATED_CRITICISM);
    assertThat(bookings(c)).containsExactly("HANDLING_CRITICISM zjj -2");
    assertThat(pi).isWaitingAt("investigateSupervised");
    investigate(pi, "investigateSupervised", "zjj-lin", "NOT_TRUE", null);
    assertThat(pi).isWaitingAt("replyToComplainant");
  }

  // ------------------------------------------------------------------ R18 reply, follow-up, re-investigation

  @Test
  @DisplayName("R18 a dissatisfied complainant gets one re-investigation by another handler; its finding stands, and the case closes")
  void reinvestigation() {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "DIRECT", Map.of());
    investigate(pi, "investigate", "xiaoneng", "NOT_TRUE", null);
    reply(pi, "replyToComplainant");
    complete(pi, "followUp", "tousu", Map.of("satisfied", "false", "followUpNote", "投诉人不认可调查结论"));
    assertThat(complaint(pi).getStatus()).isEqualTo(ComplaintStatus.REINVESTIGATING);
    assertThat(pi).isWaitingAt("reinvestigate");
    assertThat(tasks.createTaskQuery().taskId(task(pi, "reinvestigate").getId())
        .taskCandidateGroup("efficiency-office").count()).isOne();

    assertThatThrownBy(() -> investigate(pi, "reinvestigate", "xiaoneng", "PARTLY_TRUE", null))
        .isInstanceOf(InputException.class).hasMessageContaining("原承办人以外");
    investigate(pi, "reinvestigate", "xiaoneng2", "PARTLY_TRUE", null);
    reply(pi, "replyAgain");

    Complaint c = complaint(pi);
    assertThat(c.getFinding()).isEqualTo(Finding.PARTLY_TRUE);
    assertThat(c.isReinvestigated()).isTrue();
    assertThat(service.investigations(c.getId())).extracting(i -> i.getRound() + " " + i.getHandler() + " " + i.getFinding())
        .containsExactly("1 xiaoneng NOT_TRUE", "2 xiaoneng2 PARTLY_TRUE");
    assertThat(bookings(c)).containsExactly("VALID_COMPLAINT zjj -1");
    assertThat(pi).isWaitingAt("decideAccountability");
  }

  @Test
  @DisplayName("R18 an anonymous complainant without contact is answered on the status page; there is no follow-up visit")
  void anonymousWithoutFollowUp() {
    Map<String, Object> form = complaintForm();
    form.put("anonymous", true);
    form.remove("complainantContact");
    ProcessInstance pi = fileComplaint(form);
    route(pi, "DIRECT", Map.of());
    investigate(pi, "investigate", "xiaoneng", "NOT_TRUE", null);
    reply(pi, "replyToComplainant");
    assertThat(complaint(pi).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(complaint(pi).getReply()).isNotBlank();
    assertThat(pi).isEnded();
  }

  // ------------------------------------------------------------------ R19 consequences

  @Test
  @DisplayName("R19 two valid complaints in a year against a person bar 称职 and better; one does not")
  void twoValidComplaintsCapTheGrade() {
    long before = service.validComplaintsAgainst("zjj-he", 2026);
    assertThat(before).isZero();
    closeValidAgainst("zjj-he");
    assertThat(service.competentBarred("zjj-he", 2026)).isFalse();
    closeValidAgainst("zjj-he");
    assertThat(service.validComplaintsAgainst("zjj-he", 2026)).isEqualTo(2);
    assertThat(service.competentBarred("zjj-he", 2026)).isTrue();
    assertThat(service.competentBarred("zjj-he", 2025)).as("another year").isFalse();
  }

  private void closeValidAgainst(String person) {
    ProcessInstance pi = fileComplaint(complaintForm());
    route(pi, "ASSIGN", Map.of());
    investigate(pi, "investigate", "zjj-lin", "TRUE", person);
    reply(pi, "replyToComplainant");
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true"));
  }

  // ------------------------------------------------------------------ helpers

  private void route(ProcessInstance pi, String routing, Map<String, Object> more) {
    Map<String, Object> form = new HashMap<>(more);
    form.put("routing", routing);
    complete(pi, "routeComplaint", "tousu", form);
  }

  private void investigate(ProcessInstance pi, String task, String user, String finding, String official) {
    Map<String, Object> form = new HashMap<>();
    form.put("finding", finding);
    form.put("evidence", "调取窗口监控、询问当事人，核实情况");
    form.put("proposedReply", "经调查，情况已核实，已责令整改。");
    if (official != null) {
      form.put("officialPerson", official);
    }
    complete(pi, task, user, form);
  }

  private void reply(ProcessInstance pi, String task) {
    complete(pi, task, "tousu", Map.of("reply", "您反映的问题已调查核实，处理情况如下：已责令整改并向您致歉。"));
  }

  private Complaint complaint(ProcessInstance pi) {
    return complaints.findByTrackingCode(pi.getBusinessKey()).orElseThrow();
  }

  private List<String> bookings(Complaint c) {
    return service.ledgerOf(c).stream()
        .map(e -> e.getRule() + " " + e.getSubjectId() + " " + e.getPoints().stripTrailingZeros().toPlainString())
        .toList();
  }
}
