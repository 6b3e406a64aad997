package cn.duban.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows what an administrator does in Camunda Admin: a group named {@code unit-<code>} becomes a
 * unit, a user in a unit's or an office's group becomes a person of the organisation, each with
 * the access every group gets, and the forms' lists follow; a name or title corrected there is
 * taken over. Runs every minute; it removes nobody (a person leaving keeps their record).
 */
@Component
public class OrganizationSync {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSync.class);

  private final IdentityService identity;
  private final UnitRepository units;
  private final PersonRepository people;
  private final OrganizationAdmin admin;
  private final OrganizationForms forms;
  private final OrganizationService organization;

  public OrganizationSync(IdentityService identity, UnitRepository units, PersonRepository people,
      OrganizationAdmin admin, OrganizationForms forms, OrganizationService organization) {
    this.organization = organization;
    this.identity = identity;
    this.units = units;
    this.people = people;
    this.admin = admin;
    this.forms = forms;
  }

  @Scheduled(initialDelayString = "${duban.organization.sync-delay:PT1M}", fixedDelayString = "${duban.organization.sync-delay:PT1M}")
  @Transactional
  public int sync() {
    int changed = 0;
    for (Group g : identity.createGroupQuery().list()) {
      String code = Groups.unitCodeOf(g.getId());
      if (code != null && !units.existsById(code)) {
        admin.addUnit(code, g.getName() == null || g.getName().isBlank() ? code : g.getName());
        LOG.info("Unit {} added from the Camunda group {}", code, g.getId());
        changed++;
      }
    }
    for (User u : identity.createUserQuery().list()) {
      String name = u.getFirstName() == null || u.getFirstName().isBlank() ? u.getId() : u.getFirstName();
      Person known = people.findById(u.getId()).orElse(null);
      if (known != null) {
        if (known.rename(name, u.getLastName())) {
          LOG.info("Person {} renamed from the Camunda user", u.getId());
          changed++;
        }
        continue;
      }
      List<String> groups = identity.createGroupQuery().groupMember(u.getId()).list().stream().map(Group::getId).toList();
      String unit = groups.stream().map(Groups::unitCodeOf).filter(c -> c != null).findFirst().orElse(null);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (Role r : Role.values()) {
        // an administrator's account is not a person of the organisation (nobody assesses it)
        if (r != Role.ADMIN && r.groupId() != null && groups.contains(r.groupId())) {
          roles.add(r);
        }
      }
      if (unit == null && roles.isEmpty()) {
        continue;
      }
      admin.addPerson(u.getId(), name, u.getLastName(), unit, roles, null);
      LOG.info("Person {} added from the Camunda user", u.getId());
      changed++;
    }
    if (changed > 0) {
      organization.forget();
      forms.refresh();
    }
    return changed;
  }
}
