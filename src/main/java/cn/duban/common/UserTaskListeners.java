package cn.duban.common;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds a listener to every user task of every deployed model, so that no model has to name it. */
public final class UserTaskListeners {

  private UserTaskListeners() {
  }

  /** Called from an engine plugin's preInit: the listener runs when any user task is created. */
  public static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
  }

  /**
   * A variable of the task's process (or of the scope it is in), as a listener of a task just
   * created reads it: from the execution. The new task has no variables of its own, and asking the
   * task would first query the database for them, a query the database plans afresh each time
   * (half a millisecond of its time for every task created).
   */
  public static Object variable(DelegateTask task, String name) {
    return task.getExecution().getVariable(name);
  }
}
