package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whether a process declares conditional events: today's case process does not, so its
 * registration writes no closure state, which the conditions of older versions read from the start.
 */
class ConditionalEventsTest extends ProcessTestSupport {

  @Test
  @DisplayName("the case process declares none, and a case has no closure state before its closure")
  void caseProcess() {
    ProcessInstance pi = register();
    assertThat(declared(pi.getProcessDefinitionId())).isFalse();
    assertThat(runtime.getVariable(pi.getId(), "closureState")).isNull();
    assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("closureState");
  }

  @Test
  @DisplayName("a process with a conditional catch event declares one")
  void conditionalCatchEvent() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("conditional-events-test").camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("closed").condition("${closureState == 'ACCEPTED'}").endEvent().done();
    String deployment = repository.createDeployment().addModelInstance("conditional-events-test.bpmn", model)
        .deploy().getId();
    try {
      ProcessDefinition d = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
      assertThat(declared(d.getId())).isTrue();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private boolean declared(String definitionId) {
    return inCommand(context -> ConditionalEvents.declared(definitionId));
  }
}
