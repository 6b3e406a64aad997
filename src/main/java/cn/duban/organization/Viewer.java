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

  /**
   * Whether this person may read a record of a process instance: the overseeing offices and
   * administrators read everything, the office that owns the process all its instances, everyone
   * else what the record names them or their groups in. The same rule Camunda's grants carry out
   * for the engine's data ({@link Access}).
   */
  public boolean mayRead(InstanceViewers record) {
    return overseesAll()
        || Groups.OWNERS.entrySet().stream().anyMatch(o -> groups.contains(o.getKey()) && o.getValue().contains(record.processKey()))
        || record.groups().stream().anyMatch(groups::contains)
        || record.users().contains(userId);
  }

  /** A unit's handlers and head see the unit's work. */
  public boolean ofUnit(String unitCode) {
    return unitCode != null && groups.contains(Groups.ofUnit(unitCode));
  }
}
