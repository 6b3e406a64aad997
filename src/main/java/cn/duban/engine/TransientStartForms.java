package cn.duban.engine;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.AbstractTypedValue;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * Start form fields that are only the input of the first step, which turns them into the
 * process's own records and variables (the registration of a case checks and stores them, and
 * publishes their checked form): they are given to the process as transient variables, read by
 * that step and never stored, so the same values are not written, historized and removed again.
 * The model names them on its start event:
 * {@code <camunda:property name="transientStartFields" value="source,coUnits,…"/>}. (A field the
 * process keeps under its own name stays an ordinary variable: the engine does not let a name
 * change from transient to stored within one transaction.)
 */
@Component
public class TransientStartForms extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "transientStartFields";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof SubmitStartFormCmd submit) {
          makeTransient(submit);
        }
        return next.execute(command);
      }
    });
  }

  private static void makeTransient(SubmitStartFormCmd command) {
    String definitionId = CommandFields.read(command, SubmitStartFormCmd.class, "processDefinitionId");
    Map<String, Object> variables = CommandFields.read(command, SubmitStartFormCmd.class, "variables");
    if (definitionId == null || variables == null || variables.isEmpty()) {
      return;
    }
    // the typed values as given, by name: reading a map entry's value would parse a Json field's text
    VariableMap given = Variables.fromMap(variables);
    for (String field : transientFields(definitionId)) {
      if (!given.containsKey(field)) {
        continue;
      }
      if (given.getValueTyped(field) instanceof AbstractTypedValue<?> typed) {
        typed.setTransient(true);
      } else {
        variables.put(field, Variables.untypedValue(variables.get(field), true));
      }
    }
  }

  /** A deployed definition never changes: its fields are read from its model once. */
  private static final Map<String, Set<String>> FIELDS = new ConcurrentHashMap<>();

  private static Set<String> transientFields(String definitionId) {
    return FIELDS.computeIfAbsent(definitionId, TransientStartForms::readTransientFields);
  }

  private static Set<String> readTransientFields(String definitionId) {
    return StartEvents.of(definitionId).filter(event -> event.getExtensionElements() != null)
        .flatMap(event -> event.getExtensionElements().getChildElementsByType(CamundaProperties.class).stream())
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(p -> PROPERTY.equals(p.getCamundaName()) && p.getCamundaValue() != null)
        .findFirst()
        .map(p -> Set.of(p.getCamundaValue().split("\\s*,\\s*")))
        .orElse(Set.of());
  }



}
