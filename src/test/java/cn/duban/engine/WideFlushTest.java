package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.ProcessTestSupport;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A command's writes in parts of 250: every part reaches the database, and a conflict in a late one undoes them all. */
class WideFlushTest extends ProcessTestSupport {

  /** 100 new variables write 300 rows (the variable, its history, its detail) before the update of the title. */
  static final int NEW_VARIABLES = 100;

  ProcessInstance pi;

  @BeforeEach
  void aCase() {
    setClock(MONDAY);
    pi = register();
  }

  @Test
  @DisplayName("a command of more than 300 operations writes them all, the update after the last insert too")
  void everyPart() {
    widen("本命令改的标题", null);

    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).variableNameLike("wide%").count())
        .isEqualTo(NEW_VARIABLES);
    assertThat(runtime.getVariable(pi.getId(), "title")).isEqualTo("本命令改的标题");
  }

  @Test
  @DisplayName("a concurrent change found in a later part throws and leaves nothing of the command, its earlier parts included")
  void conflictInALaterPart() {
    assertThatThrownBy(() -> widen("本命令改的标题", "另一个事务改的标题")).isInstanceOf(OptimisticLockingException.class);

    assertThat(runtime.getVariable(pi.getId(), "title")).isEqualTo("另一个事务改的标题");
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).variableNameLike("wide%").count())
        .isZero();
  }

  @Test
  @DisplayName("WideFlush relies on how the engine's DbEntityManager hands over its parts: read it again for another engine version")
  void checkedAgainstThisEngine() {
    assertThat(ProductPropertiesUtil.getProductVersion()).startsWith("7.24.");
  }

  /** Reads the title, lets {@code meanwhile} (if any) be written by another transaction, adds the variables, sets the title. */
  private void widen(String title, String meanwhile) {
    inCommand(context -> {
      assertThat(context.getDbEntityManager()).isInstanceOf(WideFlush.WideParts.class);
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(pi.getId());
      execution.getVariable("title");
      if (meanwhile != null) {
        CompletableFuture.runAsync(() -> runtime.setVariable(pi.getId(), "title", meanwhile)).join();
      }
      for (int i = 0; i < NEW_VARIABLES; i++) {
        execution.setVariable("wide" + i, i);
      }
      execution.setVariable("title", title);
      return null;
    });
  }
}
