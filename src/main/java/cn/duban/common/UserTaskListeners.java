package cn.duban.common;

import java.util.ArrayList;
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
}
