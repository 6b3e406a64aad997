package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.WebappSession;
import cn.duban.supervision.BreakdownColumn;
import cn.duban.supervision.BreakdownSheets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R29 as the supervision office does it, in headless Chromium like {@link BrowserTest}: on the page
 * 分解立项 in Cockpit, upload a task-breakdown sheet, read the error report, upload the corrected
 * sheet and follow the children on the parent's page and on 督办看板. Screenshots in target/browser/.
 */
class BreakdownBrowserTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void startChromium() throws Exception {
    WebappSession.restoreWebappRuntime();
    browser = Browser.launch();
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @DisplayName("R29 the supervision office uploads a task-breakdown sheet on the page 分解立项, reads the Chinese error report of its bad rows, uploads it corrected and sees the children on the parent's page and on 督办看板")
  void uploadBreakdownSheet() throws Exception {
    Http http = new Http(port);
    String title = "浏览器测试：县政府常务会议决定事项" + System.nanoTime() % 100000;
    HttpResponse<String> created = http.post("/api/breakdowns", """
        {"title": "%s", "source": "IMPORTANT_MEETING", "documentNumber": "县政府常务会议纪要〔2026〕5号",
         "issuedOn": "2026-02-27", "content": "会议研究部署城乡建设重点工作", "leaderInCharge": "wangfxz",
         "deadline": "2026-06-30"}""".formatted(title), "ducha");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    long parent = JSON.readTree(created.body()).get("id").asLong();
    byte[] template = http.getBytes("/api/breakdowns/" + parent + "/template", "ducha").body();

    List<Map<BreakdownColumn, Object>> rows = BreakdownSheets.rows("背街小巷改造", 3, LocalDate.of(2026, 5, 29));
    rows.get(1).put(BreakdownColumn.LEAD_UNIT, "县城管局");
    rows.get(2).put(BreakdownColumn.DEADLINE, LocalDate.of(2026, 7, 31));
    Path bad = write("breakdown-sheet-with-errors.xlsx", BreakdownSheets.fill(template, rows));
    rows.get(1).put(BreakdownColumn.LEAD_UNIT, "县住房和城乡建设局");
    rows.get(2).put(BreakdownColumn.DEADLINE, LocalDate.of(2026, 6, 30));
    Path good = write("breakdown-sheet.xlsx", BreakdownSheets.fill(template, rows));

    browser.logIn("http://localhost:" + port + "/camunda/app/cockpit/default/", "ducha", Http.DEMO_PASSWORD);
    browser.click("分解立项");
    browser.until(d -> d.getCurrentUrl().contains("/duban-breakdown"), "the page 分解立项");
    browser.click(title);
    browser.see("下载任务分解表模板");
    assertThat(browser.text()).contains("县政府常务会议纪要〔2026〕5号", "王建国", "待分解", "逐行填写");
    WebElement link = browser.driver().findElement(By.cssSelector("a.duban-template"));
    assertThat(link.getDomAttribute("href")).isEqualTo("/api/breakdowns/" + parent + "/template");
    browser.screenshot("breakdown-parent");

    upload(bad);
    browser.see("任务分解表有2行有误，未登记任何事项");
    WebElement report = browser.until(d -> d.findElement(By.cssSelector(".duban-upload-result .duban-problems")),
        "the error report");
    assertThat(report.getText()).contains("第3行", "牵头单位", "单位“县城管局”不存在", "第4行", "完成时限",
        "完成时限2026-07-31晚于母事项的完成时限（2026-06-30）");
    browser.assertChineseInCjkFont(".duban-upload-result .duban-problems tbody tr td:last-child");
    browser.screenshot("breakdown-upload-refused");
    assertThat(browser.text()).contains("尚未分解");

    upload(good);
    browser.see("已分解立项3项");
    browser.until(d -> d.findElements(By.cssSelector(".duban-children tbody tr")).size() == 3, "the three children listed");
    assertThat(browser.driver().findElement(By.cssSelector(".duban-children")).getText())
        .contains("背街小巷改造（1）", "背街小巷改造（3）", "县住房和城乡建设局", "林晓东", "绿灯", "待签收");
    assertThat(browser.text()).contains("子事项 3 项，在办 3 项", "落实中");
    browser.screenshot("breakdown-upload-registered");

    browser.click("督办看板");
    browser.until(d -> d.getCurrentUrl().contains("/duban-dashboard"), "the board");
    browser.see(title);
    browser.screenshot("breakdown-on-dashboard");
    // the board's parent opens its page
    browser.click(title);
    browser.until(d -> d.getCurrentUrl().contains("/duban-breakdown?parent=" + parent), "the parent's page");
    browser.until(d -> d.findElements(By.cssSelector(".duban-children tbody tr")).size() == 3, "the parent's children");

    // every child withdrawn: the parent is done, no longer among those in progress, listed when asked
    for (JsonNode child : JSON.readTree(http.get("/api/breakdowns/" + parent, "ducha").body()).at("/progress/list")) {
      HttpResponse<String> withdrawn = http.post("/api/cases/" + child.get("caseId").asLong() + "/withdrawal",
          "{\"withdrawalReason\": \"并入其他事项\"}", "ducha");
      assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    }
    browser.open("http://localhost:" + port + "/camunda/app/cockpit/default/#/duban-breakdown");
    browser.driver().navigate().refresh();   // the hash alone changed: load the page afresh
    browser.see("待分解和落实中的母事项");
    assertThat(browser.driver().findElement(By.cssSelector(".duban-parents")).getText()).doesNotContain(title);
    browser.clickButton("查看已完成的母事项");
    WebElement done = browser.until(d -> d.findElement(By.cssSelector(".duban-done .duban-parents")), "the done parents");
    assertThat(done.getText()).contains(title, "已完成");
    browser.screenshot("breakdown-done-parents");
    browser.click(title);
    browser.see("子事项 3 项，在办 0 项");
    browser.until(d -> d.findElements(By.cssSelector(".duban-children tbody tr")).size() == 3, "the done parent's children");
  }

  private void upload(Path file) {
    WebElement input = browser.until(d -> d.findElement(By.cssSelector(".duban-upload input[type=file]")), "the file input");
    input.sendKeys(file.toAbsolutePath().toString());
    browser.clickButton("上传并分解立项");
  }

  private static Path write(String name, byte[] content) throws Exception {
    Files.createDirectories(Browser.SHOTS);
    return Files.write(Browser.SHOTS.resolve(name), content);
  }
}
