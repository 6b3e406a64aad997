package cn.duban.web;

import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;

import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.common.InLists;
import cn.duban.complaint.ComplaintRepository;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.InstanceViewers;
import cn.duban.supervision.SupervisionCaseRepository;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what, with Camunda's authorization checks on (granted at every start, adding only
 * what is missing):
 * <ul>
 * <li>administrators everything;</li>
 * <li>every group of the organisation Tasklist and Cockpit, and the models to read;</li>
 * <li>a process's starters, as its model names them (candidateStarterGroups), may start it;</li>
 * <li>the supervision office, the efficiency office and the principal leaders see all instances and tasks;</li>
 * <li>the office that owns a process sees all its instances;</li>
 * <li>process analysts deploy models and forms (Camunda Modeler) and read every deployment,
 * definition and decision requirements diagram, and the instances as the overseeing offices do
 * (Cockpit), but no task, no variable to change, no user or group to administer;</li>
 * <li>everyone else sees the tasks offered to them (the engine grants those) and the instances
 * that concern them: a case's units, leader and responsible person, an accountability
 * procedure's subject and leaders, a complaint's investigating unit ({@link InstanceViewers}).</li>
 * </ul>
 */
@Component
public class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  private final Access access;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final SupervisionCaseRepository cases;
  private final AccountabilityRecordRepository accountability;
  private final ComplaintRepository complaints;
  private final JdbcTemplate jdbc;

  public AccessSetup(Access access, IdentityService identity, RepositoryService repository,
      SupervisionCaseRepository cases, AccountabilityRecordRepository accountability, ComplaintRepository complaints,
      JdbcTemplate jdbc) {
    this.access = access;
    this.identity = identity;
    this.repository = repository;
    this.cases = cases;
    this.accountability = accountability;
    this.complaints = complaints;
    this.jdbc = jdbc;
  }

  @Transactional
  public void ensure() {
    Group admins = identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
    if (admins != null && "camunda BPM Administrators".equals(admins.getName())) {
      admins.setName("系统管理员");  // Camunda's own name for the group, in English, in Camunda Admin
      identity.saveGroup(admins);
    }
    for (Resources r : Resources.values()) {
      access.grantGroup(Groups.CAMUNDA_ADMIN, r, Authorization.ANY, ALL);
    }
    for (Group g : identity.createGroupQuery().list()) {
      access.grantOrganizationGroup(g.getId());
    }
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (var link : repository.getIdentityLinksForProcessDefinition(d.getId())) {
        if (link.getGroupId() != null) {
          access.grantGroup(link.getGroupId(), Resources.PROCESS_DEFINITION, d.getKey(),
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
          access.grantGroup(link.getGroupId(), Resources.PROCESS_INSTANCE, Authorization.ANY, CREATE);
        }
      }
    }
    for (String overseer : Groups.OVERSEERS) {
      access.grantGroup(overseer, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      access.grantGroup(overseer, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
      access.grantGroup(overseer, Resources.TASK, Authorization.ANY, TaskPermissions.READ);
      access.grantGroup(overseer, Resources.HISTORIC_TASK, Authorization.ANY, HistoricTaskPermissions.READ);
      access.grantGroup(overseer, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
          HistoricProcessInstancePermissions.READ);
      access.grantGroup(overseer, Resources.DECISION_DEFINITION, Authorization.ANY, READ);
    }
    analysts();
    // nobody but administrators changes an instance beside its tasks (variables, messages, moving
    // tokens in Cockpit): the application's own checks would be skipped; the supervision office
    // withdraws a case through the project's API, which checks first
    access.revokeGroup(Groups.SUPERVISION_OFFICE, Resources.PROCESS_DEFINITION, "supervision-case",
        ProcessDefinitionPermissions.UPDATE_INSTANCE);
    Groups.OWNERS.forEach((group, keys) -> keys.forEach(key -> access.grantGroup(group, Resources.PROCESS_DEFINITION, key,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK)));
  }

  /**
   * Process analysts: deploy (what {@code ModelCheck} lets through) and read what was deployed; read
   * instances and their history as the overseeing offices do, to judge a change against the running
   * cases in Cockpit; no task (its form data is the units' work), no change to an instance, no
   * deleting a deployment (a model in use stays), nothing of Camunda Admin.
   */
  private void analysts() {
    String analysts = Groups.PROCESS_ANALYSTS;
    access.grantGroup(analysts, Resources.DEPLOYMENT, Authorization.ANY, CREATE, READ);
    access.grantGroup(analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
    access.grantGroup(analysts, Resources.DECISION_DEFINITION, Authorization.ANY, READ);
    access.grantGroup(analysts, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    access.grantGroup(analysts, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
    access.grantGroup(analysts, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * Removes the grants on process instances that no longer run, which the starts until 4 December
   * wrote (a row no check needs, among those of a unit's group that every task list reads). One
   * statement of its own, outside {@link #ensure}'s transaction, so that its locks are held for
   * the statement alone. Should it fail, the rows stay to the next start: nothing depends on them.
   */
  public void removeGrantsOnEndedInstances() {
    try {
      int ended = jdbc.update("delete from act_ru_authorization a where a.resource_type_ = ? and a.resource_id_ <> '*'"
          + " and not exists (select 1 from act_ru_execution e where e.id_ = a.resource_id_)",
          Resources.PROCESS_INSTANCE.resourceType());
      if (ended > 0) {
        LOG.info("Removed {} grants on process instances that no longer run", ended);
      }
    } catch (DataAccessException e) {
      LOG.warn("Could not remove the grants on process instances that no longer run; the next start tries again", e);
    }
  }

  /**
   * Running instances without a grant on the instance (from before authorization was on, or whose
   * grant was lost) get their viewers' grants again, on the instance and its history. Only running
   * ones: the engine deletes an instance's grants when it ends (those on its history stay, with
   * their removal time), so a grant written on an ended one is a row no check reads (until
   * 4 December the first start after a case ended wrote one for each of its viewers; see
   * {@link #removeGrantsOnEndedInstances}). The instances are found in the database, and the
   * records read are theirs alone, not every year's cases nor every grant. An ended instance's
   * grants on its history are written when it starts and are not written again here: every start
   * from 23 November (authorization on) to 4 December wrote those of the instances that had ended
   * before.
   *
   * <p>Outside {@link #ensure}'s transaction, each grant in a command of its own: a grant that fails
   * is logged, and the node still starts. Once any grant of the instance is written, no later start
   * looks at it again. (Nodes started together take their turns, {@link StartupLock}.)
   */
  public void restoreInstanceGrants() {
    List<String> ungranted = jdbc.queryForList("select e.id_ from act_ru_execution e where e.id_ = e.proc_inst_id_"
        + " and not exists (select 1 from act_ru_authorization a where a.resource_type_ = ? and a.resource_id_ = e.id_)",
        String.class, Resources.PROCESS_INSTANCE.resourceType());
    Stream.of(InLists.read(ungranted, cases::findByProcessInstanceIdIn).stream().map(c -> c.viewers()),
            InLists.read(ungranted, accountability::findByProcessInstanceIdIn).stream().map(r -> r.viewers()),
            InLists.read(ungranted, complaints::findByProcessInstanceIdIn).stream().map(c -> c.viewers()))
        .flatMap(s -> s)
        .filter(v -> !v.groups().isEmpty() || !v.users().isEmpty())
        .forEach(v -> {
          try {
            access.grant(v);
          } catch (ProcessEngineException | DataAccessException e) {
            LOG.warn("Could not restore every grant on process instance {}: grant its viewers {} and {} in"
                + " Camunda Admin",
                v.processInstanceId(), v.groups(), v.users(), e);
          }
        });
  }
}
