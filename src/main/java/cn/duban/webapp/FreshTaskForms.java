package cn.duban.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * Every task form opens empty. Tasklist fills a Camunda Form from the process variables of the
 * same names, so a task that comes round again (a second progress report, a second review) would
 * show the last answers; this plugin adds a create listener to every user task that removes the
 * variables of its form's input fields first. Read-only context is shown by text views, which
 * have no key, so it is never removed; a field marked {@code "properties": {"keep": "true"}}
 * keeps its value, for a correction step that shows what is to be corrected.
 */
@Component
public class FreshTaskForms extends AbstractProcessEnginePlugin {

  private final Map<String, Set<String>> fieldsByForm = loadFormFields();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, FreshTaskForms.this::clearFormFields);
      }
    });
  }

  void clearFormFields(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    for (String field : fieldsByForm.getOrDefault(userTask.getCamundaFormRef(), Set.of())) {
      if (task.getExecution().hasVariable(field) && !task.getExecution().hasVariableLocal(field)) {
        task.getExecution().removeVariable(field);
      }
    }
  }

  /** The keys of the input fields of every form in forms/, by form id. */
  static Map<String, Set<String>> loadFormFields() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> result = new HashMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = json.readTree(in);
          Set<String> keys = new HashSet<>();
          collectKeys(form.path("components"), keys);
          result.put(form.path("id").asText(), keys);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the forms", e);
    }
    return result;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode c : components) {
      if ("true".equals(c.path("properties").path("keep").asText())) {
        continue;
      }
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.has("path") && c.get("path").isTextual()) {
        keys.add(c.get("path").asText());
      }
      collectKeys(c.path("components"), keys);
    }
  }
}
