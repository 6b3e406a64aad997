package cn.duban.organization;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, as the engine authenticated them (the REST filter, a webapp session): a user and
 * their groups. The project's own API decides with it what the caller may see.
 */
public record Viewer(String userId, Set<String> groups) {

  /** The groups that oversee all work: the supervision and efficiency offices, the principal leaders, admins. */
  static final List<String> OVERSEERS = List.of(Groups.SUPERVISION_OFFICE, Groups.EFFICIENCY_OFFICE,
      Groups.PRINCIPAL_LEADERS, Groups.CAMUNDA_ADMIN);

  public boolean in(String... candidates) {
    for (String g : candidates) {
      if (groups.contains(g)) {
        return true;
      }
    }
    return false;
  }

  public boolean overseesAll() {
    return OVERSEERS.stream().anyMatch(groups::contains);
  }

  /** A unit's handlers and head see the unit's work. */
  public boolean ofUnit(String unitCode) {
    return unitCode != null && groups.contains(Groups.ofUnit(unitCode));
  }
}
