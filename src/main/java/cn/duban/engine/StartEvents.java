package cn.duban.engine;

import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/** The start events of a deployed process itself (not of its subprocesses), as its model declares them. */
final class StartEvents {

  private StartEvents() {
  }

  /** Within a command: the model comes from the engine's deployment cache. */
  static Stream<StartEvent> of(String processDefinitionId) {
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    return model.getModelElementsByType(StartEvent.class).stream()
        .filter(event -> event.getParentElement() instanceof Process);
  }
}
