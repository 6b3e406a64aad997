package cn.duban.organization;

import cn.duban.common.Actors;
import cn.duban.common.InputException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R28: who reads what a leader instructed: the leader and whoever he names as his secretary (秘书),
 * as one Camunda group per leader ({@link Groups#instructionReaders}, "赵振邦批示件"). The cases he
 * instructed, their tasks and his Tasklist filter 我批示的事项 are granted to the group, so a new
 * secretary reads them all at once and a former one nothing more. The group's members are the
 * record of who the secretary is: Camunda Admin shows and changes them too.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class InstructionReaders {

  private final IdentityService identity;
  private final OrganizationService organization;
  private final Access access;
  private final ApplicationEventPublisher events;

  public InstructionReaders(IdentityService identity, OrganizationService organization, Access access,
      ApplicationEventPublisher events) {
    this.identity = identity;
    this.organization = organization;
    this.access = access;
    this.events = events;
  }

  /** The leader's group, with the leader in it; made once (the application's own step, not the caller's). */
  public String ensure(String leaderId) {
    String groupId = Groups.instructionReaders(leaderId);
    asApplication(() -> {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(organization.personName(leaderId) + "批示件");
        group.setType("instructions");
        identity.saveGroup(group);
        access.grantOrganizationGroup(groupId);
        events.publishEvent(new OrganizationGroupAdded(groupId));
      }
      if (identity.createUserQuery().userId(leaderId).memberOfGroup(groupId).count() == 0
          && identity.createUserQuery().userId(leaderId).count() > 0) {
        identity.createMembership(leaderId, groupId);
      }
      return null;
    });
    return groupId;
  }

  /** The leader's secretaries: the members of his group but himself. */
  public List<String> secretaries(String leaderId) {
    return asApplication(() -> identity.createUserQuery().memberOfGroup(Groups.instructionReaders(leaderId)).list()
        .stream().map(User::getId).filter(id -> !id.equals(leaderId)).sorted().toList());
  }

  /**
   * The leader names his secretary (null or blank: none); whoever was secretary before is no
   * longer. Allowed to the leader himself and administrators (the caller checks).
   */
  public List<String> nameSecretary(String leaderId, String secretaryId) {
    Person leader = organization.person("leaderId", leaderId);
    if (!leader.isCountyLeader()) {
      throw new InputException("leaderId", "“" + leader.getName() + "”不是县领导，不能指定秘书（leaderId）");
    }
    Optional<String> secretary = Optional.ofNullable(secretaryId).map(String::strip).filter(s -> !s.isEmpty());
    if (secretary.isPresent()) {
      if (secretary.get().equals(leaderId)) {
        throw new InputException("secretary", "秘书不能是领导本人（secretary）");
      }
      if (asApplication(() -> identity.createUserQuery().userId(secretary.get()).count()) == 0) {
        throw new InputException("secretary", "用户“" + secretary.get() + "”不存在（secretary）");
      }
    }
    String groupId = ensure(leaderId);
    asApplication(() -> {
      for (String former : secretaries(leaderId)) {
        if (secretary.isEmpty() || !former.equals(secretary.get())) {
          identity.deleteMembership(former, groupId);
        }
      }
      if (secretary.isPresent()
          && identity.createUserQuery().userId(secretary.get()).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(secretary.get(), groupId);
      }
      return null;
    });
    return secretaries(leaderId);
  }

  /**
   * The leaders whose instructions a person reads: himself if he may instruct, and the leaders
   * whose group he is in.
   */
  public List<String> leadersReadBy(String userId, java.util.Collection<String> groups) {
    java.util.Set<String> leaders = new java.util.TreeSet<>();
    organization.findPerson(userId).filter(Person::isCountyLeader).ifPresent(p -> leaders.add(p.getId()));
    groups.stream().map(Groups::leaderOfInstructionReaders).filter(java.util.Objects::nonNull).forEach(leaders::add);
    return List.copyOf(leaders);
  }

  /** Identity changes are the application's, after its own checks: not the caller's authorizations. */
  private <T> T asApplication(Supplier<T> work) {
    return Actors.asApplication(identity, work);
  }
}
