package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.ProcessTestSupport;
import cn.duban.WebappSession;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.LimitClock;
import cn.duban.supervision.SupervisionCase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webapps as people use them, in Debian's headless Chromium (driven by Selenium through Debian's
 * chromedriver) against the running application. Screenshots land in target/browser/. Without
 * Chromium and its driver the class is skipped with a message; {@code -Dduban.browser.required=true}
 * makes that a failure instead.
 */
class BrowserTest extends ProcessTestSupport {

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @LocalServerPort int port;
  @Autowired LimitClock clock;
  @Autowired HolidayTables holidays;
  @Autowired JdbcTemplate jdbc;
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
  @DisplayName("R2 a unit's handler logs in to the Chinese Tasklist, finds the task in the unit's filters, opens the Chinese form and signs for the case")
  void handlerSignsForInTasklist() throws Exception {
    // other tests' cases share the database, and 我的待办 lists by due date one page at a time: a
    // case registered before theirs (their registrations are from March) has its card on the first
    setClock(LocalDateTime.of(2026, 1, 5, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("title", "浏览器测试：背街小巷路灯改造");
    ProcessInstance pi = register(form);
    SupervisionCase c = caseOf(pi);

    logIn("tasklist", "zjj-lin");
    browser.see("我的待办");
    assertThat(browser.text()).contains("我的待办", "本单位待办", "即将到期", "已逾期", "黄牌督办", "红牌督办", "投诉待办", "发起流程")
        .doesNotContain("Start process");
    browser.click("我的待办");
    WebElement card = taskCardOf(c.getCaseNumber());
    assertThat(card.getText()).contains(c.getCaseNumber(), c.getTitle());
    browser.screenshot("tasklist-filters");

    // what a person sees around the work
    assertThat(browser.driver().getTitle()).isEqualTo("督办 · 待办");
    assertThat(browser.driver().findElement(By.cssSelector(".navbar-brand")).getText()).isEqualTo("督办 · 待办");
    assertNoCamunda8Banner();
    browser.assertChineseInCjkFont(".task-filters .item a");

    // the case's fields on the task's card read as text, not as a faded grey
    WebElement caseNumber = card.findElements(By.cssSelector(".variable-value")).stream()
        .filter(v -> v.getText().equals(c.getCaseNumber())).findFirst().orElseThrow();
    assertReadable(caseNumber);

    // a browser in UTC all the same: the task's due time is Beijing time, and the foot of the page says so
    assertThat(((JavascriptExecutor) browser.driver()).executeScript("return new Date().getTimezoneOffset()"))
        .as("the browser's own zone, UTC as on the demonstration's server").isEqualTo(0L);
    Task signFor = task(pi, "signFor");
    String due = SECONDS.format(signFor.getDueDate().toInstant().atZone(SHANGHAI));
    browser.hover(card.findElement(By.cssSelector(".due-date span")));
    browser.until(d -> d.findElement(By.cssSelector(".tooltip")).getText().equals(due), "the due time " + due + " in Beijing time");
    assertThat(browser.driver().findElement(By.id("footer-timezone")).getText())
        .isEqualTo("日期和时间均为北京时间： Asia/Shanghai");
    browser.screenshot("tasklist-beijing-time");

    // the card found above may be gone: Tasklist redraws its list when it refreshes it
    browser.until(d -> {
      taskCardOf(c.getCaseNumber()).findElement(By.cssSelector("h4 a")).click();
      return true;
    }, "the task of " + c.getCaseNumber() + " opened");
    WebElement confirm = browser.field("已阅知督办要求，确认签收并按期办理");
    assertThat(browser.text()).contains("签收督办事项", c.getTitle(), "县住房和城乡建设局", "办理记录", "完成");
    browser.screenshot("tasklist-sign-for-form");
    // completed unticked: the form's own check speaks Chinese, and nothing is sent
    browser.clickButton("完成");
    browser.see("此项为必填项");
    assertThat(browser.text()).doesNotContain("Field is required");
    browser.screenshot("tasklist-form-check");
    assertThat(pi).isWaitingAt("signFor");
    // Tasklist's message about it lies over the form's buttons until closed
    browser.driver().findElements(By.cssSelector(".page-notifications .alert button.close")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    browser.click("已阅知督办要求，确认签收并按期办理");
    assertThat(confirm.isSelected()).isTrue();
    browser.clickButton("完成");
    awaitTaskCompleted(pi, "signFor");
    browser.screenshot("tasklist-after-sign-for");
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

    logIn("cockpit", "ducha");
    browser.see("督办看板");
    browser.see(c.getCaseNumber());
    assertThat(browser.text()).contains("逾期督办事项", "按承办单位", c.getTitle(), "黄灯");
    assertThat(browser.driver().getTitle()).startsWith("督办 · 监控");
    assertNoCamunda8Banner();
    assertThat(browser.driver().findElement(By.id("footer-timezone")).getText()).contains("北京时间", "Asia/Shanghai");
    browser.assertChineseInCjkFont(".duban-dashboard h3");
    browser.screenshot("cockpit-dashboard");
    // the yellow tile lists the yellow cases
    browser.click("黄灯");
    WebElement selection = browser.driver().findElement(By.cssSelector(".duban-selection"));
    browser.until(d -> selection.isDisplayed() && selection.getText().contains(c.getCaseNumber()), "the yellow cases listed");
    assertThat(selection.findElement(By.cssSelector(".duban-selection-title")).getText()).startsWith("黄灯的在办事项");

    browser.click("督办看板");  // the header's menu: the board as a page of its own
    browser.until(d -> d.getCurrentUrl().contains("/duban-dashboard"), "the board's own page");
    browser.see(c.getCaseNumber());
    browser.screenshot("cockpit-board-page");

    browser.open("http://localhost:" + port + "/api/cases/" + c.getId() + "/notices/YELLOW");
    browser.see("督查事项限期催办单");
    assertThat(browser.text()).contains(c.getCaseNumber(), "县住房和城乡建设局", "办理时限");
    assertThat(browser.driver().findElement(By.tagName("h1")).getCssValue("color")).isEqualTo("rgba(184, 134, 11, 1)");
    browser.screenshot("notice-yellow");
  }

  @Test
  @DisplayName("R25 in December the board warns that 2027 has no holiday table; the supervision office enters it on the page 节假日安排")
  void supervisorEntersNextYearsHolidays() throws Exception {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    try {
      logIn("cockpit", "ducha");
      browser.see("2027年节假日安排尚未录入");
      browser.screenshot("cockpit-calendar-banner");
      browser.click("节假日安排");
      browser.until(d -> d.getCurrentUrl().contains("/duban-calendar"), "the page 节假日安排");
      WebElement table = browser.until(d -> d.findElement(By.cssSelector(".duban-entry textarea")), "the entry form for 2027");
      assertThat(browser.text()).contains("2027年", "暂按法定节假日计算，待国务院办公厅通知发布后自动调整", "2027-02-05", "春节");
      WebElement source = browser.driver().findElement(By.cssSelector(".duban-entry input[placeholder^='通知文号']"));
      source.sendKeys("国办发明电〔2026〕（测试）");
      table.clear();
      table.sendKeys("2027-01-01..2027-01-03 休 元旦\n2027-02-10 班 春节调休上班\n");
      browser.clickButton("保存并调整时限");
      browser.see("调休上班日须为周六或周日");
      assertThat(browser.text()).contains("第2行");
      browser.screenshot("cockpit-calendar-refused");

      table = browser.driver().findElement(By.cssSelector(".duban-entry textarea"));
      table.clear();
      table.sendKeys("2027-01-01..2027-01-03 休 元旦\n2027-02-05..2027-02-13 休 春节\n2027-02-14 班 春节调休上班\n");
      browser.clickButton("保存并调整时限");
      browser.see("2027年节假日安排已保存为第1版，即时生效");
      assertThat(browser.text()).contains("正式", "页面录入", "周督查");
      browser.screenshot("cockpit-calendar-entered");
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
    By userName = By.cssSelector("form[name=signinForm] input[type=text]");
    browser.until(d -> "用户名".equals(d.findElement(userName).getDomAttribute("placeholder")), "the Chinese login form");
    assertThat(browser.driver().getTitle()).isEqualTo("督办 · 待办");
    browser.assertChineseInCjkFont(".login-header .app-name");
    browser.screenshot("login-chinese");
    assertThat(((JavascriptExecutor) browser.driver()).executeScript("return navigator.language")).asString().startsWith("en");

    browser.click("English");
    browser.until(d -> "Username".equals(d.findElement(userName).getDomAttribute("placeholder")), "the English login form");
    browser.screenshot("login-english");
    assertThat(browser.text()).contains("中文");

    logIn("tasklist", "zjj-lin");
    browser.see("Start process");
    browser.click("中文");
    browser.see("我的待办");
    assertThat(browser.text()).contains("发起流程", "English").doesNotContain("Start process");
  }

  @Test
  @DisplayName("R1 the registration form in an English browser: Chinese lists and calendar, dates written 2026-12-02 and a typed one taken as such, long names in full")
  void registrationFormSpeaksChinese() throws Exception {
    logIn("tasklist", "ducha");
    // the header's menu of the other apps names them as the header does
    browser.driver().findElement(By.cssSelector(".app-switch .dropdown-toggle")).click();
    assertThat(browser.element("监控").getTagName()).isEqualTo("a");
    browser.driver().findElement(By.cssSelector(".app-switch .dropdown-toggle")).click();
    browser.click("发起流程");
    browser.click("督查督办事项");
    WebElement deadline = browser.field("完成时限");
    browser.until(d -> "yyyy-mm-dd".equals(deadline.getDomAttribute("placeholder")), "the date asked as 2026-12-02");
    browser.until(d -> !d.findElements(By.cssSelector(".fjs-form input[placeholder='搜索']")).isEmpty(),
        "the lists' search in Chinese");
    assertThat(browser.text()).contains("请选择").doesNotContain("Select", "Search");

    deadline.click();
    WebElement calendar = browser.until(d -> d.findElement(By.cssSelector(".flatpickr-calendar.open")), "the calendar");
    browser.until(d -> calendar.getText().contains("一"), "the calendar in Chinese");
    assertThat(calendar.getText()).doesNotContain("Mon", "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December");
    browser.screenshot("register-calendar");

    // typed as a Chinese office writes a date, in a month still to come whatever today is
    LocalDate day = LocalDate.now(SHANGHAI).plusMonths(2).withDayOfMonth(15);
    browser.typeInto("完成时限", day.toString());
    browser.until(d -> day.toString().equals(deadline.getDomProperty("value")), "the date shown as " + day);
    deadline.click();
    WebElement open = browser.until(d -> d.findElement(By.cssSelector(".flatpickr-calendar.open")), "the calendar again");
    assertThat(open.findElement(By.cssSelector(".flatpickr-day.selected")).getText()).isEqualTo("15");
    assertThat(new Select(open.findElement(By.cssSelector(".flatpickr-monthDropdown-months"))).getFirstSelectedOption().getText())
        .isEqualTo(day.getMonthValue() + "月");
    assertThat(open.findElement(By.cssSelector(".cur-year")).getDomProperty("value")).isEqualTo(String.valueOf(day.getYear()));
    browser.screenshot("register-date");

    // the longest names of the 责任人 list stand in their box, above its help text
    choose("牵头承办单位", "县住房和城乡建设局");
    choose("责任人", "林晓东（办公室主任）");
    WebElement person = browser.field("责任人").findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    WebElement box = person.findElement(By.cssSelector(".fjs-input-group"));
    WebElement chosen = box.findElement(By.cssSelector(".fjs-select-display"));
    WebElement help = person.findElement(By.cssSelector(".fjs-form-field-description"));
    assertThat(chosen.getText()).isEqualTo("林晓东（办公室主任）");
    assertThat(Integer.parseInt(chosen.getDomProperty("scrollHeight")))
        .as("the chosen name's height within its box").isLessThanOrEqualTo(Integer.parseInt(chosen.getDomProperty("clientHeight")));
    Rectangle boxRect = box.getRect();
    assertThat(boxRect.getY() + boxRect.getHeight()).as("the box's foot above the help text")
        .isLessThanOrEqualTo(help.getRect().getY());
    browser.screenshot("register-responsible-person");
  }

  @Test
  @DisplayName("a start form the application refuses: Tasklist shows the Chinese refusal alone, not the engine's wrapping")
  void refusedStartFormSpeaksChinese() throws Exception {
    logIn("tasklist", "kaohe");
    browser.click("发起流程");
    browser.click("年度绩效考核");
    // a year that has not ended: the form's own range lets it pass, the application refuses it
    browser.typeInto("考核年度", "2030");
    browser.clickButton("启动");
    browser.see("考核年度须是2000年至");
    assertThat(browser.text()).contains("无法发起流程", "已结束的年度（assessmentYear）")
        .doesNotContain("Cannot instantiate", "annual-assessment:", "Exception");
    browser.screenshot("tasklist-start-refused");
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

    logIn("cockpit", "zjj-lin");
    browser.see("按承办单位");
    browser.see("县住房和城乡建设局");
    // the dashboard's process statistics count the whole county: refused, and said so in Chinese
    browser.see("您没有执行此操作或查看此内容的权限");
    assertThat(browser.text()).contains("督办看板", "拒绝访问").doesNotContain("县交通运输局", "Forbidden", "Exception");
    browser.screenshot("cockpit-unit-handler");
  }

  private void logIn(String app, String user) {
    browser.logIn("http://localhost:" + port + "/camunda/app/" + app + "/default/", user, cn.duban.Http.DEMO_PASSWORD);
  }

  /**
   * The card of the task whose case fields show the case number: other tests' tasks share the
   * database, so the first card of a filter need not be this test's.
   */
  private WebElement taskCardOf(String caseNumber) {
    return browser.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .filter(card -> card.getText().contains(caseNumber)).findFirst().orElse(null), "the task of " + caseNumber + " in the list");
  }

  /** Opens the form's select by its label and picks the option, as a person does with the mouse. */
  private void choose(String label, String option) {
    WebElement field = browser.field(label).findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
    field.findElements(By.cssSelector(".fjs-select-display, input.fjs-input")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    browser.click(option);
    browser.until(d -> field.getText().contains(option) || option.equals(field.findElements(By.cssSelector("input.fjs-input"))
        .stream().map(i -> i.getDomProperty("value")).findFirst().orElse(null)), option + " chosen in " + label);
  }

  private void assertNoCamunda8Banner() {
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    assertThat(browser.text()).doesNotContain("迁移到 Camunda 8");
  }

  /**
   * Text that reads: its colour against the background it stands on has at least the contrast
   * WCAG asks of body text (4.5:1), both as styled and as drawn (a fade laid over text leaves its
   * style alone, so the darkest pixel of its screenshot is measured too).
   */
  private void assertReadable(WebElement text) throws IOException {
    Color background = backgroundOf(text);
    Color styled = Color.fromString(text.getCssValue("color"));
    assertThat(contrast(styled, background)).as("contrast of %s's colour %s on %s", text.getText(), styled.asHex(),
        background.asHex()).isGreaterThanOrEqualTo(4.5);
    BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(text.getScreenshotAs(OutputType.BYTES)));
    double darkest = 1;
    for (int x = 0; x < drawn.getWidth(); x++) {
      for (int y = 0; y < drawn.getHeight(); y++) {
        int rgb = drawn.getRGB(x, y);
        darkest = Math.min(darkest, luminance((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
      }
    }
    double lightest = luminance(background.getColor().getRed(), background.getColor().getGreen(), background.getColor().getBlue());
    assertThat((lightest + 0.05) / (darkest + 0.05)).as("contrast of %s as drawn", text.getText()).isGreaterThanOrEqualTo(4.5);
  }

  /** The first background colour that is not transparent, from the element up. */
  private static Color backgroundOf(WebElement element) {
    for (WebElement e = element; e != null; ) {
      Color c = Color.fromString(e.getCssValue("background-color"));
      if (c.getColor().getAlpha() > 0) {
        return c;
      }
      List<WebElement> parent = e.findElements(By.xpath("./parent::*"));
      e = parent.isEmpty() ? null : parent.get(0);
    }
    return Color.fromString("#ffffff");
  }

  private static double contrast(Color a, Color b) {
    double la = luminance(a.getColor().getRed(), a.getColor().getGreen(), a.getColor().getBlue());
    double lb = luminance(b.getColor().getRed(), b.getColor().getGreen(), b.getColor().getBlue());
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** WCAG's relative luminance of an sRGB colour. */
  private static double luminance(int r, int g, int b) {
    double[] c = {r / 255.0, g / 255.0, b / 255.0};
    for (int i = 0; i < 3; i++) {
      c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  /** The form is submitted by the page's own script; the engine's answer is what counts. */
  private void awaitTaskCompleted(ProcessInstance pi, String taskKey) {
    await("task " + taskKey + " completed from the browser").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .until(() -> tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).count() == 0);
  }
}
