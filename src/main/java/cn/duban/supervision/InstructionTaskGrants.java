package cn.duban.supervision;

import cn.duban.common.UserTaskListeners;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R28: every task of an instructed case may be read (not worked) by the instructing leader and
 * his secretaries (his group, {@link cn.duban.organization.InstructionReaders}), so that his Tasklist filter 我批示的事项 shows the case's work as it moves.
 */
@Component
public class InstructionTaskGrants extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Access> access;

  public InstructionTaskGrants(ObjectProvider<Access> access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onCreate(configuration, this::grant);
  }

  void grant(DelegateTask task) {
    Object leader = UserTaskListeners.variable(task, CaseVariables.INSTRUCTING_LEADER);
    if (leader != null) {
      // to the group alone (the leader is in it): the leader himself may hold a grant on the task
      // already, as its assignee, and a user's grant on a resource is unique
      access.getObject().grantNewTaskRead(task.getId(), List.of(Groups.instructionReaders(leader.toString())),
          List.of());
    }
  }
}
