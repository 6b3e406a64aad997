package cn.duban.message;

import cn.duban.common.InputException;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.PostService;
import cn.duban.organization.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R33: who receives each kind of event (message_recipient_rule, which an administrator changes),
 * and the people and units those roles are when the message is sent.
 */
@Service
public class MessageRecipients {

  /** A person ({@code PERSON:id}) or a unit's group robot ({@code UNIT:code}). */
  public record Target(String key, String name, String personId, String unitCode) {
  }

  private final JdbcTemplate jdbc;
  private final OrganizationService organization;
  private final PostService posts;

  public MessageRecipients(JdbcTemplate jdbc, OrganizationService organization, PostService posts) {
    this.jdbc = jdbc;
    this.organization = organization;
    this.posts = posts;
  }

  public Set<RecipientRole> roles(MessageType type) {
    Set<RecipientRole> roles = EnumSet.noneOf(RecipientRole.class);
    jdbc.queryForList("select recipient_role from message_recipient_rule where event_type = ?", String.class, type.name())
        .forEach(r -> roles.add(RecipientRole.valueOf(r)));
    return roles;
  }

  public Map<MessageType, Set<RecipientRole>> all() {
    Map<MessageType, Set<RecipientRole>> all = new LinkedHashMap<>();
    for (MessageType t : MessageType.values()) {
      all.put(t, roles(t));
    }
    return all;
  }

  /** An administrator's choice of the roles that receive {@code type}; none switches the event off. */
  @Transactional
  public Set<RecipientRole> save(MessageType type, List<String> roles) {
    Set<RecipientRole> chosen = EnumSet.noneOf(RecipientRole.class);
    for (String r : roles == null ? List.<String>of() : roles) {
      try {
        chosen.add(RecipientRole.valueOf(r));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new InputException("roles", "未知的接收人类别：" + r + "（roles）");
      }
    }
    jdbc.update("delete from message_recipient_rule where event_type = ?", type.name());
    for (RecipientRole r : chosen) {
      jdbc.update("insert into message_recipient_rule (event_type, recipient_role) values (?, ?)", type.name(), r.name());
    }
    return chosen;
  }

  /** The people and unit robots the roles name for an event with these parameters, each once. */
  public List<Target> resolve(Set<RecipientRole> roles, Map<String, String> params) {
    Map<String, Target> targets = new LinkedHashMap<>();
    String unit = params.get("unit");
    for (RecipientRole role : roles) {
      switch (role) {
        case UNIT_HANDLERS -> {
          if (unit != null) {
            unitPeople(unit, Role.HANDLER).forEach(p -> add(targets, p));
            addUnit(targets, unit);
          }
        }
        case UNIT_HEAD -> {
          if (unit != null) {
            unitPeople(unit, Role.UNIT_HEAD).forEach(p -> add(targets, p));
            addUnit(targets, unit);
          }
        }
        case POST_HOLDER -> {
          if (unit != null) {
            posts.holderOf(unit).flatMap(organization::findPerson).ifPresent(p -> add(targets, p));
          }
        }
        case LEADER_IN_CHARGE -> person(params.get("leader")).forEach(p -> add(targets, p));
        case INSTRUCTING_LEADER -> person(params.get("instructingLeader")).forEach(p -> add(targets, p));
        case PERSON -> person(params.get("person")).forEach(p -> add(targets, p));
        case SUPERVISION_OFFICE -> organization.peopleWith(Role.SUPERVISOR).forEach(p -> add(targets, p));
        case ALL_UNIT_HEADS -> organization.allPeople().stream().filter(p -> p.getUnitCode() != null)
            .filter(p -> p.hasRole(Role.UNIT_HEAD)).forEach(p -> {
              add(targets, p);
              addUnit(targets, p.getUnitCode());
            });
        case LEADERS -> organization.allPeople().stream()
            .filter(p -> p.hasRole(Role.LEADER) || p.hasRole(Role.PRINCIPAL_LEADER)).forEach(p -> add(targets, p));
        case SUBJECT -> {
          String subject = params.get("subject");
          if (subject != null && subject.startsWith("PERSON:")) {
            person(subject.substring("PERSON:".length())).forEach(p -> add(targets, p));
          } else if (subject != null && subject.startsWith("UNIT:")) {
            String code = subject.substring("UNIT:".length());
            unitPeople(code, Role.UNIT_HEAD).forEach(p -> add(targets, p));
            addUnit(targets, code);
          }
        }
        default -> throw new IllegalStateException(role.name());
      }
    }
    return new ArrayList<>(targets.values());
  }

  private List<Person> unitPeople(String unit, Role role) {
    return organization.allPeople().stream().filter(p -> unit.equals(p.getUnitCode()) && p.hasRole(role)).toList();
  }

  private List<Person> person(String id) {
    return id == null ? List.of() : organization.findPerson(id).stream().toList();
  }

  private static void add(Map<String, Target> targets, Person p) {
    targets.putIfAbsent("PERSON:" + p.getId(), new Target("PERSON:" + p.getId(), p.getName(), p.getId(), p.getUnitCode()));
  }

  private void addUnit(Map<String, Target> targets, String unit) {
    targets.putIfAbsent("UNIT:" + unit, new Target("UNIT:" + unit, organization.unitName(unit), null, unit));
  }
}
