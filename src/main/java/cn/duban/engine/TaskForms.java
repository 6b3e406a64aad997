package cn.duban.engine;

import cn.duban.common.InputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What the engine does with every user task's Camunda Form, so that no model has to say it:
 * <ul>
 *   <li>The form opens empty. Tasklist fills a form from the process variables of the same names,
 *       so a task that comes round again (a second progress report, a second review) would show
 *       the last answers; on create, the variables of the form's input fields are removed.
 *       Read-only context is shown by text views, which have no key; a field marked
 *       {@code "properties": {"keep": "true"}} keeps its value, for a correction step that shows
 *       what is to be corrected.</li>
 *   <li>The form's own rules hold on the server too. Tasklist checks required fields in the
 *       browser, but the REST API takes any variables; when the task is completed, a required
 *       field that is always shown must have a value (a required checkbox must be ticked), and a
 *       choice from a fixed list must be one of its values. A breach is an {@link InputException}:
 *       400, a Chinese message, nothing stored. The check runs as the activity's end listener, not
 *       as a task listener, because the engine wraps a task listener's exception into a server
 *       error; a task ended by cancellation (withdrawal, closure) is not checked.</li>
 * </ul>
 */
@Component
public class TaskForms extends AbstractProcessEnginePlugin {

  /** A form's input field, as far as the server checks it. */
  record Field(String key, String label, String type, boolean required, boolean conditional, boolean keep,
      Set<String> values) {
  }

  private final Map<String, List<Field>> fieldsByForm = loadForms();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, TaskForms.this::clearFields);
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) TaskForms.this::checkFields);
      }
    });
  }

  void clearFields(DelegateTask task) {
    for (Field field : fieldsOf(task.getBpmnModelElementInstance())) {
      if (!field.keep() && task.getExecution().hasVariable(field.key())
          && !task.getExecution().hasVariableLocal(field.key())) {
        task.getExecution().removeVariable(field.key());
      }
    }
  }

  void checkFields(DelegateExecution execution) {
    if (execution.isCanceled() || !(execution.getBpmnModelElementInstance() instanceof UserTask userTask)) {
      return;
    }
    for (Field field : fieldsOf(userTask)) {
      Object value = execution.getVariable(field.key());
      boolean empty = value == null || value.toString().isBlank();
      if (field.required() && !field.conditional()) {
        if ("checkbox".equals(field.type()) && !Boolean.parseBoolean(String.valueOf(value))) {
          throw new InputException(field.key(), "请勾选“" + field.label() + "”（" + field.key() + "）");
        }
        if (empty) {
          throw new InputException(field.key(), "请填写" + field.label() + "（" + field.key() + "）");
        }
      }
      if (!empty && !field.values().isEmpty() && !field.values().contains(value.toString())) {
        throw new InputException(field.key(),
            "“" + value + "”不是" + field.label() + "的可选项（" + field.key() + "）");
      }
    }
  }

  /** The names a person may submit with a form (by its id): its input fields. */
  Set<String> fieldKeys(String formRef) {
    Set<String> keys = new HashSet<>();
    fieldsByForm.getOrDefault(formRef, List.of()).forEach(f -> keys.add(f.key()));
    return keys;
  }

  /** The label a form (by its id) shows for a field, or null for a name the form does not know. */
  public String label(String formRef, String key) {
    return fieldsByForm.getOrDefault(formRef, List.of()).stream().filter(f -> f.key().equals(key))
        .map(Field::label).filter(l -> l != null && !l.isBlank()).findFirst().orElse(null);
  }

  private List<Field> fieldsOf(UserTask userTask) {
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return List.of();
    }
    return fieldsByForm.getOrDefault(userTask.getCamundaFormRef(), List.of());
  }

  /** The input fields of every form in forms/, by form id. */
  static Map<String, List<Field>> loadForms() {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<Field>> result = new HashMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = json.readTree(in);
          List<Field> fields = new ArrayList<>();
          collect(form.path("components"), fields);
          result.put(form.path("id").asText(), List.copyOf(fields));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the forms", e);
    }
    return result;
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode c : components) {
      // a group or dynamic list with a path submits its fields inside one variable of that name:
      // the variable may be written, and what is inside is the form's own business
      if (c.hasNonNull("path") && !c.get("path").asText().isBlank()) {
        String variable = c.get("path").asText().split("\\.")[0];
        fields.add(new Field(variable, variable, c.path("type").asText(), false, true, true, Set.of()));
        continue;
      }
      if (c.hasNonNull("key")) {
        Set<String> values = new HashSet<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        String label = c.has("label") ? c.get("label").asText() : c.path("dateLabel").asText(c.get("key").asText());
        fields.add(new Field(c.get("key").asText(), label, c.path("type").asText(),
            c.path("validate").path("required").asBoolean(false), c.has("conditional"),
            "true".equals(c.path("properties").path("keep").asText()), Set.copyOf(values)));
      }
      collect(c.path("components"), fields);
    }
  }
}
