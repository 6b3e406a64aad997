package cn.duban.supervision;

import cn.duban.common.UserTaskListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * A task of an instance with a warning level gets the level's priority when it is created (and
 * {@link CaseVariables} raises the open tasks' priority when the level rises), so no model has to
 * say it.
 */
@Component
public class TaskPriorities extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onCreate(configuration, TaskPriorities::fromWarningLevel);
  }

  static void fromWarningLevel(DelegateTask task) {
    Object level = UserTaskListeners.variable(task, CaseVariables.WARNING_LEVEL);
    if (level != null) {
      task.setPriority(WarningLevel.valueOf(level.toString()).taskPriority());
    }
  }
}
