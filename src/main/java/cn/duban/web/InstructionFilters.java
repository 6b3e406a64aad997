package cn.duban.web;

import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.InstructionReaders;
import cn.duban.organization.Person;
import cn.duban.organization.OrganizationGroupAdded;
import cn.duban.organization.OrganizationService;
import cn.duban.supervision.CaseVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R28: each leader's Tasklist filter 我批示的事项: the tasks of the cases he instructed (process
 * variable {@code instructingLeader}), whoever works them. Owned by the leader and shared with
 * his group (he and his secretaries, {@link InstructionReaders}), which may read those tasks. Made
 * once a leader's group exists: at start-up for every leader, and when a group is made later.
 */
@Component
public class InstructionFilters {

  static final String NAME = "我批示的事项";
  private static final String LEADER = "instructingLeader";

  private final FilterService filters;
  private final TaskService tasks;
  private final Access access;
  private final InstructionReaders readers;
  private final OrganizationService organization;

  public InstructionFilters(FilterService filters, TaskService tasks, Access access, InstructionReaders readers,
      OrganizationService organization) {
    this.filters = filters;
    this.tasks = tasks;
    this.access = access;
    this.readers = readers;
    this.organization = organization;
  }

  /** At start-up ({@link Startup}, once the organisation is seeded): every leader's group and filter. */
  public void ensureAll() {
    organization.allPeople().stream().filter(Person::isCountyLeader)
        .forEach(p -> ensure(readers.ensure(p.getId())));
  }

  @EventListener
  public void groupAdded(OrganizationGroupAdded event) {
    if (Groups.leaderOfInstructionReaders(event.groupId()) != null) {
      ensure(event.groupId());
    }
  }

  private void ensure(String groupId) {
    String leader = Groups.leaderOfInstructionReaders(groupId);
    Filter filter = filters.createFilterQuery().filterName(NAME).filterOwner(leader).list().stream().findFirst()
        .orElseGet(() -> {
          Map<String, Object> properties = new HashMap<>(Map.of(
              "description", organization.personName(leader) + "批示的督办事项的待办（含承办单位正在办理的）",
              "priority", -11,
              "refresh", true,
              "variables", TasklistFilters.CASE_COLUMNS));
          properties.put(LEADER, leader);
          return filters.saveFilter(filters.newTaskFilter(NAME).setOwner(leader)
              .setQuery(tasks.createTaskQuery().processVariableValueEquals(CaseVariables.INSTRUCTING_LEADER, leader)
                  .orderByDueDate().asc())
              .setProperties(properties));
        });
    access.grantGroup(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
