package cn.duban.organization;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations, granted the same way everywhere: who is asking, and which groups and
 * users may see a process instance. Grants only add: running one twice changes nothing.
 */
@Component
public class Access {

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public Access(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** The caller of this request, with the groups the engine knows; empty without an authenticated user. */
  public Optional<Viewer> viewer() {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null || a.getUserId() == null) {
      return Optional.empty();
    }
    Collection<String> groups = a.getGroupIds() != null ? a.getGroupIds()
        : identity.createGroupQuery().groupMember(a.getUserId()).list().stream().map(g -> g.getId()).toList();
    return Optional.of(new Viewer(a.getUserId(), new HashSet<>(groups)));
  }

  /**
   * Whether the viewer's queries of the engine return every instance of the process: an
   * administrator, or one granted to read every instance of its definition (the overseeing offices,
   * the office that owns it). Without a viewer the engine checks nothing.
   */
  public boolean readsEveryInstance(Optional<Viewer> viewer, String processKey) {
    return viewer.map(v -> v.groups().contains(Groups.CAMUNDA_ADMIN)
        || authorizations.isUserAuthorized(v.userId(), List.copyOf(v.groups()),
            ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, processKey))
        .orElse(true);
  }

  /** The groups and users who may see a process instance in Cockpit, Tasklist and the REST API, running and in history. */
  public void grant(InstanceViewers viewers) {
    if (viewers.processInstanceId() == null) {
      return;
    }
    // distinct: the same leader may be both the case's and the approving one, and a grant is not
    // flushed before the next one is looked up
    for (String group : new LinkedHashSet<>(viewers.groups())) {
      grantGroup(group, Resources.PROCESS_INSTANCE, viewers.processInstanceId(), ProcessInstancePermissions.READ);
      grantGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, viewers.processInstanceId(),
          HistoricProcessInstancePermissions.READ);
    }
    for (String user : new LinkedHashSet<>(viewers.users())) {
      grantUser(user, Resources.PROCESS_INSTANCE, viewers.processInstanceId(), ProcessInstancePermissions.READ);
      grantUser(user, Resources.HISTORIC_PROCESS_INSTANCE, viewers.processInstanceId(),
          HistoricProcessInstancePermissions.READ);
    }
  }

  /**
   * The same grants for an instance this transaction has just started: nobody can hold a grant on
   * it yet, so they are written without looking for one first (a registration's eight look-ups).
   * Inside the starting command they go straight to its entity cache, as the engine's own default
   * grants on a task do: no command each, no look-up of the historic instance for a removal time
   * (with the strategy "end" it is set when the instance ends, by its root instance id, written
   * here), and no operation-log entry, since no user made them.
   */
  public void grantNew(InstanceViewers viewers) {
    if (viewers.processInstanceId() == null) {
      return;
    }
    Optional<NewGrants> cached = NewGrants.in(viewers.processInstanceId());
    List<Holder> holders = new ArrayList<>();
    new LinkedHashSet<>(viewers.groups()).forEach(group -> holders.add(new Holder(group, null)));
    new LinkedHashSet<>(viewers.users()).forEach(user -> holders.add(new Holder(null, user)));
    for (Holder holder : holders) {
      for (Resource resource : INSTANCE_RESOURCES) {
        cached.ifPresentOrElse(grants -> grants.add(holder, resource),
            () -> insert(holder.group(), holder.user(), resource, viewers.processInstanceId(), READ_OF.get(resource)));
      }
    }
  }

  /** Who a grant is for: a group or a user. */
  private record Holder(String group, String user) {
  }

  private static final List<Resource> INSTANCE_RESOURCES =
      List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE);
  private static final Map<Resource, Permission> READ_OF = Map.of(
      Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ,
      Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);

  /** READ grants on an instance started in the current engine command, written into its entity cache. */
  private record NewGrants(CommandContext command, String processInstanceId, String rootProcessInstanceId) {

    static Optional<NewGrants> in(String processInstanceId) {
      CommandContext command = Context.getCommandContext();
      if (command == null || !ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END.equals(
              command.getProcessEngineConfiguration().getHistoryRemovalTimeStrategy())) {
        return Optional.empty();
      }
      ExecutionEntity instance = command.getDbEntityManager().getCachedEntity(ExecutionEntity.class, processInstanceId);
      return instance == null ? Optional.empty()
          : Optional.of(new NewGrants(command, processInstanceId, instance.getRootProcessInstanceId()));
    }

    void add(Holder holder, Resource resource) {
      AuthorizationEntity a = new AuthorizationEntity(AUTH_TYPE_GRANT);
      a.setGroupId(holder.group());
      a.setUserId(holder.user());
      a.setResource(resource);
      a.setResourceId(processInstanceId);
      a.addPermission(READ_OF.get(resource));
      a.setRootProcessInstanceId(rootProcessInstanceId);
      command.getAuthorizationManager().insert(a);
    }
  }

  /**
   * READ on a task just created, for groups and users who follow its case without working it (an
   * instructing leader and his secretaries, R28). The engine deletes a task's grants with the task.
   */
  public void grantNewTaskRead(String taskId, Collection<String> groups, Collection<String> users) {
    new LinkedHashSet<>(groups).forEach(g -> insert(g, null, Resources.TASK, taskId, Permissions.READ));
    new LinkedHashSet<>(users).forEach(u -> insert(null, u, Resources.TASK, taskId, Permissions.READ));
  }

  private void insert(String groupId, String userId, Resource resource, String resourceId, Permission permission) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setResource(resource);
    a.setResourceId(resourceId);
    if (groupId != null) {
      a.setGroupId(groupId);
    } else {
      a.setUserId(userId);
    }
    a.addPermission(permission);
    authorizations.saveAuthorization(a);
  }

  /**
   * What every group of the organisation may do: use Tasklist and Cockpit, read the models; a
   * unit's group also registers its post's absences.
   */
  public void grantOrganizationGroup(String groupId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      return;
    }
    grantGroup(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGroup(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
    grantGroup(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    // the directory: Tasklist and Cockpit show who holds a task and which office it is offered to by
    // name, not by login id
    grantGroup(groupId, Resources.USER, Authorization.ANY, Permissions.READ);
    grantGroup(groupId, Resources.GROUP, Authorization.ANY, Permissions.READ);
    if (Groups.unitCodeOf(groupId) != null) {
      // R26: a unit's people register their post's A holder away and back
      grantGroup(groupId, Resources.PROCESS_DEFINITION, "post-absence", ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grantGroup(groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    }
  }

  public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grant(groupId, null, resource, resourceId, permissions);
  }

  public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    grant(null, userId, resource, resourceId, permissions);
  }

  /** Takes back permissions an earlier version granted; what else the group holds there stays. */
  public void revokeGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
    for (Authorization a : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId).groupIdIn(groupId).list()) {
      if (Objects.equals(a.getResourceId(), resourceId) && Arrays.stream(permissions).anyMatch(a::isPermissionGranted)) {
        for (Permission p : permissions) {
          a.removePermission(p);
        }
        authorizations.saveAuthorization(a);
      }
    }
  }

  private void grant(String groupId, String userId, Resource resource, String resourceId, Permission... permissions) {
    var query = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(resource).resourceId(resourceId);
    query = groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId);
    Authorization a = query.list().stream().filter(x -> Objects.equals(x.getResourceId(), resourceId))
        .findFirst().orElse(null);
    if (a == null) {
      a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setResource(resource);
      a.setResourceId(resourceId);
      if (groupId != null) {
        a.setGroupId(groupId);
      } else {
        a.setUserId(userId);
      }
    } else if (Arrays.stream(permissions).allMatch(a::isPermissionGranted)) {
      return;
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }
}
