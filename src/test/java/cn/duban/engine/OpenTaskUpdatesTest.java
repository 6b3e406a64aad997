package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.ProcessTestSupport;
import cn.duban.supervision.WarningLevel;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An escalation's changes to a case's open tasks, made in the engine's bulk updates: every open
 * task and its history row take the level's priority, only those due with the stage limit its due
 * date, an ended task's history keeps what it ended with, and a change read before them is refused.
 */
class OpenTaskUpdatesTest extends ProcessTestSupport {

  @Test
  @DisplayName("R4 the yellow notice raises every open task's priority, moves the due date of the work due with the limit, and leaves ended tasks as they ended")
  void openTasksFollowTheCase() {
    setClock(MONDAY);
    ProcessInstance pi = register();
    String signFor = task(pi, "signFor").getId();
    signFor(pi);
    Task part = task(pi, "reportCoUnitPart");
    Date partDue = part.getDueDate();
    assertThat(part.getPriority()).isEqualTo(WarningLevel.GREEN.taskPriority());

    fire(pi, "stageLimitReached");
    Date escalated = ClockUtil.getCurrentTime();

    Task work = task(pi, "handleCase");
    Date yellowLimit = (Date) runtime.getVariable(pi.getId(), "stageLimitAt");
    assertThat(work.getPriority()).isEqualTo(WarningLevel.YELLOW.taskPriority());
    assertThat(work.getDueDate()).isEqualTo(yellowLimit);
    // the co-unit's part falls due with its own date, not with the stage limit
    part = task(pi, "reportCoUnitPart");
    assertThat(part.getPriority()).isEqualTo(WarningLevel.YELLOW.taskPriority());
    assertThat(part.getDueDate()).isEqualTo(partDue);
    for (Task open : new Task[] {work, part}) {
      // updated then, as a task saved through the task service is
      assertThat(open.getLastUpdated()).as(open.getTaskDefinitionKey()).isEqualTo(escalated);
      assertThat(open.getTaskState()).as(open.getTaskDefinitionKey()).isEqualTo("Updated");
      HistoricTaskInstance row = history.createHistoricTaskInstanceQuery().taskId(open.getId()).singleResult();
      assertThat(row.getTaskState()).as(open.getTaskDefinitionKey()).isEqualTo("Updated");
      assertThat(row.getPriority()).as(open.getTaskDefinitionKey()).isEqualTo(open.getPriority());
      assertThat(row.getDueDate()).as(open.getTaskDefinitionKey()).isEqualTo(open.getDueDate());
    }
    HistoricTaskInstance signedFor = history.createHistoricTaskInstanceQuery().taskId(signFor).singleResult();
    assertThat(signedFor.getEndTime()).isNotNull();
    assertThat(signedFor.getPriority()).isEqualTo(WarningLevel.GREEN.taskPriority());
  }

  @Test
  @DisplayName("R8 a leader's approved extension moves the due date of the work the unit goes on with, in a user's step")
  void aUsersStepMovesTheWork() {
    setClock(MONDAY);
    ProcessInstance pi = register();
    signFor(pi);
    complete(pi, "handleCase", "zjj-lin", Map.of("handleAction", "EXTENSION", "extensionDeadline", "2026-04-10",
        "extensionReason", "材料价格上涨，需重新招标"));
    // the unit works on while the leader decides: this task was opened before the decision
    String work = task(pi, "handleCase").getId();

    complete(pi, "decideExtension", "wangfxz", Map.of("extensionApproved", "true", "extensionComment", "同意"));

    Date limit = (Date) runtime.getVariable(pi.getId(), "stageLimitAt");
    assertThat(limit).isEqualTo(at(LocalDateTime.of(2026, 4, 10, 23, 59, 59)));
    assertThat(task(pi, "handleCase").getId()).isEqualTo(work);
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(limit);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(work).singleResult().getDueDate()).isEqualTo(limit);
    // as when the task was saved: the engine records no user operation of a delegate's
    assertThat(history.createUserOperationLogQuery().taskId(work).list()).isEmpty();
  }

  @Test
  @DisplayName("R5 a task read before the red notice cannot be saved over it: the change fails as a concurrent one, the priority stays")
  void aTaskReadBeforeIsRefused() {
    setClock(MONDAY);
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    Task readBefore = task(pi, "handleCase");

    fire(pi, "stageLimitReached");

    readBefore.setDescription("办理中");
    assertThatThrownBy(() -> tasks.saveTask(readBefore)).isInstanceOf(OptimisticLockingException.class);
    assertThat(task(pi, "handleCase").getPriority()).isEqualTo(WarningLevel.RED.taskPriority());
  }
}
