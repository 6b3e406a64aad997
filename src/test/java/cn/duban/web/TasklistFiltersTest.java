package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist filters, run as the people who use them, with the authorization checks on. */
class TasklistFiltersTest extends ProcessTestSupport {

  @Autowired FilterService filterService;

  @Test
  @DisplayName("the eight filters exist with the case's columns and are shared with the right groups")
  void filtersAndColumns() {
    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName).contains("我的待办", "本单位待办",
        "即将到期", "已逾期", "黄牌督办", "红牌督办", "投诉待办", "待我审批");
    Filter mine = filter("我的待办");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> columns = (List<Map<String, String>>) mine.getProperties().get("variables");
    assertThat(columns).extracting(c -> c.get("name"))
        .containsExactly("caseNumber", "title", "leadUnitName", "deadlineText", "warningLevelLabel");
    assertThat(visibleFilters("zjj-lin")).contains("我的待办", "本单位待办", "已逾期", "投诉待办").doesNotContain("待我审批");
    assertThat(visibleFilters("wangfxz")).contains("我的待办", "待我审批").doesNotContain("投诉待办");
  }

  @Test
  @DisplayName("R4 R5 a unit's filters show its own tasks only: due soon, overdue, yellow; the supervision office sees all")
  void filtersShowWhatTheUserMaySee() {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    ProcessInstance housing = register();
    ProcessInstance transport = register(transportRegistrationForm("交通局的事项"));
    String housingSignFor = task(housing, "signFor").getId();
    String transportSignFor = task(transport, "signFor").getId();

    // the sign-for is due in one working day: due soon, not yet overdue
    assertThat(list("zjj-lin", "即将到期")).contains(housingSignFor).doesNotContain(transportSignFor);
    assertThat(list("zjj-lin", "本单位待办")).contains(housingSignFor).doesNotContain(transportSignFor);
    assertThat(list("zjj-lin", "已逾期")).doesNotContain(housingSignFor);
    assertThat(list("ducha", "即将到期")).contains(housingSignFor, transportSignFor);

    // two working days later the sign-for is overdue
    setClock(LocalDateTime.of(2026, 3, 5, 9, 0));
    assertThat(list("zjj-lin", "已逾期")).contains(housingSignFor).doesNotContain(transportSignFor);
    assertThat(list("zjj-lin", "即将到期")).doesNotContain(housingSignFor);

    // the sign-for form shows the quality checklist numbered on one line, as papers do
    assertThat(runtime.getVariable(housing.getId(), "qualityChecklistText"))
        .isEqualTo("（1）改造方案经专家评审；（2）居民满意度不低于90%");
    // and the green notice issued at registration
    assertThat(runtime.getVariable(housing.getId(), "caseHistory").toString())
        .contains("发出督查事项立项通知单", "(/api/cases/" + caseOf(housing).getId() + "/notices/GREEN)");

    // signed for, the deadline passes: the yellow notice, and the task's priority rises
    signFor(housing);
    fire(housing, "stageLimitReached");
    Task handle = task(housing, "handleCase");
    assertThat(handle.getPriority()).isEqualTo(70);
    assertThat(list("zjj-lin", "黄牌督办")).contains(handle.getId());
    assertThat(list("jtj-xu", "黄牌督办")).doesNotContain(handle.getId());
    assertThat(runtime.getVariable(housing.getId(), "caseHistory").toString())
        .contains("发出督查事项限期催办单", "发出督查事项立项通知单", "立项登记");
  }

  private Filter filter(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult();
  }

  private List<String> visibleFilters(String user) {
    authenticate(user);
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The filter of that name the user sees (the offices overseeing all work have county-wide ones of their own). */
  private List<String> list(String user, String filterName) {
    authenticate(user);
    try {
      Filter visible = filterService.createFilterQuery().filterName(filterName).singleResult();
      return filterService.<Task>list(visible.getId()).stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
