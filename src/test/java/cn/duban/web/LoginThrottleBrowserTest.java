package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import cn.duban.WebappSession;
import cn.duban.login.LoginProperties;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person mistyping a password in the login page sees why the next attempt must wait, and an
 * administrator sees and lifts that throttle in Camunda Admin (系统设置 → 登录限制), in headless
 * Chromium like {@link BrowserTest}; screenshots in target/browser/.
 */
class LoginThrottleBrowserTest extends ProcessTestSupport {

  private static final String USER = "jijian";

  @LocalServerPort int port;
  @Autowired LoginProperties properties;
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
    jdbc.update("delete from login_throttle where user_id = ?", USER);
  }

  @Test
  @DisplayName("Wrong passwords in the login page: the next attempt is told in Chinese to wait; the administrator lifts the throttle in Camunda Admin and the person logs in")
  void throttledAndLiftedInTheWebapps() throws Exception {
    String base = "http://localhost:" + port + "/camunda/app/";
    browser.open(base + "tasklist/default/");
    By userName = By.cssSelector("form[name=signinForm] input[type=text]");
    for (int i = 0; i < properties.userFailures(); i++) {
      browser.typeLogin(USER, "guess-" + i);
      // the login page empties the form when a login fails
      browser.until(d -> d.findElement(userName).getDomProperty("value").isEmpty(), "the failed login " + i);
    }
    browser.typeLogin(USER, Http.DEMO_PASSWORD);
    browser.see("登录失败次数过多，请于");
    assertThat(browser.text()).containsPattern("登录失败次数过多，请于\\d+秒后再试");
    browser.screenshot("login-throttled");

    browser.logIn(base + "admin/default/#/system?section=duban-login-throttles", "admin", Http.DEMO_PASSWORD);
    browser.until(d -> throttleOf(d).isPresent(), "the throttle of " + USER + " listed");
    assertThat(browser.text()).contains("登录限制", "客户端地址", "失败次数", USER, "限制中", "解除");
    browser.screenshot("admin-login-throttles");
    throttleOf(browser.driver()).orElseThrow().findElement(By.xpath(".//button[normalize-space(.)='解除']")).click();
    browser.see("已解除");
    browser.until(d -> throttleOf(d).isEmpty(), "the throttle gone from the list");
    browser.screenshot("admin-login-throttle-lifted");

    // the administrator logs out with the account menu; the person logs in at once
    browser.click("系统 管理员");
    browser.click("退出登录");
    browser.until(d -> !d.findElements(userName).isEmpty(), "the login page after logging out");
    browser.logIn(base + "tasklist/default/", USER, Http.DEMO_PASSWORD);
    browser.see("我的待办");
  }

  /** The row of the throttle list for the user (the second column is the user). */
  private static Optional<WebElement> throttleOf(WebDriver driver) {
    return driver.findElements(By.cssSelector(".duban-throttles tr[data-id]")).stream()
        .filter(row -> row.findElements(By.tagName("td")).size() > 1 && row.findElements(By.tagName("td")).get(1).getText().equals(USER))
        .findFirst();
  }
}
