package cn.duban.organization;

import static cn.duban.common.Inputs.text;

import cn.duban.common.InputException;
import cn.duban.common.Refusal;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
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
  private final ObjectProvider<PostChangeBar> bars;

  public OrganizationAdmin(IdentityService identity, UnitRepository units, PersonRepository people, Access access,
      ApplicationEventPublisher events, OrganizationService organization, ObjectProvider<PostChangeBar> bars) {
    this.organization = organization;
    this.bars = bars;
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

  /**
   * R13: a person's post changes: transferred to another unit, or promoted (another title or
   * roles); the Camunda user's title and memberships follow. Refused (403) while a rule of a domain
   * bars it, such as the rectification of the unit the person heads; nothing changes then.
   */
  public Person changePost(String id, String title, String unitCode, Set<Role> roles) {
    Person person = id == null ? null : people.findById(id).orElse(null);
    if (person == null) {
      throw new InputException("id", "人员“" + id + "”不存在（id）");
    }
    String newUnit = unitCode == null || unitCode.isBlank() ? person.getUnitCode() : unitCode.strip();
    if (newUnit != null && !units.existsById(newUnit)) {
      throw new InputException("unit", "单位“" + newUnit + "”不存在（unit）");
    }
    String newTitle = title == null ? person.getTitle() : text("title", title, "职务", 64);
    Set<Role> oldRoles = person.getRoles();
    Set<Role> newRoles = roles == null || roles.isEmpty() ? oldRoles : EnumSet.copyOf(roles);
    String oldUnit = person.getUnitCode();
    boolean same = java.util.Objects.equals(oldUnit, newUnit) && java.util.Objects.equals(person.getTitle(), newTitle)
        && oldRoles.equals(newRoles);
    if (same) {
      return person;
    }
    for (PostChangeBar bar : bars) {
      bar.refusal(id).ifPresent(reason -> {
        throw new Refusal(reason);
      });
    }
    person.changePost(newTitle, newUnit, newRoles);
    organization.forget();
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user != null) {
      user.setLastName(newTitle == null ? "" : newTitle);
      identity.saveUser(user);
    }
    if (oldUnit != null && !oldUnit.equals(newUnit)) {
      identity.deleteMembership(id, Groups.ofUnit(oldUnit));
    }
    for (Role role : oldRoles) {
      if (role.groupId() != null && !newRoles.contains(role)) {
        identity.deleteMembership(id, role.groupId());
      }
    }
    for (Role role : newRoles) {
      if (role.groupId() != null) {
        ensureMembership(id, role.groupId());
      }
    }
    if (newUnit != null) {
      ensureMembership(id, Groups.ofUnit(newUnit));
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

  /** R33: gives a user an e-mail address where he has none; an address he has is kept. */
  @Transactional
  public void ensureEmail(String id, String email) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user != null && (user.getEmail() == null || user.getEmail().isBlank())) {
      user.setEmail(email);
      identity.saveUser(user);
    }
  }
}
