package cn.duban.notice;

import static cn.duban.PageChecks.HOSTILE;
import static cn.duban.PageChecks.HOSTILE_ESCAPED;
import static cn.duban.PageChecks.safePage;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.notice.NoticeService.NoticeContent;
import cn.duban.supervision.SupervisionCase;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The green, yellow and red notices as printable pages: made from the fields each notice was issued
 * with, everything a user typed shown as text, sent with the headers of a page that runs only its
 * own script and style.
 */
class NoticePageTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired NoticeService noticeService;
  @Autowired TransactionTemplate transaction;

  @Test
  @DisplayName("R1 the green notice: the case's fields as issued, a hostile title and content shown as text, the page's headers")
  void greenNotice() {
    Map<String, Object> form = registrationForm();
    form.put("title", "城区老旧小区改造" + HOSTILE);
    // a line with a colon near its start, which the old page took for a row of its own
    form.put("content", "改造范围：城区12个小区\n" + HOSTILE + "\n3月底前全部开工");
    form.put("milestones", "2026-03-10 完成方案设计");
    SupervisionCase c = caseOf(register(form));

    NoticeFields stored = notice(c, NoticeKind.GREEN).orElseThrow().getFields();
    assertThat(stored).isEqualTo(new NoticeFields(
        "现将“城区老旧小区改造" + HOSTILE + "”列为督查事项，请你单位按照要求认真抓好落实，于2026年3月20日前办结，并报送办结报告。",
        "县发展和改革局", "林晓东", "改造范围：城区12个小区\n" + HOSTILE + "\n3月底前全部开工", "2026-03-10 完成方案设计",
        "改造方案经专家评审；居民满意度不低于90%", "县委县政府督查室"));

    String page = safePage(new Http(port).get("/api/cases/" + c.getId() + "/notices/GREEN", "zjj-lin"));
    assertThat(page).doesNotContain(HOSTILE).doesNotContain("<img")
        .contains("<title>督查事项立项通知单 " + c.getCaseNumber() + "</title>", "#1b7f3b", "<h1>督查事项立项通知单</h1>",
            "（绿色）", "县委县政府督查室", c.getCaseNumber(), "县住房和城乡建设局：",
            "<p>现将“城区老旧小区改造" + HOSTILE_ESCAPED + "”列为督查事项",
            "<th>协办单位</th><td>县发展和改革局</td>", "<th>责任人</th><td>林晓东</td>",
            "<th>工作内容和要求</th><td>改造范围：城区12个小区\n" + HOSTILE_ESCAPED + "\n3月底前全部开工</td>",
            "<th>关键节点</th><td>2026-03-10 完成方案设计</td>",
            "<th>质量标准</th><td>改造方案经专家评审；居民满意度不低于90%</td>",
            "办理时限", "2026年3月20日 23:59前", "2026年3月2日", "打印", "window.print()")
        .doesNotContain(NoticePage.PROVISIONAL_NOTE);
  }

  @Test
  @DisplayName("R4 R5 R25 the yellow notice in its colour says a provisional limit is provisional; the red one in red")
  void yellowAndRedNotices() {
    SupervisionCase c = caseOf(register(registrationForm()));
    NoticeContent content = new NoticeContent(c.getId(), c.getCaseNumber(), HOSTILE, "县住房和城乡建设局",
        "无", "林晓东", "完成改造", "无", HOSTILE, at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)).toInstant(), SHANGHAI);
    transaction.executeWithoutResult(status -> {
      noticeService.issue(NoticeKind.YELLOW, content, true, true, at(LocalDateTime.of(2026, 12, 28, 9, 0)).toInstant());
      noticeService.issue(NoticeKind.RED, content, true, false, at(LocalDateTime.of(2027, 1, 5, 9, 0)).toInstant());
    });
    Http http = new Http(port);

    String yellow = safePage(http.get("/api/cases/" + c.getId() + "/notices/YELLOW", "ducha"));
    assertThat(yellow).doesNotContain(HOSTILE)
        .contains("#b8860b", "<h1>督查事项限期催办单</h1>", "（黄色）", "督查事项“" + HOSTILE_ESCAPED + "”已到完成时限",
            "<th>协办单位</th><td>无</td>", "<th>质量标准</th><td>" + HOSTILE_ESCAPED + "</td>",
            "2027年1月4日 23:59前", "（" + NoticePage.PROVISIONAL_NOTE + "）", "2026年12月28日");

    String red = safePage(http.get("/api/cases/" + c.getId() + "/notices/RED", "ducha"));
    assertThat(red).doesNotContain(HOSTILE).doesNotContain(NoticePage.PROVISIONAL_NOTE)
        .contains("#c00000", "<h1>督查事项限期具结单</h1>", "（红色）", "督查事项“" + HOSTILE_ESCAPED + "”经限期催办仍未办结",
            "2027年1月4日 23:59前", "2027年1月5日");
  }

  @Test
  @DisplayName("R1 the longest content and checklist a registration takes still get their green notice, in full")
  void longestRegistration() {
    Map<String, Object> form = registrationForm();
    form.put("content", "内".repeat(4000));
    form.put("qualityChecklist", "标".repeat(3000) + "\n" + "准".repeat(900));
    SupervisionCase c = caseOf(register(form));

    Notice green = notice(c, NoticeKind.GREEN).orElseThrow();
    assertThat(green.getBody()).hasSizeGreaterThan(8000);
    assertThat(safePage(new Http(port).get("/api/cases/" + c.getId() + "/notices/GREEN", "ducha")))
        .contains("<td>" + "内".repeat(4000) + "</td>", "<td>" + "标".repeat(3000) + "；" + "准".repeat(900) + "</td>");
  }
}
