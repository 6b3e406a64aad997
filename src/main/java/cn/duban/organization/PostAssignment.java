package cn.duban.organization;

import cn.duban.common.UserTaskListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R26: a task offered to a unit with a post is assigned, as it is created, to the post's current
 * holder (A, or B while A is away). The unit's other people still see it; only the holder works it.
 */
@Component
public class PostAssignment extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PostService> posts;

  public PostAssignment(ObjectProvider<PostService> posts) {
    this.posts = posts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onCreate(configuration, this::assign);
  }

  void assign(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      String unit = Groups.unitCodeOf(link.getGroupId());
      if (unit != null) {
        posts.getObject().holderOf(unit).ifPresent(task::setAssignee);
        return;
      }
    }
  }
}
