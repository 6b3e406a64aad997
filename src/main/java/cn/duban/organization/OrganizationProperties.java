package cn.duban.organization;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation created at start-up: units and people, as Camunda users and groups and as the
 * project's own rows. Existing users keep their passwords; nothing is deleted.
 *
 * @param initialPassword the password of every user this seed creates
 * @param mailDomain when set, a seeded user without an e-mail address gets {@code <id>@<mailDomain>}
 *     (the demo's people, so that their messages show in a mail catcher, R33)
 */
@ConfigurationProperties("duban.organization")
public record OrganizationProperties(String initialPassword, List<UnitSeed> units, List<PersonSeed> people,
    List<PostSeed> posts, String mailDomain) {

  public OrganizationProperties {
    units = units == null ? List.of() : units;
    people = people == null ? List.of() : people;
    posts = posts == null ? List.of() : posts;
  }

  public record UnitSeed(String code, String name) {
  }

  public record PersonSeed(String id, String name, String title, String unit, Set<Role> roles) {
  }

  /** R26: a unit's post with its A and B holders. */
  public record PostSeed(String unit, String name, String a, String b) {
  }
}
