package cn.duban.organization;

import cn.duban.organization.OrganizationProperties.PersonSeed;
import cn.duban.organization.OrganizationProperties.UnitSeed;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the configured organisation: the office groups, a group per unit, the people as Camunda
 * users in their groups, and the project's Unit and Person rows. Runs at every start and only adds
 * what is missing, so a restart never resets a password someone changed.
 */
@Component
public class OrganizationSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSeeder.class);

  private final OrganizationProperties properties;
  private final IdentityService identity;
  private final UnitRepository units;
  private final PersonRepository people;

  public OrganizationSeeder(OrganizationProperties properties, IdentityService identity,
      UnitRepository units, PersonRepository people) {
    this.properties = properties;
    this.identity = identity;
    this.units = units;
    this.people = people;
  }

  @Transactional
  public void seed() {
    if (properties.units().isEmpty() && properties.people().isEmpty()) {
      return;
    }
    for (Role role : Role.values()) {
      if (role.groupId() != null) {
        ensureGroup(role.groupId(), role.groupName(), Groups.CAMUNDA_ADMIN.equals(role.groupId()) ? "SYSTEM" : "WORKFLOW");
      }
    }
    for (UnitSeed seed : properties.units()) {
      Unit unit = units.findById(seed.code()).orElseGet(() -> units.save(new Unit(seed.code(), seed.name())));
      ensureGroup(unit.getGroupId(), unit.getName(), "WORKFLOW");
    }
    int created = 0;
    for (PersonSeed seed : properties.people()) {
      Set<Role> roles = seed.roles() == null || seed.roles().isEmpty()
          ? EnumSet.of(Role.HANDLER) : EnumSet.copyOf(seed.roles());
      if (seed.unit() != null && !units.existsById(seed.unit())) {
        throw new IllegalStateException("duban.organization.people: " + seed.id() + " names unknown unit " + seed.unit());
      }
      if (!people.existsById(seed.id())) {
        people.save(new Person(seed.id(), seed.name(), seed.title(), seed.unit(), roles));
      }
      if (identity.createUserQuery().userId(seed.id()).count() == 0) {
        if (properties.initialPassword() == null || properties.initialPassword().isBlank()) {
          throw new IllegalStateException("duban.organization.initial-password is not set");
        }
        User user = identity.newUser(seed.id());
        user.setFirstName(seed.name());
        user.setLastName(seed.title() == null ? "" : seed.title());
        user.setPassword(properties.initialPassword());
        identity.saveUser(user);
        created++;
      }
      for (Role role : roles) {
        if (role.groupId() != null) {
          ensureMembership(seed.id(), role.groupId());
        }
      }
      if (seed.unit() != null) {
        ensureMembership(seed.id(), Groups.ofUnit(seed.unit()));
      }
    }
    LOG.info("Organisation: {} units, {} people ({} users created)",
        properties.units().size(), properties.people().size(), created);
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void ensureMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
