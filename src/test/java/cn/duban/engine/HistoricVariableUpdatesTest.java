package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The history rows of a case's variables, updated without being read first. */
class HistoricVariableUpdatesTest extends ProcessTestSupport {

  @Test
  @DisplayName("the row's stand-in is where the history looks; the update reaches the row, its revision and the detail")
  void standInUpdatesTheRow() {
    ProcessInstance pi = register();
    HistoricVariableInstanceEntity before = row(pi, "title");

    inCommand(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      HistoricVariableUpdates.prepare(execution, List.of("title", "content"));
      assertThat(context.getDbEntityManager().getCachedEntity(HistoricVariableInstanceEntity.class, before.getId()))
          .isInstanceOf(HistoricVariableUpdates.StandIn.class);
      execution.setVariable("title", "改过的标题");
      execution.setVariable("content", "改过的内容");
      return null;
    });

    HistoricVariableInstanceEntity title = row(pi, "title");
    assertThat(title.getValue()).isEqualTo("改过的标题");
    assertThat(title.getRevision()).isEqualTo(before.getRevision() + 1);
    assertThat(title.getState()).isEqualTo(HistoricVariableInstance.STATE_CREATED);
    assertThat(title.getCreateTime()).isEqualTo(before.getCreateTime());
    assertThat(title.getProcessDefinitionId()).isEqualTo(before.getProcessDefinitionId());
    assertThat(row(pi, "content").getValue()).isEqualTo("改过的内容");
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .anyMatch(d -> "改过的标题".equals(((HistoricVariableUpdate) d).getValue()));
  }

  @Test
  @DisplayName("a stand-in the history does not fill writes nothing")
  void unfilledStandInWritesNothing() {
    ProcessInstance pi = register();
    HistoricVariableInstanceEntity before = row(pi, "title");

    inCommand(context -> {
      HistoricVariableUpdates.prepare(context.getExecutionManager().findExecutionById(pi.getId()), List.of("title"));
      return null;
    });

    HistoricVariableInstanceEntity after = row(pi, "title");
    assertThat(after.getValue()).isEqualTo(before.getValue());
    assertThat(after.getRevision()).isEqualTo(before.getRevision());
  }

  @Test
  @DisplayName("a variable holding a byte array is left to the engine, which deletes the old value's array")
  void byteArraysLeftToTheEngine() {
    ProcessInstance pi = register();
    runtime.setVariable(pi.getId(), "attachment", "附件".getBytes(StandardCharsets.UTF_8));
    HistoricVariableInstanceEntity before = row(pi, "attachment");
    assertThat(before.getByteArrayId()).isNotNull();

    inCommand(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      HistoricVariableUpdates.prepare(execution, List.of("attachment"));
      assertThat(context.getDbEntityManager().getCachedEntity(HistoricVariableInstanceEntity.class, before.getId()))
          .isNull();
      execution.setVariable("attachment", "改为文字");
      return null;
    });

    HistoricVariableInstanceEntity after = row(pi, "attachment");
    assertThat(after.getValue()).isEqualTo("改为文字");
    assertThat(after.getByteArrayId()).isNull();
    ByteArrayEntity oldArray = inCommand(context -> context.getDbEntityManager()
        .selectById(ByteArrayEntity.class, before.getByteArrayId()));
    assertThat(oldArray).isNull();
  }

  @Test
  @DisplayName("a row whose history was deleted by hand stays deleted, and the variable's update goes through")
  void deletedRowStaysDeleted() {
    ProcessInstance pi = register();
    history.deleteHistoricVariableInstance(row(pi, "title").getId());

    inCommand(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      HistoricVariableUpdates.prepare(execution, List.of("title"));
      execution.setVariable("title", "改过的标题");
      return null;
    });

    assertThat(runtime.getVariable(pi.getId(), "title")).isEqualTo("改过的标题");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("title")
        .singleResult()).isNull();
  }

  private HistoricVariableInstanceEntity row(ProcessInstance pi, String name) {
    return (HistoricVariableInstanceEntity) history.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).disableCustomObjectDeserialization().singleResult();
  }
}
