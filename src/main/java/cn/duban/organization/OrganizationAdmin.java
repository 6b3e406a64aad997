package cn.duban.organization;

import static cn.duban.common.Inputs.text;

import cn.duban.common.InputException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds units and people the one way, whoever asks (the start-up seed, the API, a group or user an
 * administrator created in Camunda Admin): the project's Unit and Person rows, the Camunda group
 * and user, the memberships, and what every group of the organisation may do. Only adds what is
 * missing; never resets a password or removes anything.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class OrganizationAdmin {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,30}");

  private final IdentityService identity;
  private final UnitRepository units;
  private final PersonRepository people;
  private final Access access;
  private final ApplicationEventPublisher events;
  private final OrganizationService organization;

  public OrganizationAdmin(IdentityService identity, UnitRepository units, PersonRepository people, Access access,
      ApplicationEventPublisher events, OrganizationService organization) {
    this.organization = organization;
    this.identity = identity;
    this.units = units;
    this.people = people;
    this.access = access;
    this.events = events;
  }

  /** The office groups of the roles. */
  public void ensureOfficeGroups() {
    for (Role role : Role.values()) {
      if (role.groupId() != null) {
        ensureGroup(role.groupId(), role.groupName(),
            Groups.CAMUNDA_ADMIN.equals(role.groupId()) ? "SYSTEM" : "WORKFLOW");
      }
    }
  }

  public Unit addUnit(String code, String name) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InputException("code", "单位代码须为小写字母、数字、“-”，不超过31个字符（code）");
    }
    String unitName = text("name", name, "单位名称", 255);
    Unit unit = units.findById(code).orElseGet(() -> units.save(new Unit(code, unitName)));
    organization.forget();
    ensureGroup(unit.getGroupId(), unit.getName(), "WORKFLOW");
    return unit;
  }

  /**
   * A person of the organisation, as a Camunda user in the groups of their roles and their unit.
   *
   * @param password for a user that does not exist yet; an existing user keeps theirs
   */
  public Person addPerson(String id, String name, String title, String unitCode, Set<Role> roles, String password) {
    if (id == null || !CODE.matcher(id).matches()) {
      throw new InputException("id", "用户名须为小写字母、数字、“-”，不超过31个字符（id）");
    }
    String personName = text("name", name, "姓名", 64);
    Set<Role> personRoles = roles == null || roles.isEmpty() ? EnumSet.of(Role.HANDLER) : EnumSet.copyOf(roles);
    if (unitCode != null && !units.existsById(unitCode)) {
      throw new InputException("unit", "单位“" + unitCode + "”不存在（unit）");
    }
    boolean newUser = identity.createUserQuery().userId(id).count() == 0;
    // every check before anything is stored: a refused request leaves no half a person behind
    if (newUser && (password == null || password.length() < 8)) {
      throw new InputException("password", "初始密码至少8位（password）");
    }
    Person person = people.findById(id).orElseGet(
        () -> people.save(new Person(id, personName, title, unitCode, personRoles)));
    organization.forget();
    if (newUser) {
      User user = identity.newUser(id);
      user.setFirstName(personName);
      user.setLastName(title == null ? "" : title);
      user.setPassword(password);
      identity.saveUser(user);
    }
    for (Role role : person.getRoles()) {
      if (role.groupId() != null) {
        ensureMembership(id, role.groupId());
      }
    }
    if (person.getUnitCode() != null) {
      ensureMembership(id, Groups.ofUnit(person.getUnitCode()));
    }
    return person;
  }

  void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
    access.grantOrganizationGroup(id);
    // also for a group an administrator made in Camunda Admin: what follows a group only adds
    events.publishEvent(new OrganizationGroupAdded(id));
  }

  private void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
