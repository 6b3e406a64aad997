package cn.duban.message;

import cn.duban.common.UserTaskListeners;
import cn.duban.organization.Groups;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R33: a task offered to an undertaking unit (a candidate group unit-…) tells the unit's handlers
 * and the post's A/B holder (R26), once per process, task and unit: a task that comes round again
 * in the same case (the work task after each progress report) is not told again, a case reassigned
 * to another unit is. A task its own creator takes at once (the handler who just signed for the
 * case) tells nobody.
 */
@Component
public class NewTaskMessages extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ObjectProvider<Messages> messages;
  private final ObjectProvider<cn.duban.calendar.LimitClock> clock;

  public NewTaskMessages(ObjectProvider<Messages> messages, ObjectProvider<cn.duban.calendar.LimitClock> clock) {
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onCreate(configuration, this::offered);
  }

  void offered(DelegateTask task) {
    String unit = null;
    for (IdentityLink link : task.getCandidates()) {
      unit = Groups.unitCodeOf(link.getGroupId());
      if (unit != null) {
        break;
      }
    }
    if (unit == null) {
      return;
    }
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (task.getAssignee() != null && task.getAssignee().equals(user)) {
      return;
    }
    Object title = UserTaskListeners.variable(task, "title");
    messages.getObject().enqueue(MessageEvent.of(MessageType.NEW_TASK,
            "task:" + task.getProcessInstanceId() + ":" + task.getTaskDefinitionKey() + ":" + unit)
        .with("unit", unit).with("taskName", task.getName()).with("caseNumber", task.getExecution().getProcessBusinessKey())
        .with("title", title == null ? task.getName() : title)
        .with("deadline", task.getDueDate() == null ? null
            : DAY.format(task.getDueDate().toInstant().atZone(clock.getObject().zone())))
        .with("link", "/camunda/app/tasklist/default/#/?task=" + task.getId())
        .build());
  }
}
