package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A task's history, written without reading a start time an open row does not need; its activity's
 * beside it, which the engine's own handler writes, checked here as the same steps change both.
 */
class ScopeHistoryUpdatesTest extends ProcessTestSupport {

  @Test
  @DisplayName("an open task's changes reach its history, and an ended task's duration is counted from its start")
  void updatesAndEnds() {
    // the engine's default is its subclass CompositeDbHistoryEventHandler
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryEventHandler())
        .hasSameClassAs(new CompositeHistoryEventHandler());
    setClock(MONDAY);
    ProcessInstance pi = register();
    Task signFor = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("signFor").singleResult();

    setClock(MONDAY.plusHours(1));
    tasks.setPriority(signFor.getId(), 77);
    tasks.claim(signFor.getId(), "zjj-lin");

    HistoricTaskInstance open = history.createHistoricTaskInstanceQuery().taskId(signFor.getId()).singleResult();
    assertThat(open.getPriority()).isEqualTo(77);
    assertThat(open.getAssignee()).isEqualTo("zjj-lin");
    assertThat(open.getStartTime()).isEqualTo(at(MONDAY));
    assertThat(open.getEndTime()).isNull();
    HistoricActivityInstance activity = history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("signFor").singleResult();
    assertThat(activity.getAssignee()).isEqualTo("zjj-lin");
    assertThat(activity.getStartTime()).isEqualTo(at(MONDAY));

    setClock(MONDAY.plusHours(3));
    signFor(pi);

    HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(signFor.getId()).singleResult();
    assertThat(ended.getPriority()).isEqualTo(77);
    assertThat(ended.getEndTime()).isEqualTo(at(MONDAY.plusHours(3)));
    assertThat(ended.getDurationInMillis()).isEqualTo(3 * 3_600_000L);
    HistoricActivityInstance endedActivity = history.createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId()).activityId("signFor").singleResult();
    assertThat(endedActivity.getDurationInMillis()).isEqualTo(3 * 3_600_000L);
  }
}
