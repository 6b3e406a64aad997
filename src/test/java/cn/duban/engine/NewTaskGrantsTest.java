package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The default grants on tasks: one per holder and resource, whether the task is new or not. */
class NewTaskGrantsTest extends ProcessTestSupport {

  @Autowired AuthorizationService authorizations;

  @Test
  @DisplayName("a new task's candidates get one grant on the task and one on its history; a candidate added later joins them")
  void grantsOnNewAndExistingTasks() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getResourceAuthorizationProvider())
        .isInstanceOf(NewTaskGrants.Provider.class);
    setClock(MONDAY);
    ProcessInstance pi = register();
    Task signFor = task(pi, "signFor");

    assertThat(grants(signFor, "unit-zjj")).extracting(Authorization::getResourceType)
        .containsExactlyInAnyOrder(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType());
    Authorization onTask = grants(signFor, "unit-zjj").stream()
        .filter(a -> a.getResourceType() == Resources.TASK.resourceType()).findFirst().orElseThrow();
    assertThat(onTask.isPermissionGranted(Permissions.READ)).isTrue();

    // a task of an earlier command: its grants are looked up and kept, not written twice
    tasks.addCandidateGroup(signFor.getId(), "unit-zjj");
    tasks.addCandidateUser(signFor.getId(), "zjj-lin");
    assertThat(grants(signFor, "unit-zjj")).hasSize(2);
    assertThat(authorizations.createAuthorizationQuery().resourceId(signFor.getId()).userIdIn("zjj-lin").list())
        .hasSize(2);
  }

  private List<Authorization> grants(Task task, String group) {
    return authorizations.createAuthorizationQuery().resourceId(task.getId()).groupIdIn(group).list();
  }
}
