package cn.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * R25: the holiday tables in the database, as the built-in files and the holiday folder seed them
 * and as a second node sees them. A second {@link HolidayTables} on the same database stands for
 * a restart or for another node.
 */
class HolidayTablesTest extends ProcessTestSupport {

  @Autowired HolidayTables tables;
  @Autowired HolidayTableRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path folder;

  @BeforeEach
  void december() {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
  }

  @AfterEach
  void forget2027() {
    jdbc.update("delete from limit_adjustment where holiday_table_id in (select id from holiday_table where table_year = 2027)");
    jdbc.update("delete from holiday_table where table_year = 2027");
    tables.refresh();
  }

  @Test
  @DisplayName("R25 the built-in 2025 and 2026 tables seed the database once, as revision 1, by the system")
  void builtInSeeded() {
    assertThat(repository.findByYearOrderByRevisionDesc(2026)).singleElement().satisfies(t -> {
      assertThat(t.getOrigin()).isEqualTo(HolidayTable.Origin.BUILT_IN);
      assertThat(t.getEnteredBy()).isEqualTo(HolidayTables.SYSTEM);
      assertThat(t.getSource()).contains("国办发明电〔2025〕7号");
    });
    node();  // a restart takes nothing again
    assertThat(repository.findByYearOrderByRevisionDesc(2025)).hasSize(1);
    assertThat(repository.findByYearOrderByRevisionDesc(2026)).hasSize(1);
  }

  @Test
  @DisplayName("R25 a table in the holiday folder still works: taken at start-up once, re-timed, and an entry on the page stays in force")
  void holidayFolder() throws IOException {
    Files.writeString(folder.resolve("2027.txt"), "# 国办发明电〔2026〕测试号\n2027-01-01..2027-01-03 休 元旦\n");
    HolidayTables restarted = node();
    assertThat(restarted.takeImportedAtStart()).containsExactly(2027);
    assertThat(restarted.calendar().isOfficial(2027)).isTrue();
    HolidayTable taken = repository.findFirstByYearOrderByRevisionDesc(2027).orElseThrow();
    assertThat(taken.getOrigin()).isEqualTo(HolidayTable.Origin.FILE);
    assertThat(taken.getSource()).isEqualTo("国办发明电〔2026〕测试号");

    // the office corrects it on the page; the unchanged file does not undo that at the next start
    tables.save(2027, "2027-01-01..2027-01-03 休 元旦\n2027-02-05..2027-02-11 休 春节\n", null, "ducha");
    assertThat(node().takeImportedAtStart()).isEmpty();
    assertThat(repository.findFirstByYearOrderByRevisionDesc(2027).orElseThrow().getOrigin())
        .isEqualTo(HolidayTable.Origin.ENTERED);

    // a changed file is taken again
    Files.writeString(folder.resolve("2027.txt"), "2027-01-01 休 元旦\n");
    assertThat(node().takeImportedAtStart()).containsExactly(2027);
    assertThat(repository.findByYearOrderByRevisionDesc(2027)).extracting(HolidayTable::getRevision)
        .containsExactly(3, 2, 1);
  }

  @Test
  @DisplayName("R25 a table with mistakes in the holiday folder is left out and logged; the application starts")
  void badFile() throws IOException {
    Files.writeString(folder.resolve("2027.txt"), "2027-01-01 放 元旦\n");
    HolidayTables restarted = node();
    assertThat(restarted.takeImportedAtStart()).isEmpty();
    assertThat(restarted.calendar().isOfficial(2027)).isFalse();
  }

  @Test
  @DisplayName("R25 a table entered on one node counts on another after its refresh, without a restart")
  void secondNode() {
    HolidayTables other = node();
    assertThat(other.calendar().isOfficial(2027)).isFalse();
    tables.save(2027, "2027-01-01..2027-01-03 休 元旦\n", null, "ducha");
    assertThat(tables.calendar().isOfficial(2027)).as("at once on the node that stored it").isTrue();
    other.refresh();
    assertThat(other.calendar().isOfficial(2027)).isTrue();
  }

  /** Another node on the same database, or this one restarted, with the holiday folder of the test. */
  private HolidayTables node() {
    return new HolidayTables(repository, transactions,
        new CalendarProperties(ZoneId.of("Asia/Shanghai"), folder.toString(), null));
  }
}
