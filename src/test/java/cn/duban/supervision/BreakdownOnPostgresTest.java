package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.PostgresTestSupport;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R29 on a real PostgreSQL: a sheet of 200 rows registered in one transaction under the case-number
 * lock, numbered without a gap; a sheet with one bad row leaves no case and no number behind; the
 * queries of the parents in progress and of the done ones.
 */
class BreakdownOnPostgresTest extends PostgresTestSupport {

  @Autowired Breakdown breakdown;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseWithdrawal withdrawal;

  @Test
  @DisplayName("R29 on PostgreSQL: a task-breakdown sheet of 200 rows registers 200 cases numbered without a gap; one bad row and nothing is registered")
  void twoHundredRowsOnPostgres() {
    authenticate("ducha");
    ParentItem parent = breakdown.registerParent(new Breakdown.ParentInput("2026年重点工作任务分解", "PHASED_TASK",
        "县政府办〔2026〕1号", "2026-02-20", "全年重点工作", "wangfxz", "2026-09-30", null), "ducha");
    byte[] template = breakdown.template(parent.getId());

    List<Map<BreakdownColumn, Object>> bad = BreakdownSheets.rows("有误的分解表", 20, LocalDate.of(2026, 6, 30));
    bad.get(13).put(BreakdownColumn.LEAD_UNIT, "县不存在局");
    long casesBefore = cases.count();
    Integer counterBefore = counter();
    List<BreakdownRow> badRows = breakdown.readSheet(new ByteArrayInputStream(BreakdownSheets.fill(template, bad)));
    assertThatThrownBy(() -> breakdown.split(parent.getId(), badRows, "file"))
        .isInstanceOfSatisfying(BreakdownException.class, e -> assertThat(e.problems())
            .containsExactly(new BreakdownProblem(15, "牵头单位", "单位“县不存在局”不存在，请按“单位和人员”表填写单位全称或代码")));
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(counter()).isEqualTo(counterBefore);

    List<BreakdownRow> rows = breakdown.readSheet(new ByteArrayInputStream(
        BreakdownSheets.fill(template, BreakdownSheets.rows("重点工作", 200, LocalDate.of(2026, 6, 30)))));
    List<SupervisionCase> children = breakdown.split(parent.getId(), rows, "file");

    assertThat(children).hasSize(200);
    int first = children.get(0).getSequence();
    assertThat(children).extracting(SupervisionCase::getSequence)
        .containsExactlyElementsOf(IntStream.range(first, first + 200).boxed().toList());
    assertThat(children).extracting(SupervisionCase::getCaseNumber).allMatch(n -> n.matches("督〔2026〕\\d+号"));
    assertThat(counter()).isEqualTo(first + 199);
    assertThat(jdbc.queryForObject("select count(*) from parent_item_child where parent_id = ?", Long.class,
        parent.getId())).isEqualTo(200L);
    assertThat(jdbc.queryForObject("select count(*) from case_notice where kind = 'GREEN' and case_id in "
        + "(select case_id from parent_item_child where parent_id = ?)", Long.class, parent.getId())).isEqualTo(200L);
    assertThat(breakdown.progress(breakdown.parent(parent.getId()), c -> true).children()).isEqualTo(200);
  }

  @Test
  @DisplayName("R29 on PostgreSQL: a parent whose children are all withdrawn leaves the parents in progress for the done ones, which page by id")
  void doneParentsOnPostgres() {
    authenticate("ducha");
    Viewer office = new Viewer("ducha", Set.of(Groups.SUPERVISION_OFFICE));
    ParentItem parent = breakdown.registerParent(new Breakdown.ParentInput("撤销后完成的母事项", "PHASED_TASK",
        "县政府办〔2026〕2号", "2026-02-20", "内容", "wangfxz", "2026-09-30", null), "ducha");
    List<BreakdownRow> rows = breakdown.readSheet(new ByteArrayInputStream(BreakdownSheets.fill(
        breakdown.template(parent.getId()), BreakdownSheets.rows("撤销的一项", 2, LocalDate.of(2026, 6, 30)))));
    List<SupervisionCase> children = breakdown.split(parent.getId(), rows, "file");
    assertThat(parentIds(breakdown.inProgress(office))).contains(parent.getId());

    children.forEach(c -> withdrawal.request(c.getId(), "并入其他事项", "ducha"));
    assertThat(parentIds(breakdown.inProgress(office))).doesNotContain(parent.getId());
    Breakdown.DoneParents page = breakdown.done(office, null, 1);
    assertThat(parentIds(page.parents())).containsExactly(parent.getId());
    assertThat(page.next()).isEqualTo(parent.getId());
    assertThat(page.parents().get(0).progress().stateLabel()).isEqualTo("已完成");
    assertThat(parentIds(breakdown.done(office, parent.getId(), 20).parents())).doesNotContain(parent.getId());
    // a unit's page scans who may read the children as rows (a native query of its own)
    String lead = children.get(0).getLeadUnit();
    Viewer unit = new Viewer("someone", Set.of(Groups.ofUnit(lead)));
    assertThat(parentIds(breakdown.done(unit, null, 20).parents())).contains(parent.getId());
    String other = lead.equals("sthj") ? "jtj" : "sthj";
    assertThat(parentIds(breakdown.done(new Viewer("someone", Set.of(Groups.ofUnit(other))), null, 20).parents()))
        .doesNotContain(parent.getId());
  }

  private static List<Long> parentIds(List<Breakdown.Visible> parents) {
    return parents.stream().map(v -> v.parent().getId()).toList();
  }

  private Integer counter() {
    return jdbc.queryForList("select last_number from case_number_counter where counter_year = 2026", Integer.class)
        .stream().findFirst().orElse(0);
  }
}
