package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.WebappSession;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.LimitClock;
import cn.duban.ProcessTestSupport;
import cn.duban.supervision.SupervisionCase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webapps as people use them, in Debian's headless Chromium against the running application.
 * Screenshots land in target/browser/. Without Chromium (apt-get install chromium) the class is
 * skipped with a message; {@code -Dduban.browser.required=true} makes that a failure instead.
 */
class BrowserTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target", "browser");

  @LocalServerPort int port;
  @Autowired LimitClock clock;
  @Autowired HolidayTables holidays;
  @Autowired JdbcTemplate jdbc;
  Browser browser;

  @BeforeEach
  void startChromium() throws Exception {
    Optional<Path> chromium = Browser.chromium();
    if (chromium.isEmpty() && Boolean.getBoolean("duban.browser.required")) {
      throw new IllegalStateException("Chromium is required (duban.browser.required) but /usr/bin/chromium is missing");
    }
    Assumptions.assumeTrue(chromium.isPresent(), "no Chromium at /usr/bin/chromium: apt-get install chromium");
    WebappSession.restoreWebappRuntime();
    browser = Browser.launch(chromium.get());
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @DisplayName("R2 a unit's handler logs in to the Chinese Tasklist, finds the task in the unit's filters, opens the Chinese form and signs for the case")
  void handlerSignsForInTasklist() throws Exception {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "浏览器测试：背街小巷路灯改造");
    ProcessInstance pi = register(form);
    SupervisionCase c = caseOf(pi);

    login("tasklist", "zjj-lin");
    browser.waitForText("我的待办");
    String page = browser.text();
    assertThat(page).contains("我的待办", "本单位待办", "即将到期", "已逾期", "黄牌督办", "红牌督办", "投诉待办", "发起流程")
        .doesNotContain("Start process");
    clickText("我的待办");
    browser.waitForText(c.getCaseNumber());
    browser.screenshot(SHOTS.resolve("tasklist-filters.png"));

    openTaskOf(c.getCaseNumber());
    browser.waitFor("document.querySelector('input[id*=\"Field_signConfirmed\"]')", "the sign-for form");
    assertThat(browser.text()).contains("签收督办事项", c.getTitle(), "县住房和城乡建设局", "办理记录", "完成");
    browser.screenshot(SHOTS.resolve("tasklist-sign-for-form.png"));
    // completed unticked: the form's own check speaks Chinese, and nothing is sent
    clickButton("完成");
    browser.waitForText("此项为必填项");
    assertThat(browser.text()).doesNotContain("Field is required");
    browser.screenshot(SHOTS.resolve("tasklist-form-check.png"));
    assertThat(pi).isWaitingAt("signFor");
    browser.eval("document.querySelector('input[id*=\"Field_signConfirmed\"]').click()");
    clickButton("完成");
    awaitTaskCompleted(pi, "signFor");
    browser.screenshot(SHOTS.resolve("tasklist-after-sign-for.png"));
    assertThat(pi).isWaitingAt("handleCase");
    assertThat(caseOf(pi).getSignedAt()).isNotNull();
  }

  @Test
  @DisplayName("R4 the supervision office opens Cockpit and finds the late case on 督办看板, with its yellow notice printable")
  void supervisorSeesTheDashboard() throws Exception {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "浏览器测试：逾期的老旧小区改造");
    ProcessInstance pi = register(form);
    SupervisionCase c = caseOf(pi);
    signFor(pi);
    fire(pi, "stageLimitReached");
    setClock(LocalDateTime.of(2026, 3, 24, 10, 0));

    login("cockpit", "ducha");
    browser.waitForText("督办看板");
    browser.waitForText(c.getCaseNumber());
    assertThat(browser.text()).contains("逾期督办事项", "按承办单位", c.getTitle(), "黄灯");
    browser.screenshot(SHOTS.resolve("cockpit-dashboard.png"));
    // the yellow tile lists the yellow cases
    browser.eval("document.querySelector('.duban-tile[data-level=\"YELLOW\"]').click()");
    browser.waitFor("!document.querySelector('.duban-selection').hidden"
        + " && document.querySelector('.duban-selection').innerText.includes(" + JSON.valueToTree(c.getCaseNumber()) + ")",
        "the yellow cases listed");
    assertThat(browser.eval("document.querySelector('.duban-selection-title').textContent").asText())
        .startsWith("黄灯的在办事项");

    clickText("督办看板");  // the header's menu: the board as a page of its own
    browser.waitFor("location.hash.includes('/duban-dashboard')", "the board's own page");
    browser.waitForText(c.getCaseNumber());
    browser.screenshot(SHOTS.resolve("cockpit-board-page.png"));

    browser.open("http://localhost:" + port + "/api/cases/" + c.getId() + "/notices/YELLOW");
    browser.waitForText("督查事项限期催办单");
    assertThat(browser.text()).contains(c.getCaseNumber(), "县住房和城乡建设局", "办理时限");
    assertThat(browser.eval("getComputedStyle(document.querySelector('h1')).color").asText())
        .isEqualTo("rgb(184, 134, 11)");
    browser.screenshot(SHOTS.resolve("notice-yellow.png"));
  }

  @Test
  @DisplayName("R25 in December the board warns that 2027 has no holiday table; the supervision office enters it on the page 节假日安排")
  void supervisorEntersNextYearsHolidays() throws Exception {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    try {
      login("cockpit", "ducha");
      browser.waitForText("2027年节假日安排尚未录入");
      browser.screenshot(SHOTS.resolve("cockpit-calendar-banner.png"));
      clickText("节假日安排");
      browser.waitFor("location.hash.includes('/duban-calendar')", "the page 节假日安排");
      browser.waitFor("document.querySelector('.duban-entry textarea')", "the entry form for 2027");
      assertThat(browser.text()).contains("2027年", "暂按法定节假日计算，待国务院办公厅通知发布后自动调整", "2027-02-05", "春节");
      fill(".duban-entry input[name=\"source\"]", "国办发明电〔2026〕（测试）");
      fill(".duban-entry textarea", "2027-01-01..2027-01-03 休 元旦\n2027-02-10 班 春节调休上班\n");
      clickButton("保存并调整时限");
      browser.waitForText("调休上班日须为周六或周日");
      assertThat(browser.text()).contains("第2行");
      browser.screenshot(SHOTS.resolve("cockpit-calendar-refused.png"));

      fill(".duban-entry textarea", "2027-01-01..2027-01-03 休 元旦\n2027-02-05..2027-02-13 休 春节\n2027-02-14 班 春节调休上班\n");
      clickButton("保存并调整时限");
      browser.waitForText("2027年节假日安排已保存为第1版，即时生效");
      assertThat(browser.text()).contains("正式", "页面录入", "周督查");
      browser.screenshot(SHOTS.resolve("cockpit-calendar-entered.png"));
      assertThat(clock.calendar().isOfficial(2027)).isTrue();
    } finally {
      jdbc.update("delete from limit_adjustment where holiday_table_id in (select id from holiday_table where table_year = 2027)");
      jdbc.update("delete from holiday_table where table_year = 2027");
      holidays.refresh();
    }
  }

  @Test
  @DisplayName("the webapps speak Chinese to an English browser; the switch at the foot of the page turns them English and back")
  void chineseUnlessEnglishIsChosen() throws Exception {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.waitFor("document.querySelector('input[ng-model=\"username\"]')", "the login form");
    browser.waitFor("document.querySelector('input[ng-model=\"username\"]').placeholder === '用户名'", "the Chinese login form");
    assertThat(browser.eval("navigator.language").asText()).startsWith("en");

    browser.eval("document.getElementById('duban-language-switch').click()");
    browser.waitFor("document.querySelector('input[ng-model=\"username\"]')"
        + " && document.querySelector('input[ng-model=\"username\"]').placeholder === 'Username'", "the English login form");
    browser.screenshot(SHOTS.resolve("login-english.png"));
    assertThat(browser.text()).contains("中文");

    login("tasklist", "zjj-lin");
    browser.waitForText("Start process");
    browser.eval("document.getElementById('duban-language-switch').click()");
    browser.waitForText("我的待办");
    assertThat(browser.text()).contains("发起流程", "English").doesNotContain("Start process");
  }

  @Test
  @DisplayName("R1 the registration form in an English browser: Chinese lists and calendar, and a date typed year first is taken as such")
  void registrationFormSpeaksChinese() throws Exception {
    login("tasklist", "ducha");
    clickText("发起流程");
    clickText("督查督办事项");
    String deadline = "document.querySelector('input[id*=\"Field_deadline\"]')";
    browser.waitFor(deadline, "the registration form");
    browser.waitFor(deadline + ".placeholder === 'yyyy/mm/dd'", "the date asked year first");
    browser.waitFor("[...document.querySelectorAll('.fjs-form input[placeholder]')].some(i => i.placeholder === '搜索')",
        "the lists' search in Chinese");
    assertThat(browser.text()).contains("请选择").doesNotContain("Select", "Search");

    browser.eval(deadline + ".dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))");
    browser.waitFor("document.querySelector('.flatpickr-calendar.open .flatpickr-weekday')", "the calendar");
    browser.waitFor("document.querySelector('.flatpickr-calendar.open').innerText.includes('一')", "the calendar in Chinese");
    assertThat(browser.eval("document.querySelector('.flatpickr-calendar.open').innerText").asText())
        .doesNotContain("Mon", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December");
    browser.screenshot(SHOTS.resolve("register-calendar.png"));

    // typed as a Chinese office writes a date, in a month still to come whatever today is
    java.time.LocalDate day = java.time.LocalDate.now().plusMonths(2).withDayOfMonth(15);
    String typed = day.toString();
    browser.type("input[id*=\"Field_deadline\"]", typed);
    String expected = day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth();
    browser.waitFor(deadline + ".value === " + JSON.valueToTree(expected), "the date taken as " + expected);
  }

  @Test
  @DisplayName("a start form the application refuses: Tasklist shows the Chinese refusal alone, not the engine's wrapping")
  void refusedStartFormSpeaksChinese() throws Exception {
    login("tasklist", "kaohe");
    clickText("发起流程");
    clickText("年度绩效考核");
    String year = "document.querySelector('input[id*=\"Field_assessmentYear\"]')";
    browser.waitFor(year, "the assessment's start form");
    // a year that has not ended: the form's own range lets it pass, the application refuses it
    browser.type("input[id*=\"Field_assessmentYear\"]", "2030");
    clickButton("启动");
    browser.waitForText("考核年度须是2000年至");
    assertThat(browser.text()).contains("无法发起流程", "已结束的年度（assessmentYear）")
        .doesNotContain("Cannot instantiate", "annual-assessment:", "Exception");
    browser.screenshot(SHOTS.resolve("tasklist-start-refused.png"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-assessment")
        .processInstanceBusinessKey("2030").count()).isZero();
  }

  @Test
  @DisplayName("a unit's handler in Cockpit: the county-wide counts are refused in Chinese, 督办看板 still shows the unit's own work")
  void unitHandlerInCockpit() throws Exception {
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "浏览器测试：单位在驾驶舱看本单位事项");
    register(form);
    register(transportRegistrationForm("浏览器测试：另一个单位的事项"));

    login("cockpit", "zjj-lin");
    browser.waitForText("按承办单位");
    browser.waitForText("县住房和城乡建设局");
    // the dashboard's process statistics count the whole county: refused, and said so in Chinese
    browser.waitForText("您没有执行此操作或查看此内容的权限");
    assertThat(browser.text()).contains("督办看板", "拒绝访问").doesNotContain("县交通运输局", "Forbidden", "Exception");
    browser.screenshot(SHOTS.resolve("cockpit-unit-handler.png"));
  }

  private void login(String app, String user) {
    browser.open("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    browser.waitFor("document.querySelector('input[ng-model=\"username\"]')", "the login form");
    fill("input[ng-model=\"username\"]", user);
    fill("input[ng-model=\"password\"]", "duban2026");
    browser.eval("document.querySelector('button[type=\"submit\"]').click()");
    browser.waitFor("!document.querySelector('input[ng-model=\"username\"]')", "the login to pass");
  }

  private void fill(String selector, String value) {
    browser.eval("(() => { const e = document.querySelector(" + JSON.valueToTree(selector) + "); e.value = "
        + JSON.valueToTree(value) + "; e.dispatchEvent(new Event('input', {bubbles: true}));"
        + " e.dispatchEvent(new Event('change', {bubbles: true})); })()");
  }

  /** Clicks the innermost link or list entry whose text contains the text. */
  private void clickText(String text) {
    browser.waitForText(text);
    browser.eval("(() => { const all = [...document.querySelectorAll('a, li, span, button')]"
        + ".filter(e => e.offsetParent !== null && e.textContent.includes(" + JSON.valueToTree(text) + "));"
        + " const inner = all.filter(e => !all.some(o => o !== e && e.contains(o)));"
        + " (inner[0] || all[0]).click(); })()");
  }

  /**
   * Opens the task whose list entry shows the case number: other tests' tasks share the database,
   * so the first entry of a filter need not be this test's.
   */
  private void openTaskOf(String caseNumber) {
    String entries = "[...document.querySelectorAll('li')].filter(e => e.offsetParent !== null"
        + " && e.querySelector('a') && e.textContent.includes(" + JSON.valueToTree(caseNumber) + "))";
    browser.waitFor(entries + ".length > 0", "the task of " + caseNumber + " in the list");
    browser.eval("(() => { const all = " + entries + ";"
        + " const inner = all.filter(e => !all.some(o => o !== e && e.contains(o)));"
        + " inner[0].querySelector('a').click(); })()");
  }

  /** The form is submitted by the page's own script; the engine's answer is what counts. */
  private void awaitTaskCompleted(ProcessInstance pi, String taskKey) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(15);
    while (tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() > 0) {
      assertThat(Instant.now()).as("task %s completed from the browser within 15 s", taskKey).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private void clickButton(String label) {
    browser.waitFor("[...document.querySelectorAll('button')].some(b => b.textContent.trim() === "
        + JSON.valueToTree(label) + " && !b.disabled)", "the button " + label);
    browser.eval("[...document.querySelectorAll('button')].find(b => b.textContent.trim() === "
        + JSON.valueToTree(label) + " && !b.disabled).click()");
  }
}
