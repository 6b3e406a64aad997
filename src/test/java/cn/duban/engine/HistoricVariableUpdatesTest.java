package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
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

    assertThat(prepareAndSet(pi, List.of("title", "content"), Map.of("title", "改过的标题", "content", "改过的内容")))
        .isInstanceOf(HistoricVariableUpdates.StandIn.class);

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

    prepareAndSet(pi, List.of("title"), Map.of());

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

    assertThat(prepareAndSet(pi, List.of("attachment"), Map.of("attachment", "改为文字"))).isNull();

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

    prepareAndSet(pi, List.of("title"), Map.of("title", "改过的标题"));

    assertThat(runtime.getVariable(pi.getId(), "title")).isEqualTo("改过的标题");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("title")
        .singleResult()).isNull();
  }

  /**
   * In one command: stand-ins for these variables' rows, then these values set. Returns what the
   * command's cache held for the first variable's row once prepared.
   */
  private Object prepareAndSet(ProcessInstance pi, List<String> names, Map<String, Object> values) {
    return inCommand(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      HistoricVariableUpdates.prepare(execution, names);
      Object cached = context.getDbEntityManager().getCachedEntity(HistoricVariableInstanceEntity.class,
          ((VariableInstanceEntity) execution.getVariableInstance(names.get(0))).getId());
      values.forEach(execution::setVariable);
      return cached;
    });
  }

  private HistoricVariableInstanceEntity row(ProcessInstance pi, String name) {
    return (HistoricVariableInstanceEntity) history.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).disableCustomObjectDeserialization().singleResult();
  }
}
