package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The historic rows of a case's variables, read in one statement into the command, where its history updates them. */
class HistoricVariableRowsTest extends ProcessTestSupport {

  @Test
  @DisplayName("the rows read are the engine's own entities, and the updates of their variables reach the history")
  void readIntoTheCommand() {
    ProcessInstance pi = register();
    List<VariableInstance> vars = runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId())
        .variableNameIn("title", "content").list();
    assertThat(vars).hasSize(2);

    inCommand(context -> {
      HistoricVariableRows.load(vars.stream().map(VariableInstance::getId).toList());
      for (VariableInstance v : vars) {
        HistoricVariableInstanceEntity row = context.getDbEntityManager()
            .getCachedEntity(HistoricVariableInstanceEntity.class, v.getId());
        assertThat(row).as(v.getName()).isNotNull();
        assertThat(row.getName()).isEqualTo(v.getName());
        assertThat(row.getProcessInstanceId()).isEqualTo(pi.getId());
      }
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      execution.setVariable("title", "改过的标题");
      execution.setVariable("content", "改过的内容");
      return null;
    });

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("title")
        .singleResult().getValue()).isEqualTo("改过的标题");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("content")
        .singleResult().getValue()).isEqualTo("改过的内容");
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .anyMatch(d -> "改过的标题".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()));
  }
}
