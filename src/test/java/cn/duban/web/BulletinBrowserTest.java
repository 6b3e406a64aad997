package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * R34 as people look at it, in headless Chromium like {@link BrowserTest}: a published bulletin's
 * printable page, the pages 督办台账 and 督查通报 in Cockpit and 督办看板, each with its charts drawn
 * by Chart.js (served with the plugin, under the pages' Content-Security-Policy). Screenshots in
 * target/browser/.
 */
class BulletinBrowserTest extends ProcessTestSupport {

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
  @DisplayName("R34 a published bulletin opens as a printable page with its charts drawn, and the pages 督办台账, 督查通报 and 督办看板 in Cockpit draw theirs")
  void bulletinAndLedgerCharts() throws Exception {
    ProcessInstance closed = closedOnTimeNotEarly();
    String number = closed.getBusinessKey();
    Http http = new Http(port);
    HttpResponse<String> created = http.post("/api/bulletins",
        "{\"periodFrom\": \"2026-03-02\", \"periodTo\": \"2026-03-16\"}", "ducha");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode bulletin = JSON.readTree(created.body());
    complete(tasks.createTaskQuery().processInstanceId(bulletin.get("processInstanceId").asText()).singleResult(),
        "ducha", Map.of("bulletinComment", "请各单位对照通报，抓好落实。"));
    String base = "http://localhost:" + port;

    browser.logIn(base + "/camunda/app/cockpit/default/", "zjj-lin", Http.DEMO_PASSWORD);
    browser.open(base + "/api/bulletins/" + bulletin.get("id").asText() + "/page");
    browser.see("督查通报");
    assertThat(browser.text()).contains("2026年3月2日至2026年3月16日", "请各单位对照通报，抓好落实。", "县住房和城乡建设局",
        "各单位督办情况");
    assertDrawn("#levels-chart");
    assertDrawn("#rates-chart");
    browser.assertChineseInCjkFont("h1");
    browser.screenshot("bulletin-page");

    browser.open(base + "/camunda/app/cockpit/default/");
    browser.click("督办台账");
    browser.until(d -> d.getCurrentUrl().contains("/duban-case-ledger"), "the page 督办台账");
    browser.see(number);
    assertThat(browser.text()).contains("下载Excel", "牵头单位", "办结情况", "按期办结");
    assertDrawn(".duban-ledger .duban-levels-chart");
    assertDrawn(".duban-ledger .duban-rates-chart");
    WebElement xlsx = browser.driver().findElement(By.cssSelector("a.duban-xlsx"));
    assertThat(xlsx.getDomAttribute("href")).startsWith("/api/cases/ledger.xlsx");
    browser.screenshot("case-ledger");

    browser.click("督查通报");
    browser.until(d -> d.getCurrentUrl().contains("/duban-bulletins"), "the page 督查通报");
    browser.see("督查通报（2026年3月2日至2026年3月16日）");
    browser.screenshot("bulletins");

    browser.click("督办看板");
    browser.until(d -> d.getCurrentUrl().contains("/duban-dashboard"), "the page 督办看板");
    assertDrawn(".duban-dashboard .duban-levels-chart");
    browser.screenshot("dashboard-charts");
  }

  /** The canvas has a Chart.js chart with data, and ink on it. */
  private void assertDrawn(String selector) {
    String drawn = browser.until(d -> {
      String value = d.findElement(By.cssSelector(selector)).getDomAttribute("data-drawn");
      return value != null && !value.isEmpty() ? value : null;
    }, "the chart " + selector + " drawn");
    assertThat(Integer.parseInt(drawn)).as(selector).isPositive();
    Object painted = ((JavascriptExecutor) browser.driver()).executeScript("""
        const canvas = document.querySelector(arguments[0]);
        const chart = window.Chart && window.Chart.getChart(canvas);
        if (!chart) { return -1; }
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { ink++; } }
        return ink;""", selector);
    assertThat(((Number) painted).longValue()).as("ink on " + selector).isGreaterThan(100);
  }
}
