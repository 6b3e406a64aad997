package cn.duban.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.PostgresTestSupport;
import cn.duban.organization.Viewer;
import cn.duban.supervision.CaseLedger;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R34 on a real PostgreSQL, the job executor running: the bulletin's table and queries, the 台账's. */
class BulletinOnPostgresTest extends PostgresTestSupport {

  @Autowired DataSource dataSource;
  @Autowired BulletinRepository bulletins;
  @Autowired BulletinService service;
  @Autowired BulletinPages pages;
  @Autowired CaseLedger caseLedger;

  @Test
  @DisplayName("R34 on PostgreSQL: a bulletin asked for through its start form counts the period's cases, is reviewed and published, and stays as published; the 台账 gives a unit its own rows")
  void bulletinAndLedger() throws Exception {
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    ProcessInstance closed = closedOnTimeNotEarly();
    ProcessInstance open = register(titledTransport());
    setClock(LocalDateTime.of(2026, 3, 23, 10, 0));
    ProcessInstance pi = start("bulletin", "ducha", Map.of("periodFrom", "2026-03-02", "periodTo", "2026-03-22"));
    Bulletin draft = bulletins.findByPeriodFromAndPeriodTo(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 22))
        .orElseThrow();
    assertThat(draft.getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(draft.getRequestedBy()).isEqualTo("ducha");
    BulletinFigures f = service.figures(draft);
    BulletinFigures.UnitLine zjj = f.units().stream().filter(u -> u.unit().equals("zjj")).findFirst().orElseThrow();
    assertThat(zjj.registered()).isGreaterThanOrEqualTo(1);
    assertThat(zjj.closedOnTime()).isGreaterThanOrEqualTo(1);
    BulletinFigures.UnitLine jtj = f.units().stream().filter(u -> u.unit().equals("jtj")).findFirst().orElseThrow();
    assertThat(jtj.open()).isGreaterThanOrEqualTo(1);
    assertThat(jtj.overdue()).isGreaterThanOrEqualTo(1);

    complete(task(pi, "reviewBulletin"), "ducha", Map.of("bulletinComment", "PostgreSQL上的通报"));
    Bulletin published = bulletins.findById(draft.getId()).orElseThrow();
    assertThat(published.getStatus()).isEqualTo(BulletinStatus.PUBLISHED);
    assertThat(published.getFigures()).isEqualTo(draft.getFigures());
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "select status || '/' || review_comment from bulletin where id = ?", String.class, draft.getId()))
        .isEqualTo("PUBLISHED/PostgreSQL上的通报");
    assertThatThrownBy(() -> service.comment(draft.getId(), "改", "ducha")).hasMessageContaining("已发布");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(pages.xlsx(published)))) {
      assertThat(book.getSheet("各单位督办情况").getRow(0).getCell(0).getStringCellValue()).contains("已发布");
    }

    Viewer housing = new Viewer("zjj-lin", Set.of("unit-zjj"));
    CaseLedger.Filter year = caseLedger.filter(2026, null, null, null, null);
    assertThat(caseLedger.rows(year, housing)).extracting(CaseLedger.LedgerRow::caseNumber)
        .contains(closed.getBusinessKey()).doesNotContain(open.getBusinessKey());
    assertThat(caseLedger.rows(caseLedger.filter(2026, "jtj", "GREEN", null, "LEADER_ASSIGNMENT"),
        new Viewer("ducha", Set.of("supervision-office")))).extracting(CaseLedger.LedgerRow::caseNumber)
        .contains(open.getBusinessKey()).doesNotContain(closed.getBusinessKey());
  }

  private static Map<String, Object> titledTransport() {
    return transportRegistrationForm("PostgreSQL上的交通事项");
  }
}
