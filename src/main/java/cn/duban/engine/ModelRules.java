package cn.duban.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What the application relies on in a model, in one place: the deploy check ({@link ModelCheck})
 * refuses a deployment that breaks it, and the model tests hold the shipped models to it.
 * <ul>
 *   <li>every executable process has a name and a history time to live; every step a name (a
 *       gateway only where it asks a question);</li>
 *   <li>every user task has a Camunda Form ({@code camunda:formRef} with a binding) that is
 *       deployed or comes with the deployment, someone to do it (a candidate group or an assignee)
 *       and a due date computed by the application ({@code camunda:dueDate="${...}"}); a start
 *       form, if any, exists too;</li>
 *   <li>every timer fires at a limit the working-day calendar computed, or on a schedule from the
 *       settings ({@link CalendarTimers}); no fixed duration or date (principle 4);</li>
 *   <li>every delegate expression, of a task or a listener, names a bean of the application;</li>
 *   <li>every decision has a history time to live; a decision the application ships and reads
 *       (processes/rules/*.dmn) keeps its hit policy, takes no input the code does not give (by
 *       name and type) and keeps every output the code reads (by name and type);</li>
 *   <li>every form is form-js JSON with an id and components.</li>
 * </ul>
 * Each problem is a Chinese sentence naming the file and the element, as a person reads it in
 * Modeler's deploy dialog. Diagram layout and Modeler's platform attributes are not the engine's
 * business: the model tests check those for the shipped models only.
 */
public final class ModelRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
  private static final Pattern SCHEDULE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\.\\w+\\(\\)\\s*}");
  /** The bean an expression starts with: {@code ${registerCase}}, {@code ${dueDates.signFor(execution)}}. */
  private static final Pattern LEADING_NAME = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  /** What the check needs to know beyond the models themselves. */
  public interface Known {

    /**
     * Whether the application has a bean of this name of its own (package cn.duban): the only
     * beans a model's expressions may name, so that a deployed model cannot reach the engine's
     * services or the database (identityService, jdbcTemplate, ...).
     */
    boolean bean(String name);

    /** Whether a form with this id is deployed already (forms of the same deployment are known anyway). */
    boolean deployedForm(String formId);
  }

  /** A decision table as the application reads it: its hit policy, its inputs and its outputs, each by name with its type. */
  public record DecisionContract(String key, String hitPolicy, Map<String, String> inputs, Map<String, String> outputs) {
  }

  private final Set<String> limitVariables = new HashSet<>();
  private final Set<String> scheduleBeans = new HashSet<>();
  private final Map<String, DecisionContract> shipped;

  public ModelRules(Collection<? extends CalendarTimers> timers, Map<String, DecisionContract> shippedDecisions) {
    for (CalendarTimers t : timers) {
      limitVariables.addAll(t.limitVariables());
      scheduleBeans.addAll(t.scheduleBeans());
    }
    this.shipped = Map.copyOf(shippedDecisions);
  }

  /**
   * The problems of a deployment's resources (name to content), in the order of the names. Forms
   * referred to may come with the deployment or be deployed already; other resources are not checked.
   */
  public List<String> check(Map<String, byte[]> resources, Known known) {
    Map<String, byte[]> sorted = new TreeMap<>(resources);
    Set<String> forms = new HashSet<>();
    List<String> problems = new ArrayList<>();
    sorted.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        problems.addAll(checkForm(name, content, forms));
      }
    });
    Known withForms = new Known() {
      @Override
      public boolean bean(String name) {
        return known.bean(name);
      }

      @Override
      public boolean deployedForm(String formId) {
        return forms.contains(formId) || known.deployedForm(formId);
      }
    };
    sorted.forEach((name, content) -> {
      if (isBpmn(name)) {
        problems.addAll(checkBpmn(name, content, withForms));
      } else if (isDmn(name)) {
        problems.addAll(checkDmn(name, content));
      }
    });
    return problems;
  }

  public static boolean isBpmn(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  public static boolean isDmn(String name) {
    return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
  }

  List<String> checkBpmn(String file, byte[] content, Known known) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      return List.of(file + "：不是有效的 BPMN 模型，无法读取");
    }
    List<String> problems = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      if (blank(p.getName())) {
        problems.add(file + "：流程（" + p.getId() + "）没有名称");
      }
      if (blank(p.getCamundaHistoryTimeToLiveString())) {
        problems.add(file + "：流程" + describe(p) + "没有设置历史保留期限（camunda:historyTimeToLive，例如 P3650D）");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean gateway = node.getElementType().getTypeName().endsWith("Gateway");
      if (blank(node.getName()) && (!gateway || node.getOutgoing().size() > 1
          && !"parallelGateway".equals(node.getElementType().getTypeName()))) {
        problems.add(file + "：" + kind(node) + "（" + node.getId() + "）没有名称");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = file + "：用户任务" + describe(task);
      String form = task.getCamundaFormRef();
      if (blank(form)) {
        problems.add(where + "没有指定表单（camunda:formRef）");
      } else if (!form.contains("${") && !known.deployedForm(form)) {
        problems.add(where + "引用的表单“" + form + "”既未部署也不在本次部署中（camunda:formRef）");
      } else if (blank(task.getCamundaFormRefBinding())) {
        problems.add(where + "没有指定表单版本绑定（camunda:formRefBinding，例如 latest）");
      }
      if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaAssignee())) {
        problems.add(where + "没有指定候选组或办理人（camunda:candidateGroups）");
      }
      if (blank(task.getCamundaDueDate()) || !task.getCamundaDueDate().trim().startsWith("${")) {
        problems.add(where + "没有由系统计算的到期时间（camunda:dueDate，须为 ${...} 表达式，按工作日历计算）");
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      String form = start.getCamundaFormRef();
      if (!blank(form) && !form.contains("${") && !known.deployedForm(form)) {
        problems.add(file + "：开始事件" + describe(start) + "引用的表单“" + form + "”既未部署也不在本次部署中（camunda:formRef）");
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      ModelElementInstance owner = timer.getParentElement();
      if (!calendarTimer(timer)) {
        problems.add(file + "：定时器" + (owner instanceof BaseElement b ? describe(b) : "")
            + "的时间不是按工作日历计算的期限（须为 timeDate ${" + String.join("}、${", limitVariables.stream().sorted().toList())
            + "} 之一，或 timeCycle ${" + String.join("/", scheduleBeans.stream().sorted().toList()) + ".…()}）");
      }
    }
    for (ModelElementInstance e : model.getModelElementsByType(model.getModel().getType(BaseElement.class))) {
      checkDelegates(file, e, known, problems);
    }
    checkCode(file, content, known, problems);
    return problems;
  }

  /** A method call in an expression: its receiver (a name or a literal's closing quote) and the method. */
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|['\")\\]])\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
  private static final Set<String> REFLECTION = Set.of("getClass", "forName", "getClassLoader", "getRuntime", "invoke",
      "newInstance", "exec", "getMethod", "getDeclaredMethod", "getConstructor");

  /**
   * What a model may run: the application's own delegates and beans only. Deploying a model runs
   * its code on the server with the engine's rights, so Java classes named by the model, scripts,
   * and expressions calling anything but the application's beans and the execution are refused.
   */
  private static void checkCode(String file, byte[] content, Known known, List<String> problems) {
    Set<String> said = new LinkedHashSet<>();
    // the model API has read it already; unreadable as XML, there is nothing more to say
    for (org.w3c.dom.Element e : elements(content)) {
      String id = e.hasAttribute("id") ? e.getAttribute("id") : ((org.w3c.dom.Element) e.getParentNode()).getAttribute("id");
      String where = file + "：" + e.getLocalName() + (id.isEmpty() ? "" : "（" + id + "）");
      if ("scriptTask".equals(e.getLocalName()) || CAMUNDA_NS.equals(e.getNamespaceURI()) && "script".equals(e.getLocalName())
          || "conditionExpression".equals(e.getLocalName()) && e.hasAttribute("language")) {
        said.add(where + "含有脚本：本系统不执行部署中的脚本，请改用系统提供的委托（${bean名称}）");
      }
      if (e.hasAttributeNS(CAMUNDA_NS, "class") || e.hasAttributeNS(CAMUNDA_NS, "expression")
          || CAMUNDA_NS.equals(e.getNamespaceURI()) && e.getLocalName().endsWith("Listener")
              && (e.hasAttribute("class") || e.hasAttribute("expression"))) {
        said.add(where + "指定了 Java 类或表达式调用（camunda:class / camunda:expression）：只允许 camunda:delegateExpression ${bean名称}");
      }
      org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        checkCalls(where, attributes.item(a).getNodeValue(), known, said);
      }
      for (org.w3c.dom.Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
          checkCalls(where, child.getNodeValue(), known, said);
        }
      }
    }
    problems.addAll(said);
  }

  /**
   * A DMN table's expressions in another language than FEEL (JUEL can call any method): refused, on
   * deployment and in a rule preview alike, since both evaluate the table on the server.
   */
  public static List<String> foreignExpressionLanguages(String file, byte[] content) {
    Set<String> problems = new LinkedHashSet<>();
    // not XML: the DMN reader says so
    for (org.w3c.dom.Element e : elements(content)) {
      String language = e.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !language.toLowerCase(java.util.Locale.ROOT).contains("feel")) {
        problems.add(file + "：" + e.getLocalName() + (e.getAttribute("id").isEmpty() ? "" : "（" + e.getAttribute("id") + "）")
            + "使用了 FEEL 以外的表达式语言（" + language + "）：本系统的决策表只执行 FEEL");
      }
    }
    return List.copyOf(problems);
  }

  /** Every element of an XML file, namespace-aware and without a DOCTYPE; none if it is no XML. */
  private static List<org.w3c.dom.Element> elements(byte[] content) {
    org.w3c.dom.NodeList all;
    try {
      javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      all = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getElementsByTagNameNS("*", "*");
    } catch (Exception e) {
      return List.of();
    }
    List<org.w3c.dom.Element> elements = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      elements.add((org.w3c.dom.Element) all.item(i));
    }
    return elements;
  }

  private static void checkCalls(String where, String text, Known known, Set<String> said) {
    if (text == null || !text.contains("{")) {
      return;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher call = CALL.matcher(expression.group());
      while (call.find()) {
        String receiver = call.group(1);
        boolean allowed = !REFLECTION.contains(call.group(2)) && (CONTEXT_OBJECTS.contains(receiver)
            || Character.isJavaIdentifierStart(receiver.charAt(0)) && known.bean(receiver));
        if (!allowed) {
          said.add(where + "的表达式“" + expression.group() + "”调用了“" + receiver + "." + call.group(2)
              + "”：表达式只能调用本系统的组件和 execution");
        }
      }
    }
  }

  private boolean calendarTimer(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null && timer.getTimeCycle() == null && timer.getTimeDuration() == null) {
      Matcher m = VARIABLE.matcher(text(timer.getTimeDate().getTextContent()));
      return m.matches() && limitVariables.contains(m.group(1));
    }
    if (timer.getTimeCycle() != null && timer.getTimeDate() == null && timer.getTimeDuration() == null) {
      Matcher m = SCHEDULE.matcher(text(timer.getTimeCycle().getTextContent()));
      return m.matches() && scheduleBeans.contains(m.group(1));
    }
    return false;
  }

  /** The element's own delegate expression and those of its execution and task listeners. */
  private static void checkDelegates(String file, ModelElementInstance element, Known known, List<String> problems) {
    if (!(element instanceof BaseElement base)) {
      return;
    }
    String own = element.getAttributeValueNs(CAMUNDA_NS, "delegateExpression");
    if (own != null) {
      checkBean(file + "：" + kind(base) + describe(base), own, known, problems);
    }
    if (base.getExtensionElements() == null) {
      return;
    }
    for (ModelElementInstance ext : base.getExtensionElements().getElements()) {
      String listenerType = ext.getElementType().getTypeName();
      if (("executionListener".equals(listenerType) || "taskListener".equals(listenerType))) {
        String expression = ext.getAttributeValue("delegateExpression");
        if (expression != null) {
          checkBean(file + "：" + kind(base) + describe(base) + "的监听器", expression, known, problems);
        }
      }
    }
  }

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private static void checkBean(String where, String expression, Known known, List<String> problems) {
    Matcher m = LEADING_NAME.matcher(expression);
    if (!m.find()) {
      problems.add(where + "的委托表达式“" + expression + "”不是 ${bean名称} 形式（camunda:delegateExpression）");
    } else if (!known.bean(m.group(1))) {
      problems.add(where + "的委托表达式“" + expression + "”指向的“" + m.group(1)
          + "”不是本系统的组件（camunda:delegateExpression）");
    }
  }

  List<String> checkDmn(String file, byte[] content) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      return List.of(file + "：不是有效的 DMN 模型，无法读取");
    }
    List<String> problems = new ArrayList<>(foreignExpressionLanguages(file, content));
    for (Decision d : model.getModelElementsByType(Decision.class)) {
      String where = file + "：决策表" + describe(d.getName(), d.getId());
      if (blank(d.getCamundaHistoryTimeToLiveString())) {
        problems.add(where + "没有设置历史保留期限（camunda:historyTimeToLive，例如 P3650D）");
      }
      DecisionContract expected = shipped.get(d.getId());
      if (expected == null) {
        continue;
      }
      DecisionContract actual = contractOf(d);
      if (actual == null) {
        problems.add(where + "须为决策表：系统按决策表读取它");
        continue;
      }
      if (!Objects.equals(expected.hitPolicy(), actual.hitPolicy())) {
        problems.add(where + "的命中策略须为 " + expected.hitPolicy() + "（现为 " + actual.hitPolicy() + "）：系统按此读取结果");
      }
      actual.inputs().forEach((name, type) -> {
        if (!expected.inputs().containsKey(name)) {
          problems.add(where + "的输入“" + name + "”不是系统提供的输入（系统提供 "
              + String.join("、", expected.inputs().keySet()) + "）");
        } else if (!Objects.equals(expected.inputs().get(name), type)) {
          problems.add(where + "的输入“" + name + "”类型须为 " + expected.inputs().get(name) + "（现为 " + type + "）");
        }
      });
      expected.outputs().forEach((name, type) -> {
        if (!actual.outputs().containsKey(name)) {
          problems.add(where + "缺少系统读取的输出“" + name + "”（" + type + "），输出名称不能更改");
        } else if (!Objects.equals(actual.outputs().get(name), type)) {
          problems.add(where + "的输出“" + name + "”类型须为 " + type + "（现为 " + actual.outputs().get(name) + "）");
        }
      });
    }
    return problems;
  }

  List<String> checkForm(String file, byte[] content, Set<String> ids) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      return List.of(file + "：不是有效的表单（Camunda Forms JSON），无法读取");
    }
    List<String> problems = new ArrayList<>();
    if (form == null || blank(form.path("id").asText(null))) {
      problems.add(file + "：表单没有 id");
    } else {
      ids.add(form.path("id").asText());
    }
    if (form == null || !form.path("components").isArray() || form.path("components").isEmpty()) {
      problems.add(file + "：表单没有任何字段（components）");
    }
    return problems;
  }

  /** The contract of a decision: null when it is no decision table. */
  static DecisionContract contractOf(Decision d) {
    if (!(d.getExpression() instanceof DecisionTable table)) {
      return null;
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Input in : table.getInputs()) {
      String name = in.getCamundaInputVariable();
      String expression = in.getInputExpression() == null || in.getInputExpression().getText() == null ? ""
          : text(in.getInputExpression().getText().getTextContent());
      inputs.put(expression.isEmpty() ? String.valueOf(name) : expression,
          in.getInputExpression() == null ? null : in.getInputExpression().getTypeRef());
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output out : table.getOutputs()) {
      outputs.put(String.valueOf(out.getName()), out.getTypeRef());
    }
    return new DecisionContract(d.getId(), String.valueOf(table.getHitPolicy()), inputs, outputs);
  }

  /** The decision tables the application ships in processes/rules/ (or wherever the pattern points), by key. */
  public static Map<String, DecisionContract> shippedDecisions(String pattern) {
    Map<String, DecisionContract> contracts = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = r.getInputStream()) {
          for (Decision d : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
            DecisionContract c = contractOf(d);
            if (c != null) {
              contracts.put(d.getId(), c);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the shipped decision tables", e);
    }
    return contracts;
  }

  private static String kind(BaseElement e) {
    return switch (e.getElementType().getTypeName()) {
      case "userTask" -> "用户任务";
      case "serviceTask" -> "服务任务";
      case "sendTask" -> "发送任务";
      case "businessRuleTask" -> "业务规则任务";
      case "scriptTask" -> "脚本任务";
      case "receiveTask" -> "接收任务";
      case "manualTask", "task" -> "任务";
      case "callActivity" -> "调用活动";
      case "subProcess" -> "子流程";
      case "startEvent" -> "开始事件";
      case "endEvent" -> "结束事件";
      case "boundaryEvent" -> "边界事件";
      case "intermediateCatchEvent" -> "中间捕获事件";
      case "intermediateThrowEvent" -> "中间抛出事件";
      case "exclusiveGateway" -> "排他网关";
      case "inclusiveGateway" -> "包容网关";
      case "eventBasedGateway" -> "事件网关";
      case "parallelGateway" -> "并行网关";
      case "sequenceFlow" -> "顺序流";
      case "process" -> "流程";
      default -> "元素";
    };
  }

  private static String describe(BaseElement e) {
    String name = e instanceof FlowNode n ? n.getName() : e instanceof Process p ? p.getName()
        : e instanceof SequenceFlow f ? f.getName() : e.getAttributeValue("name");
    return describe(name, e.getId());
  }

  private static String describe(String name, String id) {
    return (blank(name) ? "" : "“" + name.trim() + "”") + "（" + id + "）";
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
