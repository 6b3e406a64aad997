package cn.duban.webapp;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter every user starts from: the tasks offered to them or their groups and the
 * tasks assigned to them, with the case's number, unit, deadline and warning level in the list.
 * Created once, by name, so an administrator's later changes to it stay.
 */
@Component
public class TasklistFilters {

  static final String MY_TASKS = "我的待办";

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  public void ensure() {
    if (filters.createFilterQuery().filterName(MY_TASKS).count() > 0) {
      return;
    }
    TaskQuery query = tasks.createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateUserExpression("${currentUser()}")
        .endOr()
        .orderByDueDate().asc();
    Filter filter = filters.newTaskFilter(MY_TASKS)
        .setQuery(query)
        .setProperties(Map.of(
            "description", "分配给我或我所在单位、科室的待办事项",
            "priority", -10,
            "refresh", true,
            "variables", List.of(
                Map.of("name", "caseNumber", "label", "督办编号"),
                Map.of("name", "title", "label", "事项"),
                Map.of("name", "leadUnitName", "label", "承办单位"),
                Map.of("name", "deadlineText", "label", "完成时限"),
                Map.of("name", "warningLevelLabel", "label", "督办级别"))));
    filters.saveFilter(filter);
  }
}
