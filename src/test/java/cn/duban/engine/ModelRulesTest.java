package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The deploy check's rules one by one, on a small model that passes them and on the shipped
 * case-score table: each change an analyst might make that breaks what the application relies on
 * is refused with a Chinese reason naming the element.
 */
class ModelRulesTest {

  private static final ModelRules RULES = ModelTest.rules();
  private static final ModelRules.Known KNOWN = new ModelRules.Known() {
    @Override
    public boolean bean(String name) {
      return Set.of("recordProgress", "dueDates", "assessmentSchedule").contains(name);
    }

    @Override
    public boolean deployedForm(String formId) {
      return "case-handle".equals(formId);
    }
  };

  private static String model() throws IOException {
    return Files.readString(Path.of("src/test/resources/analyst/analyst-test.bpmn"));
  }

  private static List<String> check(String name, String content) {
    return RULES.check(Map.of(name, content.getBytes(StandardCharsets.UTF_8)), KNOWN);
  }

  @Test
  @DisplayName("Analyst deploy check passes a model that keeps the rules")
  void passes() throws IOException {
    assertThat(check("analyst-test.bpmn", model())).isEmpty();
  }

  @Test
  @DisplayName("Analyst deploy check refuses a user task without a form, a candidate group or a due date, naming the task")
  void userTask() throws IOException {
    assertThat(check("t.bpmn", model().replace(" camunda:formRef=\"case-handle\" camunda:formRefBinding=\"latest\"", "")))
        .containsExactly("t.bpmn：用户任务“办理测试事项”（Task_Handle）没有指定表单（camunda:formRef）");
    assertThat(check("t.bpmn", model().replace(" camunda:candidateGroups=\"supervision-office\"", "")))
        .containsExactly("t.bpmn：用户任务“办理测试事项”（Task_Handle）没有指定候选组或办理人（camunda:candidateGroups）");
    assertThat(check("t.bpmn", model().replace(" camunda:dueDate=\"${stageLimitAt}\"", "")))
        .singleElement().asString().startsWith("t.bpmn：用户任务“办理测试事项”（Task_Handle）没有由系统计算的到期时间");
    assertThat(check("t.bpmn", model().replace("camunda:formRef=\"case-handle\"", "camunda:formRef=\"no-such-form\"")))
        .containsExactly("t.bpmn：用户任务“办理测试事项”（Task_Handle）引用的表单“no-such-form”既未部署也不在本次部署中（camunda:formRef）");
  }

  @Test
  @DisplayName("Analyst deploy check accepts a form that comes with the same deployment")
  void formInTheDeployment() throws IOException {
    String model = model().replace("camunda:formRef=\"case-handle\"", "camunda:formRef=\"analyst-new-form\"");
    String form = "{\"id\": \"analyst-new-form\", \"type\": \"default\", \"components\": [{\"type\": \"text\", \"text\": \"说明\"}]}";
    assertThat(RULES.check(Map.of("t.bpmn", model.getBytes(StandardCharsets.UTF_8),
        "analyst-new-form.form", form.getBytes(StandardCharsets.UTF_8)), KNOWN)).isEmpty();
  }

  @Test
  @DisplayName("Analyst deploy check refuses what would run code of the analyst's choosing: a Java class, a script, an expression calling the engine's services or reflection")
  void code() throws IOException {
    String delegate = "camunda:delegateExpression=\"${recordProgress}\"";
    assertThat(check("t.bpmn", model().replace(delegate, "camunda:class=\"java.lang.Object\"")))
        .anySatisfy(p -> assertThat(p).contains("Task_Record", "camunda:class"));
    assertThat(check("t.bpmn", model().replace(delegate,
        "camunda:expression=\"${identityService.createMembership('fenxi','camunda-admin')}\"")))
        .anySatisfy(p -> assertThat(p).contains("Task_Record", "identityService.createMembership"));
    assertThat(check("t.bpmn", model().replace("<bpmn:sequenceFlow id=\"Flow_4\" sourceRef=\"Timer_Limit\" targetRef=\"End\" />",
        "<bpmn:sequenceFlow id=\"Flow_4\" sourceRef=\"Timer_Limit\" targetRef=\"End\"><bpmn:conditionExpression"
        + " xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "${''.getClass().forName('java.lang.Runtime') != null}</bpmn:conditionExpression></bpmn:sequenceFlow>")))
        .anySatisfy(p -> assertThat(p).contains("Flow_4", "getClass"));
    assertThat(check("t.bpmn", model().replace("<bpmn:serviceTask id=\"Task_Record\" name=\"登记测试事项\" " + delegate + ">",
        "<bpmn:scriptTask id=\"Task_Record\" name=\"登记测试事项\" scriptFormat=\"javascript\">")
        .replace("</bpmn:serviceTask>", "<bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>")))
        .anySatisfy(p -> assertThat(p).contains("Task_Record", "脚本"));
    // the application's own beans and the execution stay callable
    assertThat(check("t.bpmn", model().replace(delegate, "camunda:delegateExpression=\"${dueDates.signFor(execution)}\"")))
        .isEmpty();
  }

  @Test
  @DisplayName("Analyst deploy check refuses a timer that the working-day calendar did not compute, naming the event")
  void timer() throws IOException {
    assertThat(check("t.bpmn", model().replace("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">${stageLimitAt}</bpmn:timeDate>",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">P5D</bpmn:timeDuration>")))
        .singleElement().asString().startsWith("t.bpmn：定时器“期限届满”（Timer_Limit）的时间不是按工作日历计算的期限");
    assertThat(check("t.bpmn", model().replace(">${stageLimitAt}</bpmn:timeDate>", ">${startedAt}</bpmn:timeDate>")))
        .singleElement().asString().contains("（Timer_Limit）");
  }

  @Test
  @DisplayName("Analyst deploy check refuses a delegate expression naming no bean, naming the task")
  void delegate() throws IOException {
    assertThat(check("t.bpmn", model().replace("${recordProgress}", "${recordProgres}")))
        .containsExactly("t.bpmn：服务任务“登记测试事项”（Task_Record）的委托表达式“${recordProgres}”指向的“recordProgres”不是本系统的组件（camunda:delegateExpression）");
  }

  @Test
  @DisplayName("Analyst deploy check refuses a process without history time to live, naming the process")
  void historyTimeToLive() throws IOException {
    assertThat(check("t.bpmn", model().replace(" camunda:historyTimeToLive=\"P3650D\"", "")))
        .containsExactly("t.bpmn：流程“分析员测试流程”（analyst-test）没有设置历史保留期限（camunda:historyTimeToLive，例如 P3650D）");
  }

  @Test
  @DisplayName("Analyst deploy check refuses a project decision table whose outputs or inputs the code reads changed name or type")
  void decisionContract() throws IOException {
    String table = Files.readString(Path.of("processes/rules/case-score.dmn"));
    assertThat(check("case-score.dmn", table.replace("id=\"Rule_1_points\"><text>2</text>", "id=\"Rule_1_points\"><text>3</text>"))).isEmpty();
    assertThat(check("case-score.dmn", table.replace("name=\"points\"", "name=\"score\"")))
        .containsExactly("case-score.dmn：决策表“督办事项记分”（case-score）缺少系统读取的输出“points”（double），输出名称不能更改");
    assertThat(check("case-score.dmn", table.replace("name=\"points\" typeRef=\"double\"", "name=\"points\" typeRef=\"string\"")))
        .containsExactly("case-score.dmn：决策表“督办事项记分”（case-score）的输出“points”类型须为 double（现为 string）");
    assertThat(check("case-score.dmn", table.replace("<text>role</text>", "<text>subject</text>")))
        .containsExactly("case-score.dmn：决策表“督办事项记分”（case-score）的输入“subject”不是系统提供的输入（系统提供 event、role）");
    assertThat(check("case-score.dmn", table.replace(" camunda:historyTimeToLive=\"P3650D\"", "")))
        .containsExactly("case-score.dmn：决策表“督办事项记分”（case-score）没有设置历史保留期限（camunda:historyTimeToLive，例如 P3650D）");
  }
}
