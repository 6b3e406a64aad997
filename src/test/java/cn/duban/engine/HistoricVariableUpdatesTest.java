package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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

    assertThat(inPreparedCommand(pi, List.of("title", "content"), ex -> {
      ex.setVariable("title", "改过的标题");
      ex.setVariable("content", "改过的内容");
    })).isInstanceOf(HistoricVariableUpdates.StandIn.class);

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
  @DisplayName("dates, numbers, flags and a value set to null reach the row as the engine would write them")
  void everyKindOfValueTheCaseWrites() {
    ProcessInstance pi = register();
    runtime.setVariables(pi.getId(), Map.of("someDate", new Date(0), "someNumber", 1L, "someFlag", false,
        "someText", "有值"));
    Date later = new Date(86_400_000L);

    inPreparedCommand(pi, List.of("someDate", "someNumber", "someFlag", "someText"), ex -> {
      ex.setVariable("someDate", later);
      ex.setVariable("someNumber", 2L);
      ex.setVariable("someFlag", true);
      ex.setVariable("someText", null);
    });

    assertThat(row(pi, "someDate").getValue()).isEqualTo(later);
    assertThat(row(pi, "someNumber").getValue()).isEqualTo(2L);
    assertThat(row(pi, "someFlag").getValue()).isEqualTo(true);
    assertThat(row(pi, "someText").getValue()).isNull();
    assertThat(row(pi, "someText").getTypeName()).isEqualTo("null");
  }

  @Test
  @DisplayName("a variable set twice in one command: its row holds the last value, one revision up")
  void setTwiceInOneCommand() {
    ProcessInstance pi = register();
    int revision = row(pi, "title").getRevision();

    inPreparedCommand(pi, List.of("title"), ex -> {
      ex.setVariable("title", "第一次改");
      ex.setVariable("title", "第二次改");
    });

    assertThat(row(pi, "title").getValue()).isEqualTo("第二次改");
    assertThat(row(pi, "title").getRevision()).isEqualTo(revision + 1);
  }

  @Test
  @DisplayName("a variable prepared and then removed: its row is marked deleted and keeps its value")
  void removedInsteadOfSet() {
    ProcessInstance pi = register();
    HistoricVariableInstanceEntity before = row(pi, "title");

    inPreparedCommand(pi, List.of("title"), ex -> ex.removeVariable("title"));

    HistoricVariableInstanceEntity after = (HistoricVariableInstanceEntity) history
        .createHistoricVariableInstanceQuery().variableId(before.getId()).includeDeleted().singleResult();
    assertThat(after.getState()).isEqualTo(HistoricVariableInstance.STATE_DELETED);
    assertThat(after.getValue()).isEqualTo(before.getValue());
  }

  @Test
  @DisplayName("a variable prepared but neither set nor removed: its row is not written")
  void preparedOnly() {
    ProcessInstance pi = register();
    HistoricVariableInstanceEntity before = row(pi, "title");

    inPreparedCommand(pi, List.of("title"), ex -> { });

    assertThat(row(pi, "title").getRevision()).isEqualTo(before.getRevision());
  }

  @Test
  @DisplayName("a variable holding a byte array is left to the engine, which deletes the old value's array")
  void byteArraysLeftToTheEngine() {
    ProcessInstance pi = register();
    runtime.setVariable(pi.getId(), "attachment", "附件".getBytes(StandardCharsets.UTF_8));
    HistoricVariableInstanceEntity before = row(pi, "attachment");
    assertThat(before.getByteArrayId()).isNotNull();

    assertThat(inPreparedCommand(pi, List.of("attachment"), ex -> ex.setVariable("attachment", "改为文字"))).isNull();

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

    inPreparedCommand(pi, List.of("title"), ex -> ex.setVariable("title", "改过的标题"));

    assertThat(runtime.getVariable(pi.getId(), "title")).isEqualTo("改过的标题");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("title")
        .singleResult()).isNull();
  }

  @Test
  @DisplayName("a row deleted through the history service in the command that prepared it is deleted")
  void deletedInTheSameCommand() {
    ProcessInstance pi = register();
    String id = row(pi, "title").getId();

    inPreparedCommand(pi, List.of("title"), ex -> {
      ex.setVariable("title", "改过的标题");
      history.deleteHistoricVariableInstance(id);
    });

    assertThat(history.createHistoricVariableInstanceQuery().variableId(id).includeDeleted().singleResult()).isNull();
  }

  /**
   * In one command: stand-ins for these variables' rows, then what the test does with the
   * execution. Returns what the command's cache held for the first variable's row once prepared.
   */
  private Object inPreparedCommand(ProcessInstance pi, List<String> names, Consumer<ExecutionEntity> then) {
    return inCommand(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      HistoricVariableUpdates.prepare(execution, names);
      Object cached = context.getDbEntityManager().getCachedEntity(HistoricVariableInstanceEntity.class,
          ((VariableInstanceEntity) execution.getVariableInstance(names.get(0))).getId());
      then.accept(execution);
      return cached;
    });
  }

  private HistoricVariableInstanceEntity row(ProcessInstance pi, String name) {
    return (HistoricVariableInstanceEntity) history.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).disableCustomObjectDeserialization().singleResult();
  }
}
