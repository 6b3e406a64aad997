package cn.duban.organization;

import java.util.Set;

/**
 * Who is asking, as the engine authenticated them (the REST filter, a webapp session): a user and
 * their groups. The project's own API decides with it what the caller may see.
 */
public record Viewer(String userId, Set<String> groups) {

  public boolean in(String... candidates) {
    for (String g : candidates) {
      if (groups.contains(g)) {
        return true;
      }
    }
    return false;
  }

  /** The overseeing offices and administrators see all work. */
  public boolean overseesAll() {
    return groups.contains(Groups.CAMUNDA_ADMIN) || Groups.OVERSEERS.stream().anyMatch(groups::contains);
  }

  /** A unit's handlers and head see the unit's work. */
  public boolean ofUnit(String unitCode) {
    return unitCode != null && groups.contains(Groups.ofUnit(unitCode));
  }
}
