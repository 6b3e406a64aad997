package cn.duban.assessment;

import static cn.duban.PageChecks.HOSTILE;
import static cn.duban.PageChecks.HOSTILE_ESCAPED;
import static cn.duban.PageChecks.safePage;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.SubjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The printable assessment pages, the year's report and a unit's score sheet, of a year set up by
 * hand (2017, which no other test of the shared database uses) with names, reasons and a highlight
 * title that carry markup: shown as text, with the page's headers.
 */
class AssessmentPagesTest extends ProcessTestSupport {

  private static final int YEAR = 2017;
  /** A highlight's short title (the ledger keeps 32 characters of it), with markup. */
  private static final String STAGE = "<script>x()</script>";

  @LocalServerPort int port;
  @Autowired AssessmentYearRepository years;
  @Autowired UnitResultRepository units;
  @Autowired PersonResultRepository people;
  @Autowired Ledger ledger;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void year2017() {
    if (years.existsById(YEAR)) {
      return;
    }
    Instant booked = at(LocalDateTime.of(YEAR, 11, 20, 10, 0)).toInstant();
    transaction.executeWithoutResult(status -> {
      AssessmentYear y = new AssessmentYear(YEAR, new BigDecimal("100"), booked);
      y.publish(at(LocalDateTime.of(YEAR + 1, 1, 20, 9, 0)).toInstant(), "kaohe");
      years.save(y);
      units.save(new UnitResult(YEAR, "zjj", HOSTILE + "住建局", new BigDecimal("102.50"), 1, Tier.GOOD));
      PersonResult lin = new PersonResult(YEAR, "zjj-lin", HOSTILE + "林晓东", "zjj", new BigDecimal("98"),
          Grade.COMPETENT, "依据：" + HOSTILE, 40, 60, false);
      lin.adjust(Grade.BASICALLY_COMPETENT, HOSTILE, "kaohe");
      people.save(lin);
      ledger.book(new Ledger.Booking("page-test-" + YEAR + "-highlight", SubjectType.UNIT, "zjj", "HIGHLIGHT", "R23",
          "亮点工作：" + HOSTILE, new BigDecimal("2.5"), "HIGHLIGHT", "1", STAGE), booked, YEAR, SHANGHAI);
    });
  }

  @Test
  @DisplayName("R20 R22 the year's report: ranking, grades and reasons as text, a link to each unit's sheet")
  void report() {
    String page = safePage(new Http(port).get("/api/assessment/" + YEAR + "/report", "kaohe"));
    assertThat(page).doesNotContain(HOSTILE).doesNotContain("<img")
        .contains("<title>2017年度绩效考核结果</title>", "<h1>2017年度绩效考核结果</h1>", "已发布（2018-01-20）",
            "基础分：100", "href=\"report.xlsx\"", "<a href=\"units/zjj/sheet.html\">" + HOSTILE_ESCAPED + "住建局</a>",
            "<td>102.5</td>", "<td>好</td>", "<td>" + HOSTILE_ESCAPED + "林晓东</td>", "<td>县住房和城乡建设局</td>",
            "<td>基本称职（审核调整：" + HOSTILE_ESCAPED + "）</td>", "<td>依据：" + HOSTILE_ESCAPED + "</td>",
            "<td>40/60天（未达标）</td>");
  }

  @Test
  @DisplayName("R20 a unit's score sheet: by rule, by source and every entry, a highlight's title as text")
  void sheet() {
    String page = safePage(new Http(port).get("/api/assessment/" + YEAR + "/units/zjj/sheet.html", "zjj-lin"));
    assertThat(page).doesNotContain(HOSTILE).doesNotContain(STAGE).doesNotContain("<img")
        .contains("<h1>县住房和城乡建设局2017年度记分明细</h1>", "基础分之外合计：2.5", "按规则汇总",
            "<td>R23 亮点工作</td><td>1</td><td>2.5</td>", "按来源事项汇总",
            "<td>亮点工作&lt;script&gt;x()&lt;/script&gt;</td><td>1</td><td>2.5</td>",
            "<td>2017-11-20</td>", "<td>亮点工作：" + HOSTILE_ESCAPED + "</td>", "<th colspan=\"4\">合计</th><th>2.5</th>");
  }
}
