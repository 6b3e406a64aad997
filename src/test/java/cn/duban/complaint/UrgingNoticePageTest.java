package cn.duban.complaint;

import static cn.duban.PageChecks.HOSTILE;
import static cn.duban.PageChecks.HOSTILE_ESCAPED;
import static cn.duban.PageChecks.safePage;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The complaint urging notice (催办通知书) as a printable page: its fields, escaped, with the page's headers. */
class UrgingNoticePageTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired ComplaintRepository complaints;
  @Autowired ComplaintEventRepository events;

  @Test
  @DisplayName("R17 the urging notice of a supervised complaint whose limit lapsed, in orange, with the complaint's rows")
  void urgingNotice() {
    ProcessInstance pi = supervised();
    fire(pi, "supervisedReminderDue");
    fire(pi, "urgingDue");
    Complaint c = complaints.findByTrackingCode(pi.getBusinessKey()).orElseThrow();

    String page = safePage(new Http(port).get("/api/complaints/" + c.getTrackingCode() + "/urging-notice", "zjj-lin"));
    assertThat(page).contains("#d46b08", "<h1>投诉办理催办通知书</h1>", "（催办）", "县机关效能建设办公室",
        "投诉编号 " + c.getTrackingCode(), "县住房和城乡建设局：",
        "<p>投诉" + c.getTrackingCode() + "已超过办理时限（2026年3月19日），请立即办理并报送调查结果；",
        "<th>投诉类型</th><td>投诉</td>", "<th>被投诉单位</th><td>县住房和城乡建设局</td>",
        "<th>受理时间</th><td>2026年3月2日 09:00</td>", "<th>原办理时限</th><td>2026年3月19日 23:59</td>",
        "打印", "window.print()")
        .doesNotContain("办理时限</th><td class=\"limit\"");
  }

  @Test
  @DisplayName("R17 whatever the urging notice names is shown as text, never as markup")
  void hostileText() {
    Complaint c = complaints.findByTrackingCode(supervised().getBusinessKey()).orElseThrow();
    events.save(new ComplaintEvent(c.getId(), ComplaintEvent.Kind.URGING_NOTICE, HOSTILE + "局",
        "催办通知书：" + HOSTILE, at(LocalDateTime.of(2026, 3, 20, 9, 0)).toInstant()));

    String page = safePage(new Http(port).get("/api/complaints/" + c.getTrackingCode() + "/urging-notice", "tousu"));
    assertThat(page).doesNotContain(HOSTILE).doesNotContain("<img")
        .contains("<div class=\"to\">" + HOSTILE_ESCAPED + "局：</div>", "<p>" + HOSTILE_ESCAPED + "</p>", "2026年3月20日");
  }

  /** A complaint against 县住房和城乡建设局, supervised (督办): it has an investigation limit and an urging timer. */
  private ProcessInstance supervised() {
    ProcessInstance pi = fileComplaint(complaintForm());
    complete(pi, "routeComplaint", "tousu", Map.of("routing", "SUPERVISE", "handlingUnit", "zjj"));
    return pi;
  }
}
