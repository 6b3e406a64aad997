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
  private static final List<Map<String, String>> CASE_COLUMNS = List.of(
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

  record Spec(String name, String description, int priority, Function<TaskService, TaskQuery> query,
      List<Map<String, String>> columns, Predicate<String> audience) {
  }

  static final List<Spec> SPECS = List.of(
      new Spec(MY_TASKS, "分配给我或我所在单位、科室的待办事项", -10,
          t -> mine(t).orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("本单位待办", "本单位（科室）的全部待办，含已由同事认领的", -9,
          t -> t.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("即将到期", "三个工作日内到期的待办", -8,
          t -> t.createTaskQuery().dueAfterExpression("${now()}").dueBeforeExpression("${dueDates.soon()}").orderByDueDate().asc(),
          CASE_COLUMNS, EVERYONE),
      new Spec("已逾期", "已过办理时限的待办", -7,
          t -> t.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("黄牌督办", "督办级别为黄灯的事项的待办", -6,
          t -> t.createTaskQuery().processVariableValueEquals("warningLevel", "YELLOW").orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("红牌督办", "督办级别为红灯的事项的待办", -5,
          t -> t.createTaskQuery().processVariableValueEquals("warningLevel", "RED").orderByDueDate().asc(), CASE_COLUMNS, EVERYONE),
      new Spec("投诉待办", "投诉调查的待办", -4,
          t -> t.createTaskQuery().processDefinitionKey("complaint-investigation").orderByDueDate().asc(), COMPLAINT_COLUMNS,
          COMPLAINT_HANDLERS),
      new Spec("待我审批", "等我审批、决定或验收的事项", -3,
          t -> mine(t).taskDefinitionKeyIn(APPROVALS.toArray(String[]::new)).orderByDueDate().asc(), CASE_COLUMNS,
          APPROVERS));

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
      if (filters.createFilterQuery().filterName(spec.name()).count() == 0) {
        TaskQuery query = spec.query().apply(tasks);
        filters.saveFilter(filters.newTaskFilter(spec.name()).setQuery(query).setProperties(Map.of(
            "description", spec.description(),
            "priority", spec.priority(),
            "refresh", true,
            "variables", spec.columns())));
      }
    }
    for (Group g : identity.createGroupQuery().list()) {
      share(g.getId());
    }
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
      if (spec.audience().test(groupId)) {
        for (Filter f : filters.createFilterQuery().filterName(spec.name()).list()) {
          access.grantGroup(groupId, Resources.FILTER, f.getId(), Permissions.READ);
        }
      }
    }
  }
}
