package cn.duban.engine;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's default grants on a task (its candidates and assignee may read and work it), without
 * asking the database for a grant on a process's task the running command has just created:
 * nobody can hold one on an id the engine has just made, and grants made earlier in the same
 * command are found in its cache, as the engine finds them anyway. Two look-ups per candidate
 * group or user (the task and its history) cost a registration four round trips, and every step
 * that opens a task as many.
 */
@Component
public class NewTaskGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new Provider());
    }
  }

  static final class Provider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
      return isNewTask(resourceId) ? null : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
    }

    @Override
    protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
      return isNewTask(resourceId) ? null : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
    }

    /**
     * A process's task this command created (to be inserted when it ends), whose id the engine
     * made. A standalone task may come with an id of the caller's, perhaps a deleted task's whose
     * history grants are still there.
     */
    private static boolean isNewTask(String taskId) {
      CachedDbEntity cached = Context.getCommandContext().getDbEntityManager().getDbEntityCache()
          .getCachedEntity(TaskEntity.class, taskId);
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT
          && ((TaskEntity) cached.getEntity()).getProcessInstanceId() != null;
    }
  }
}
