package cn.duban.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;

/** Whether a deployed process declares conditional events, whose conditions read its variables from its start on. */
public final class ConditionalEvents {

  /** A deployed definition never changes: its model is asked once. */
  private static final Map<String, Boolean> DECLARED = new ConcurrentHashMap<>();

  private ConditionalEvents() {
  }

  /** Within a command: the model comes from the engine's deployment cache. */
  public static boolean declared(String processDefinitionId) {
    return DECLARED.computeIfAbsent(processDefinitionId, id -> !Context.getProcessEngineConfiguration()
        .getDeploymentCache().findBpmnModelInstanceForProcessDefinition(id)
        .getModelElementsByType(ConditionalEventDefinition.class).isEmpty());
  }
}
