package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.common.InputException;
import cn.duban.dashboard.Dashboard;
import cn.duban.notice.NoticeKind;
import cn.duban.organization.InstructionReaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R28: leaders' instructions, on the process, through the forms and the API. */
class LeaderInstructionTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired LeaderFeedbackRepository feedback;
  @Autowired cn.duban.message.MessageOutbox messageOutbox;
  @Autowired FeedbackSheetRepository sheets;
  @Autowired InstructionReaders readers;
  @Autowired FilterService filters;
  @Autowired Dashboard dashboard;
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void noSecretaries() {
    readers.nameSecretary("wangfxz", null);
    readers.nameSecretary("zhaoxz", null);
  }

  /** The registration form of an instruction by {@code leader}, as the office fills it in. */
  static Map<String, Object> instructionForm(String leader) {
    Map<String, Object> form = registrationForm();
    form.put("source", "LEADER_INSTRUCTION");
    form.put("instructingLeader", leader);
    form.put("instructionText", "老旧小区改造是民生实事，请住建局牵头，3月底前全部开工，办理情况及时报我。");
    form.put("instructionNumber", "县政府办批〔2026〕12号");
    form.put("instructionDate", "2026-02-27");
    return form;
  }

  private List<String> steps(SupervisionCase c) {
    return feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId()).stream().map(f -> f.getStep().name()).toList();
  }

  @Test
  @DisplayName("R28 a case from 领导批示 carries the instructing leader, the text, the number and date; each missing one is refused by its field and nothing is stored")
  void instructionRequired() {
    long before = cases.count();
    for (String field : List.of("instructingLeader", "instructionText", "instructionNumber", "instructionDate")) {
      Map<String, Object> form = instructionForm("wangfxz");
      form.remove(field);
      assertThatThrownBy(() -> register(form)).isInstanceOf(InputException.class)
          .extracting(e -> ((InputException) e).field()).isEqualTo(field);
    }
    Map<String, Object> notALeader = instructionForm("zjj-lin");
    assertThatThrownBy(() -> register(notALeader)).hasMessageContaining("不是县领导，不能作为批示领导");
    Map<String, Object> future = instructionForm("wangfxz");
    future.put("instructionDate", "2026-03-03");
    assertThatThrownBy(() -> register(future)).hasMessageContaining("批示日期不能晚于今天");
    assertThat(cases.count()).isEqualTo(before);

    SupervisionCase c = caseOf(register(instructionForm("wangfxz")));
    assertThat(c.getSource()).isEqualTo(CaseSource.LEADER_INSTRUCTION);
    assertThat(c.getInstruction().getLeader()).isEqualTo("wangfxz");
    assertThat(c.getInstruction().getDocumentNumber()).isEqualTo("县政府办批〔2026〕12号");
    assertThat(c.getInstruction().getDate()).hasToString("2026-02-27");
    assertThat(c.getInstruction().getText()).startsWith("老旧小区改造是民生实事");
    // another source takes no instruction, whatever a client sends
    Map<String, Object> assignment = instructionForm("wangfxz");
    assignment.put("source", "LEADER_ASSIGNMENT");
    ProcessInstance other = register(assignment);
    assertThat(caseOf(other).getInstruction()).isNull();
    assertThat(runtime.getVariable(other.getId(), "instructingLeader")).isNull();
    assertThat(steps(caseOf(other))).isEmpty();
  }

  @Test
  @DisplayName("R28 the instructing leader is told of every stage: registered, signed for, progress, extension, yellow, red, closure; the feedback sheet is issued at closure and linked in the case's record")
  void leaderToldOfEveryStage() {
    ProcessInstance pi = register(instructionForm("wangfxz"));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.GREEN);
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "12个小区已开工8个"));
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION", "extensionDeadline", "2026-03-27",
        "extensionReason", "雨季影响施工"));
    complete(pi, "decideExtension", "wangfxz", Map.of("extensionApproved", "false", "extensionComment", "按期完成"));
    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.RED);
    submitClosure(pi);
    accept(pi, false);

    assertThat(steps(c)).containsExactly("REGISTERED", "SIGNED_FOR", "PROGRESS", "EXTENSION_REQUESTED",
        "EXTENSION_DECIDED", "YELLOW_NOTICE", "RED_NOTICE", "CLOSURE_SUBMITTED", "CLOSED", "FEEDBACK_SHEET");
    List<LeaderFeedback> told = feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId());
    assertThat(told).allSatisfy(f -> {
      assertThat(f.getLeader()).isEqualTo("wangfxz");
      // R33: each step is handed to the messages as it happens
      assertThat(f.getNotifiedAt()).isEqualTo(f.getHappenedAt());
    });
    assertThat(messageOutbox.eventKeys(cn.duban.message.MessageType.INSTRUCTION_STAGE))
        .contains("instruction:" + c.getId() + ":REGISTERED", "instruction:" + c.getId() + ":CLOSED");
    assertThat(told.get(0).getMessage()).contains(c.getCaseNumber(), "县住房和城乡建设局");
    assertThat(told.get(2).getMessage()).contains("12个小区已开工8个");
    assertThat(told.get(5).getMessage()).contains("限期催办单");

    List<FeedbackSheet> issued = sheets.findByCaseIdOrderBySequence(c.getId());
    assertThat(issued).hasSize(1);
    FeedbackSheet sheet = issued.get(0);
    assertThat(sheet.getOccasion()).isEqualTo(FeedbackSheet.Occasion.CLOSURE);
    assertThat(sheet.getAddressee()).isEqualTo("王建国副县长");
    assertThat(sheet.getInstruction()).contains("县政府办批〔2026〕12号", "老旧小区改造是民生实事");
    assertThat(sheet.getWorkDone()).contains("12个小区已开工8个", "报送办结报告", "验收通过");
    assertThat(sheet.getState()).contains("已办结", "红灯");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("caseHistory")
        .singleResult().getValue().toString()).contains("呈报督办反馈单（第1期，办结反馈）", "/api/cases/" + c.getId() + "/feedback-sheets/1");
  }

  private void returnCase(ProcessInstance pi, String reason, String text) {
    Map<String, Object> form = new java.util.HashMap<>();
    form.put("signForAction", "RETURN");
    form.put("returnReason", reason);
    form.put("returnReasonText", text);
    complete(pi, "signFor", "zjj-lin", form);
  }

  @Test
  @DisplayName("R28 R30 the instructing leader is told of a return, the office's decision to reassign, the reassignment and the new unit's signing for; after a reassignment at any time the second unit's sign-for is told too")
  void leaderToldOfReturnAndReassignment() throws Exception {
    ProcessInstance pi = register(instructionForm("wangfxz"));
    SupervisionCase c = caseOf(pi);
    returnCase(pi, "NOT_OUR_DUTY", "道路部分应由交通局牵头");
    setClock(LocalDateTime.of(2026, 3, 3, 10, 0));
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "REASSIGN", "newLeadUnit", "jtj",
        "newResponsiblePerson", "jtj-xu", "returnDecisionComment", "道路改造属交通局职责，改由交通局牵头"));
    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));

    assertThat(steps(c)).containsExactly("REGISTERED", "RETURNED", "RETURN_DECIDED", "REASSIGNED", "SIGNED_FOR");
    List<LeaderFeedback> told = feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId());
    assertThat(told.get(1).getMessage()).contains("县住房和城乡建设局申请退办", "职责不符", "道路部分应由交通局牵头");
    assertThat(told.get(2).getMessage()).contains("同意县住房和城乡建设局退办", "改由交通局牵头");
    assertThat(told.get(3).getMessage()).contains("由县住房和城乡建设局改派县交通运输局牵头办理", "徐丽");
    assertThat(told.get(4).getMessage()).contains("县交通运输局已签收");

    // a second reassignment of a case already signed for: the third unit's signing for is not a repeat
    setClock(LocalDateTime.of(2026, 3, 4, 10, 0));
    HttpResponse<String> again = http.post("/api/cases/" + c.getId() + "/reassignment", "{\"newLeadUnit\":\"zjj\","
        + "\"newResponsiblePerson\":\"zjj-lin\",\"reassignmentReason\":\"县政府调整分工，仍由住建局牵头\"}", "ducha");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    complete(pi, "signFor", "zjj-lin", Map.of("signConfirmed", true));
    assertThat(steps(c)).containsExactly("REGISTERED", "RETURNED", "RETURN_DECIDED", "REASSIGNED", "SIGNED_FOR",
        "REASSIGNED", "SIGNED_FOR");
    assertThat(feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId()).get(6).getMessage())
        .contains("县住房和城乡建设局已签收");
  }

  @Test
  @DisplayName("R28 R30 the instructing leader is told when the office insists on a return, and that it was found unjustified")
  void leaderToldOfInsistedReturn() {
    ProcessInstance pi = register(instructionForm("wangfxz"));
    SupervisionCase c = caseOf(pi);
    returnCase(pi, "HANDLED_ELSEWHERE", "该事项已由发改局办理");
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", true,
        "returnDecisionComment", "老旧小区改造属住建局职责"));
    signFor(pi);
    assertThat(steps(c)).containsExactly("REGISTERED", "RETURNED", "RETURN_DECIDED", "SIGNED_FOR");
    assertThat(feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId()).get(2).getMessage())
        .contains("退办理由不成立", "维持由县住房和城乡建设局承办", "老旧小区改造属住建局职责");
  }

  @Test
  @DisplayName("R28 R30 a feedback sheet lists returns and reassignments in the order they happened and prints the unit and person of the day it was issued, not of today")
  void sheetKeepsItsDay() throws Exception {
    ProcessInstance pi = register(instructionForm("wangfxz"));
    SupervisionCase c = caseOf(pi);
    signFor(pi);
    HttpResponse<String> first = http.post("/api/cases/" + c.getId() + "/feedback-sheets", "", "ducha");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

    setClock(LocalDateTime.of(2026, 3, 4, 10, 0));
    HttpResponse<String> moved = http.post("/api/cases/" + c.getId() + "/reassignment", "{\"newLeadUnit\":\"jtj\","
        + "\"newResponsiblePerson\":\"jtj-xu\",\"reassignmentReason\":\"县政府调整分工，改由交通局牵头\"}", "ducha");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    HttpResponse<String> second = http.post("/api/cases/" + c.getId() + "/feedback-sheets", "", "ducha");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);

    String page1 = http.get("/api/cases/" + c.getId() + "/feedback-sheets/1", "wangfxz").body();
    assertThat(page1).contains("县住房和城乡建设局", "林晓东").doesNotContain("县交通运输局", "徐丽");
    String page2 = http.get("/api/cases/" + c.getId() + "/feedback-sheets/2", "wangfxz").body();
    assertThat(page2).contains("县交通运输局", "徐丽");

    FeedbackSheet sheet = sheets.findByCaseIdOrderBySequence(c.getId()).get(1);
    assertThat(sheet.getWorkDone().lines().toList()).containsExactly(
        "2026年3月2日 立项" + c.getCaseNumber() + "，交县住房和城乡建设局牵头办理",
        "2026年3月2日 县住房和城乡建设局已签收（林晓东）",
        "2026年3月4日 改派县交通运输局牵头办理，责任人徐丽（原承办单位县住房和城乡建设局，理由：县政府调整分工，改由交通局牵头）",
        "2026年3月4日 县交通运输局已签收（徐丽）");
  }

  @Test
  @DisplayName("R28 a principal leader's instruction starts at least at yellow, unless the office decides otherwise at registration")
  void principalLeaderStartsAtYellow() {
    ProcessInstance pi = register(instructionForm("zhaoxz"));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getInitialLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(notice(c, NoticeKind.YELLOW)).isPresent();
    assertThat(steps(c)).containsExactly("REGISTERED", "YELLOW_NOTICE");

    Map<String, Object> kept = instructionForm("zhaoxz");
    kept.put("instructionKeepLevel", true);
    assertThat(caseOf(register(kept)).getWarningLevel()).isEqualTo(WarningLevel.GREEN);

    Map<String, Object> red = instructionForm("zhaoxz");
    red.put("initialLevel", "RED");
    assertThat(caseOf(register(red)).getWarningLevel()).as("a higher level stays").isEqualTo(WarningLevel.RED);
    // a leader in charge's instruction starts where the office says
    assertThat(caseOf(register(instructionForm("lifxz"))).getWarningLevel()).isEqualTo(WarningLevel.GREEN);
  }

  @Test
  @DisplayName("R28 the leader and the secretary he names see 我批示的事项 in Tasklist and on 督办看板, with the level; a former secretary no longer")
  void leaderAndSecretarySeeTheirCases() {
    setClock(LocalDateTime.of(2026, 3, 2, 10, 0));
    ProcessInstance instructed = register(instructionForm("wangfxz"));
    ProcessInstance notInstructed = register();  // wangfxz is its leader in charge, not instructing
    readers.nameSecretary("wangfxz", "kaohe");

    // (other tests' cases stay in the database: the assertions name this test's two)
    assertThat(filterTasks("wangfxz")).extracting(Task::getProcessInstanceId).contains(instructed.getId())
        .doesNotContain(notInstructed.getId());
    assertThat(filterTasks("kaohe")).extracting(Task::getProcessInstanceId).contains(instructed.getId())
        .doesNotContain(notInstructed.getId());
    assertThat(tasksSeenBy("kaohe", notInstructed)).isZero();

    authenticate("kaohe");
    try {
      List<Dashboard.InstructedRow> rows = dashboard.overview().instructedCases();
      assertThat(rows).extracting(Dashboard.InstructedRow::caseNumber).contains(instructed.getBusinessKey())
          .doesNotContain(notInstructed.getBusinessKey());
      assertThat(rows).allSatisfy(r -> assertThat(r.leaderName()).isEqualTo("王建国"));
      assertThat(rows.stream().filter(r -> r.caseNumber().equals(instructed.getBusinessKey())).findFirst().orElseThrow()
          .levelLabel()).isEqualTo("绿灯");
    } finally {
      identity.clearAuthentication();
    }

    readers.nameSecretary("wangfxz", "tousu");
    assertThat(visibleFilter("kaohe")).as("a former secretary").isNull();
    assertThat(tasksSeenBy("kaohe", instructed)).isZero();
    assertThat(filterTasks("tousu")).extracting(Task::getProcessInstanceId).contains(instructed.getId());
    assertThat(visibleFilter("jtj-xu")).as("no filter for others").isNull();
  }

  private Filter visibleFilter(String user) {
    authenticate(user);
    try {
      return filters.createFilterQuery().filterName("我批示的事项").list().stream().findFirst().orElse(null);
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<Task> filterTasks(String user) {
    Filter f = visibleFilter(user);
    assertThat(f).as("%s sees the filter", user).isNotNull();
    authenticate(user);
    try {
      return filters.list(f.getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  private long tasksSeenBy(String user, ProcessInstance pi) {
    authenticate(user);
    try {
      return tasks.createTaskQuery().processInstanceId(pi.getId()).count();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName("R28 through the forms and the API: Tasklist's registration form takes the instruction, the leader reads his cases and the printable feedback sheet, the office issues one on demand")
  void throughTheFormsAndTheApi() throws Exception {
    // as Tasklist submits the start form: a missing instruction field is a 400 naming it
    HttpResponse<String> missing = http.post("/engine-rest/process-definition/key/supervision-case/submit-form",
        registration(""), "ducha");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).path("field").asText()).isEqualTo("instructingLeader");
    HttpResponse<String> registered = http.post("/engine-rest/process-definition/key/supervision-case/submit-form",
        registration("""
            , "instructingLeader": {"value": "wangfxz"}, "instructionNumber": {"value": "县政府办批〔2026〕12号"},
            "instructionDate": {"value": "2026-02-27"}, "instructionText": {"value": "请抓紧办理<script>x</script>"}"""),
        "ducha");
    assertThat(registered.statusCode()).isEqualTo(200);
    SupervisionCase c = cases.findByCaseNumber(JSON.readTree(registered.body()).path("businessKey").asText()).orElseThrow();

    JsonNode mine = instructed(http.get("/api/instructions", "wangfxz"), c);
    assertThat(mine).as("wangfxz's list has the case").isNotNull();
    assertThat(mine.path("warningLevelLabel").asText()).isEqualTo("绿灯");
    assertThat(mine.path("feedback").get(0).path("step").asText()).isEqualTo("REGISTERED");
    assertThat(instructed(http.get("/api/instructions", "lifxz"), c)).as("another leader's list").isNull();
    assertThat(http.get("/api/cases/" + c.getId() + "/leader-feedback", "wangfxz").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + c.getId() + "/leader-feedback/page", "wangfxz").body()).contains("领导批示件办理反馈");

    // on demand: the supervision office only; the sheet is linked in the case's record
    assertThat(http.post("/api/cases/" + c.getId() + "/feedback-sheets", "", "wangfxz").statusCode()).isEqualTo(403);
    HttpResponse<String> issued = http.post("/api/cases/" + c.getId() + "/feedback-sheets", "", "ducha");
    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(issued.body()).path("sequence").asInt()).isEqualTo(1);
    assertThat(runtime.getVariable(c.getProcessInstanceId(), "caseHistory").toString())
        .contains("呈报督办反馈单（第1期，阶段反馈）");
    HttpResponse<String> page = http.get("/api/cases/" + c.getId() + "/feedback-sheets/1", "wangfxz");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("督办反馈单", "王建国副县长", "县政府办批〔2026〕12号", "督促县住房和城乡建设局签收")
        .contains("&lt;script&gt;").doesNotContain("<script>x");
    assertThat(http.get("/api/cases/" + c.getId() + "/feedback-sheets/1", "jtj-xu").statusCode()).isEqualTo(403);

    // the leader names his secretary; nobody else may
    assertThat(http.send("PUT", "/api/leaders/wangfxz/secretary", "{\"secretary\": \"kaohe\"}", "lifxz").statusCode())
        .isEqualTo(403);
    HttpResponse<String> named = http.send("PUT", "/api/leaders/wangfxz/secretary", "{\"secretary\": \"kaohe\"}", "wangfxz");
    assertThat(named.statusCode()).isEqualTo(200);
    assertThat(instructed(http.get("/api/instructions", "kaohe"), c)).as("the secretary's list").isNotNull();
    // the list reads its cases' feedback and sheets together: each entry is what the case's own answer says
    register(instructionForm("wangfxz"));
    JsonNode list = JSON.readTree(http.get("/api/instructions", "kaohe").body());
    assertThat(list.size()).isGreaterThan(1);
    for (JsonNode entry : list) {
      assertThat(entry).isEqualTo(JSON.readTree(http.get("/api/cases/" + entry.path("caseId").asLong()
          + "/leader-feedback", "kaohe").body()));
    }
    assertThat(instructed(http.get("/api/instructions", "kaohe"), c).path("sheets")).hasSize(1);
    assertThat(http.get("/api/cases/" + c.getId() + "/feedback-sheets/1", "kaohe").statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = http.send("PUT", "/api/leaders/wangfxz/secretary", "{\"secretary\": \"nobody\"}",
        "wangfxz");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).path("field").asText()).isEqualTo("secretary");
  }

  private static JsonNode instructed(HttpResponse<String> list, SupervisionCase c) throws Exception {
    assertThat(list.statusCode()).isEqualTo(200);
    for (JsonNode row : JSON.readTree(list.body())) {
      if (row.path("caseNumber").asText().equals(c.getCaseNumber())) {
        return row;
      }
    }
    return null;
  }

  /** The registration form as Tasklist submits it, source 领导批示, with more JSON members. */
  private static String registration(String extra) {
    return """
        {"variables": {"source": {"value": "LEADER_INSTRUCTION"}, "title": {"value": "背街小巷改造"},
         "leaderInCharge": {"value": "wangfxz"}, "leadUnit": {"value": "zjj"},
         "coUnits": {"value": "[\\"fgj\\"]", "type": "Json"}, "responsiblePerson": {"value": "zjj-lin"},
         "deadline": {"value": "2026-03-20"}, "content": {"value": "内容"}, "qualityChecklist": {"value": "标准"},
         "initialLevel": {"value": "GREEN"}%s}}""".formatted(extra);
  }
}
