package cn.duban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grants a registration writes into its own command (Access.grantNew) are the ones the
 * authorization service would write: READ on the instance and its history for each viewer, tied
 * to the root instance so that they get their removal time when the case ends.
 */
class InstanceGrantsTest extends ProcessTestSupport {

  @Autowired AuthorizationService authorizations;

  @Test
  @DisplayName("a registered case's viewers read its instance and history; the grants end with the case, unlogged")
  void grantsOfANewCase() {
    ProcessInstance pi = register();
    List<Authorization> grants = authorizations.createAuthorizationQuery().resourceId(pi.getId()).list();

    assertThat(grants).extracting(Authorization::getResourceType)
        .contains(Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    assertThat(grants).filteredOn(a -> "unit-zjj".equals(a.getGroupId())).hasSize(2);
    assertThat(grants).allSatisfy(a -> {
      assertThat(a.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
      assertThat(((AuthorizationEntity) a).getRootProcessInstanceId()).isEqualTo(pi.getId());
      assertThat(a.getRemovalTime()).isNull();
    });
    // made by the application for the registration, not by a user: no operation-log entry each
    assertThat(history.createUserOperationLogQuery().entityType(EntityTypes.AUTHORIZATION).count()).isZero();

    runtime.deleteProcessInstance(pi.getId(), "测试结束");

    assertThat(authorizations.createAuthorizationQuery().resourceId(pi.getId()).list())
        .filteredOn(a -> a.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
        .isNotEmpty().allSatisfy(a -> assertThat(a.getRemovalTime()).isNotNull());
  }
}
