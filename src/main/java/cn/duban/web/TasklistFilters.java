package cn.duban.web;

import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationGroupAdded;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of the offices and units, created once by name (an administrator's later
 * changes stay) and shared with the groups that use them. What a filter shows is further limited by
 * the authorizations: a unit's filters show the unit's tasks only, the supervision office's all.
 */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "我的待办";

  /** The case's number, item, unit, deadline and level; a complaint's code, unit and limit. */
  static final List<Map<String, String>> CASE_COLUMNS = List.of(
      Map.of("name", "caseNumber", "label", "督办编号"),
      Map.of("name", "title", "label", "事项"),
      Map.of("name", "leadUnitName", "label", "承办单位"),
      Map.of("name", "deadlineText", "label", "完成时限"),
      Map.of("name", "warningLevelLabel", "label", "督办级别"));
  private static final List<Map<String, String>> COMPLAINT_COLUMNS = List.of(
      Map.of("name", "trackingCode", "label", "投诉编号"),
      Map.of("name", "unitName", "label", "被投诉单位"),
      Map.of("name", "typeLabel", "label", "类型"),
      Map.of("name", "routingLabel", "label", "分办方式"),
      Map.of("name", "limitText", "label", "办理时限"));

  /** The decisions of leaders and offices: extensions, interviews, measures, sanctions, appeals, acceptances. */
  static final List<String> APPROVALS = List.of("decideExtension", "approveInterview", "reviewClosure",
      "approveMeasure", "decideSanction", "reviewAppeal", "reviewRectification", "decideAccountability",
      "reviewGrades", "selectHighlights");

  private static final Predicate<String> EVERYONE = g -> true;
  private static final Predicate<String> UNITS = g -> Groups.unitCodeOf(g) != null;
  private static final Predicate<String> COMPLAINT_HANDLERS = UNITS.or(g -> List.of(Groups.COMPLAINT_DESK,
      Groups.EFFICIENCY_OFFICE, Groups.SUPERVISION_OFFICE).contains(g));
  private static final Predicate<String> APPROVERS = g -> List.of(Groups.LEADERS, Groups.PRINCIPAL_LEADERS,
      Groups.SUPERVISION_OFFICE, Groups.EFFICIENCY_OFFICE, Groups.DISCIPLINE_INSPECTION,
      Groups.ORGANIZATION_DEPARTMENT, Groups.ASSESSMENT_OFFICE, Groups.DEPARTMENT_HEADS).contains(g);

  /**
   * A filter: its name and query, the columns it shows, who uses it. {@code scope} tells apart two
   * filters of one name: a unit's own work ("own") and the whole county's for the offices that
   * oversee all work ("all"); null for a filter everyone shares.
   */
  record Spec(String name, String description, int priority, Function<TaskService, TaskQuery> query,
      List<Map<String, String>> columns, Predicate<String> audience, String scope) {

    Spec(String name, String description, int priority, Function<TaskService, TaskQuery> query,
        List<Map<String, String>> columns, Predicate<String> audience) {
      this(name, description, priority, query, columns, audience, null);
    }
  }

  private static final Predicate<String> OVERSEERS = g -> Groups.OVERSEERS.contains(g);
  private static final String SCOPE = "scope";

  /**
   * A filter by due date or level, twice: for the offices that oversee all work, every such task
   * (the authorization checks show them all); for everyone else, the work offered to their unit's
   * or office's groups, claimed or not, as 本单位待办. The second lets the database start from the
   * group's few tasks (an index) instead of every due task of the county, and stay fast as the
   * county's history grows; a task given to a person alone (a leader's decision) is in that
   * person's 我的待办 and 待我审批.
   */
  private static List<Spec> ownAndAll(String name, String description, int priority,
      Function<TaskQuery, TaskQuery> criteria) {
    return List.of(
        new Spec(name, description, priority, t -> criteria.apply(t.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()).orderByDueDate().asc(),
            CASE_COLUMNS, OVERSEERS.negate(), "own"),
        new Spec(name, description + "（全部）", priority, t -> criteria.apply(t.createTaskQuery()).orderByDueDate().asc(),
            CASE_COLUMNS, OVERSEERS, "all"));
  }

  static final List<Spec> SPECS = java.util.stream.Stream.of(List.of(
      new Spec(MY_TASKS, "分配给我或我所在单位、科室的待办事项", -10,
          t -> mine(t).orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("本单位待办", "本单位（科室）的全部待办，含已由同事认领的", -9,
          t -> t.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .orderByDueDate().asc(), CASE_COLUMNS, EVERYONE)),
      ownAndAll("即将到期", "三个工作日内到期的待办", -8,
          q -> q.dueAfterExpression("${now()}").dueBeforeExpression("${dueDates.soon()}")),
      ownAndAll("已逾期", "已过办理时限的待办", -7, q -> q.dueBeforeExpression("${now()}")),
      ownAndAll("黄牌督办", "督办级别为黄灯的事项的待办", -6, q -> q.processVariableValueEquals("warningLevel", "YELLOW")),
      ownAndAll("红牌督办", "督办级别为红灯的事项的待办", -5, q -> q.processVariableValueEquals("warningLevel", "RED")),
      List.of(
      new Spec("投诉待办", "投诉调查的待办", -4,
          t -> t.createTaskQuery().processDefinitionKey("complaint-investigation").orderByDueDate().asc(), COMPLAINT_COLUMNS,
          COMPLAINT_HANDLERS),
      new Spec("待我审批", "等我审批、决定或验收的事项", -3,
          t -> mine(t).taskDefinitionKeyIn(APPROVALS.toArray(String[]::new)).orderByDueDate().asc(), CASE_COLUMNS,
          APPROVERS))).flatMap(List::stream).toList();

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Access access;

  public TasklistFilters(FilterService filters, TaskService tasks, IdentityService identity, Access access) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.access = access;
  }

  /** Assigned to the user, or offered to the user or a group of theirs. */
  private static TaskQuery mine(TaskService t) {
    return t.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
        .taskCandidateUserExpression("${currentUser()}").endOr();
  }

  public void ensure() {
    for (Spec spec : SPECS) {
      if (find(spec).isEmpty()) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
            "description", spec.description(),
            "priority", spec.priority(),
            "refresh", true,
            "variables", spec.columns()));
        if (spec.scope() != null) {
          properties.put(SCOPE, spec.scope());
        }
        filters.saveFilter(filters.newTaskFilter(spec.name()).setQuery(spec.query().apply(tasks))
            .setProperties(properties));
      }
    }
    for (Group g : identity.createGroupQuery().list()) {
      share(g.getId());
    }
  }

  /**
   * The filter of a spec. A filter of a scoped name made before scopes existed is the county-wide
   * one: it becomes "all" (and is taken from those it is not for, in {@link #share}).
   */
  private java.util.Optional<Filter> find(Spec spec) {
    List<Filter> named = filters.createFilterQuery().filterName(spec.name()).list();
    if (spec.scope() == null) {
      return named.stream().findFirst();
    }
    for (Filter f : named) {
      if (f.getProperties() == null || f.getProperties().get(SCOPE) == null) {
        Map<String, Object> properties = new java.util.HashMap<>(f.getProperties() == null ? Map.of()
            : f.getProperties());
        properties.put(SCOPE, "all");
        filters.saveFilter(f.setProperties(properties));
      }
    }
    return filters.createFilterQuery().filterName(spec.name()).list().stream()
        .filter(f -> spec.scope().equals(f.getProperties().get(SCOPE))).findFirst();
  }

  /** The filters a group uses, readable by its members. */
  @EventListener
  public void groupAdded(OrganizationGroupAdded event) {
    share(event.groupId());
  }

  private void share(String groupId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      return;
    }
    for (Spec spec : SPECS) {
      find(spec).ifPresent(f -> {
        if (spec.audience().test(groupId)) {
          access.grantGroup(groupId, Resources.FILTER, f.getId(), Permissions.READ);
        } else if (spec.scope() != null) {
          access.revokeGroup(groupId, Resources.FILTER, f.getId(), Permissions.READ);
        }
      });
    }
  }
}
