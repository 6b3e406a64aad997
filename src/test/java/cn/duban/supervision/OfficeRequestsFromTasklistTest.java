package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R30 and R28 as the supervision office does them in Tasklist: 改派督办事项
 * (case-reassignment.bpmn) and 按需呈报督办反馈单 (feedback-sheet-request.bpmn), each started with its
 * start form; a request that cannot be carried out waits for the office to correct or abandon it.
 */
class OfficeRequestsFromTasklistTest extends ProcessTestSupport {

  @Autowired FeedbackSheetRepository sheets;

  private long tasksOfGroup(ProcessInstance pi, String group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group).includeAssignedTasks()
        .count();
  }

  private Object variable(ProcessInstance pi, String name) {
    return runtime.getVariable(pi.getId(), name);
  }

  private boolean startableBy(String processKey, String user) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).startableByUser(user).list()
        .stream().map(ProcessDefinition::getKey).anyMatch(processKey::equals);
  }

  // ------------------------------------------------------------------ R30 改派督办事项

  /** The reassignment start form as the office fills it in. */
  private static Map<String, Object> reassignmentForm(String caseNumber, String unit, String person, String deadline,
      String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("caseNumber", caseNumber);
    form.put("newLeadUnit", unit);
    form.put("newResponsiblePerson", person);
    if (deadline != null) {
      form.put("newDeadline", deadline);
    }
    form.put("reassignmentReason", reason);
    return form;
  }

  @Test
  @DisplayName("R30 the office reassigns a case from Tasklist: the old unit's tasks go, the new unit signs for it afresh, with the new deadline")
  void reassignmentFromTasklist() {
    assertThat(startableBy("case-reassignment", "ducha")).isTrue();
    assertThat(startableBy("case-reassignment", "zjj-lin")).isFalse();
    ProcessInstance pi = register();
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "PROGRESS", "progressContent", "已完成3个小区的方案设计"));
    SupervisionCase c = caseOf(pi);

    ProcessInstance request = start("case-reassignment", "ducha",
        reassignmentForm(c.getCaseNumber(), "jtj", "jtj-xu", "2026-03-27", "县政府调整分工，改由交通局牵头"));

    assertThat(request).isEnded();
    c = reload(c);
    assertThat(c.getLeadUnit()).isEqualTo("jtj");
    assertThat(c.getResponsiblePerson()).isEqualTo("jtj-xu");
    assertThat(c.getDeadline()).hasToString("2026-03-27");
    assertThat(c.getSignedAt()).isNull();
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
    assertThat(tasksOfGroup(pi, "unit-zjj")).isZero();
    assertThat(tasksOfGroup(pi, "unit-jtj")).isOne();
    assertThat(supervision.reassignments(c.getId())).singleElement().satisfies(r -> {
      assertThat(r.getFromUnit()).isEqualTo("zjj");
      assertThat(r.getToUnit()).isEqualTo("jtj");
      assertThat(r.getReassignedBy()).isEqualTo("ducha");
      assertThat(r.getReason()).isEqualTo("县政府调整分工，改由交通局牵头");
      assertThat(r.getNewDeadline()).hasToString("2026-03-27");
    });
    assertThat(variable(pi, "caseHistory").toString()).contains("县政府调整分工");

    // the new unit works it as its own
    complete(pi, "signFor", "jtj-xu", Map.of("signConfirmed", true));
    assertThat(pi).isWaitingAt("handleCase", "stageLimitReached");
  }

  @Test
  @DisplayName("R30 a reassignment from Tasklist that cannot be carried out goes to a correction step: corrected it works, or the office abandons it")
  void reassignmentFromTasklistCorrected() {
    ProcessInstance pi = register();
    SupervisionCase c = caseOf(pi);

    // the present lead unit again: refused, the request waits with the reason and the answers kept
    ProcessInstance request = start("case-reassignment", "ducha",
        reassignmentForm(c.getCaseNumber(), "zjj", "zjj-he", null, "调整分工"));
    assertThat(request).isWaitingAt("correctReassignment");
    assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("supervision-office")
        .count()).isOne();
    assertThat(variable(request, "correctionMessage").toString()).contains("改派的承办单位须不同于现牵头承办单位");
    assertThat(variable(request, "reassignmentReason")).isEqualTo("调整分工");
    assertThat(variable(request, "newResponsiblePerson")).isEqualTo("zjj-he");
    assertThat(reload(c).getLeadUnit()).isEqualTo("zjj");
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");

    // a person of another unit: refused again, the message names the field
    complete(request, "correctReassignment", "ducha", Map.of("caseNumber", c.getCaseNumber(), "newLeadUnit", "jtj",
        "newResponsiblePerson", "zjj-he", "reassignmentReason", "调整分工", "resubmit", "true"));
    assertThat(request).isWaitingAt("correctReassignment");
    assertThat(variable(request, "correctionMessage").toString()).contains("责任人须为改派的承办单位“县交通运输局”的人员");

    complete(request, "correctReassignment", "ducha", Map.of("caseNumber", c.getCaseNumber(), "newLeadUnit", "jtj",
        "newResponsiblePerson", "jtj-xu", "reassignmentReason", "调整分工", "resubmit", "true"));
    assertThat(request).isEnded();
    assertThat(reload(c).getLeadUnit()).isEqualTo("jtj");
    assertThat(tasksOfGroup(pi, "unit-jtj")).isOne();

    // an unknown case number; the office gives up
    ProcessInstance unknown = start("case-reassignment", "ducha",
        reassignmentForm("督〔2026〕999号", "zjj", "zjj-lin", null, "调整分工"));
    assertThat(variable(unknown, "correctionMessage").toString()).contains("督〔2026〕999号", "不存在");
    complete(unknown, "correctReassignment", "ducha", Map.of("resubmit", "false"));
    assertThat(unknown).isEnded();
    assertThat(reload(c).getLeadUnit()).isEqualTo("jtj");
  }

  // ------------------------------------------------------------------ R28 按需呈报督办反馈单

  @Test
  @DisplayName("R28 the office asks for a feedback sheet from Tasklist: it is issued as the case stands and linked in the case's record")
  void feedbackSheetFromTasklist() {
    assertThat(startableBy("feedback-sheet-request", "ducha")).isTrue();
    assertThat(startableBy("feedback-sheet-request", "wangfxz")).isFalse();
    ProcessInstance pi = register(LeaderInstructionTest.instructionForm("wangfxz"));
    SupervisionCase c = caseOf(pi);

    ProcessInstance request = start("feedback-sheet-request", "ducha", Map.of("caseNumber", c.getCaseNumber()));

    assertThat(request).isEnded();
    assertThat(sheets.findByCaseIdOrderBySequence(c.getId())).singleElement().satisfies(sheet -> {
      assertThat(sheet.getSequence()).isEqualTo(1);
      assertThat(sheet.getOccasion()).isEqualTo(FeedbackSheet.Occasion.ON_DEMAND);
      assertThat(sheet.getIssuedBy()).isEqualTo("ducha");
    });
    assertThat(variable(pi, "caseHistory").toString()).contains("呈报督办反馈单（第1期，阶段反馈）");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(request.getId())
        .variableName("feedbackSheetSequence").singleResult().getValue()).isEqualTo(1);
    // the case goes on as before
    assertThat(pi).isWaitingAt("signFor", "stageLimitReached");
  }

  @Test
  @DisplayName("R28 a feedback sheet asked for from Tasklist that cannot be issued goes to a correction step: corrected it is issued, or the office abandons it")
  void feedbackSheetFromTasklistCorrected() {
    ProcessInstance ordinary = register();
    ProcessInstance instructed = register(LeaderInstructionTest.instructionForm("wangfxz"));
    SupervisionCase c = caseOf(instructed);

    // a case that is not a leader's instruction
    ProcessInstance request = start("feedback-sheet-request", "ducha",
        Map.of("caseNumber", caseOf(ordinary).getCaseNumber()));
    assertThat(request).isWaitingAt("correctSheetRequest");
    assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("supervision-office")
        .count()).isOne();
    assertThat(variable(request, "correctionMessage").toString()).contains("不是领导批示件");
    assertThat(sheets.findByCaseIdOrderBySequence(caseOf(ordinary).getId())).isEmpty();

    complete(request, "correctSheetRequest", "ducha", Map.of("caseNumber", c.getCaseNumber(), "resubmit", "true"));
    assertThat(request).isEnded();
    assertThat(sheets.findByCaseIdOrderBySequence(c.getId())).hasSize(1);

    // an unknown case number; the office gives up
    ProcessInstance unknown = start("feedback-sheet-request", "ducha", Map.of("caseNumber", "督〔2026〕999号"));
    assertThat(variable(unknown, "correctionMessage").toString()).contains("督〔2026〕999号", "不存在");
    complete(unknown, "correctSheetRequest", "ducha", Map.of("resubmit", "false"));
    assertThat(unknown).isEnded();
    assertThat(sheets.findByCaseIdOrderBySequence(c.getId())).hasSize(1);
  }
}
