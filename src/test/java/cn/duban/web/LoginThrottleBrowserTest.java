package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.WebappSession;
import cn.duban.login.LoginProperties;
import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person mistyping a password in the login page sees why the next attempt must wait, and an
 * administrator sees and lifts that throttle in Camunda Admin (系统设置 → 登录限制), in headless
 * Chromium like {@link BrowserTest}; screenshots in target/browser/.
 */
class LoginThrottleBrowserTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target", "browser");
  private static final String USER = "jijian";

  @LocalServerPort int port;
  @Autowired LoginProperties properties;
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
    jdbc.update("delete from login_throttle where user_id = ?", USER);
  }

  @Test
  @DisplayName("Wrong passwords in the login page: the next attempt is told in Chinese to wait; the administrator lifts the throttle in Camunda Admin and the person logs in")
  void throttledAndLiftedInTheWebapps() throws Exception {
    String base = "http://localhost:" + port + "/camunda/app/";
    browser.open(base + "tasklist/default/");
    for (int i = 0; i < properties.userFailures(); i++) {
      submitLogin(USER, "guess-" + i);
      // the login page empties the form when a login fails
      browser.waitFor("document.querySelector('input[ng-model=\"username\"]').value === ''", "the failed login " + i);
    }
    submitLogin(USER, Http.DEMO_PASSWORD);
    browser.waitForText("登录失败次数过多，请于");
    assertThat(browser.text()).containsPattern("登录失败次数过多，请于\\d+秒后再试");
    browser.screenshot(SHOTS.resolve("login-throttled.png"));

    browser.open(base + "admin/default/#/system?section=duban-login-throttles");
    submitLogin("admin", Http.DEMO_PASSWORD);
    browser.waitFor("document.querySelector('.duban-throttles tr[data-id]')", "the throttles listed");
    String page = browser.text();
    assertThat(page).contains("登录限制", "客户端地址", "失败次数", USER, "限制中", "解除");
    browser.screenshot(SHOTS.resolve("admin-login-throttles.png"));
    browser.eval("[...document.querySelectorAll('.duban-throttles tr[data-id]')]"
        + ".find(r => r.children[1].textContent === " + JSON.valueToTree(USER) + ")"
        + ".querySelector('.duban-lift').click()");
    browser.waitForText("已解除");
    browser.waitFor("![...document.querySelectorAll('.duban-throttles tr[data-id]')]"
        + ".some(r => r.children[1].textContent === " + JSON.valueToTree(USER) + ")", "the throttle gone from the list");
    browser.screenshot(SHOTS.resolve("admin-login-throttle-lifted.png"));

    browser.eval("fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', credentials: 'same-origin',"
        + " headers: {'X-XSRF-TOKEN': decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='))"
        + ".substring(11))}}).then(r => r.status)");
    browser.open(base + "tasklist/default/");
    submitLogin(USER, Http.DEMO_PASSWORD);
    browser.waitFor("!document.querySelector('input[ng-model=\"username\"]')", "the login to pass");
    browser.waitForText("我的待办");
  }

  private void submitLogin(String user, String password) {
    browser.waitFor("document.querySelector('input[ng-model=\"username\"]')", "the login form");
    fill("input[ng-model=\"username\"]", user);
    fill("input[ng-model=\"password\"]", password);
    browser.eval("document.querySelector('button[type=\"submit\"]').click()");
  }

  private void fill(String selector, String value) {
    browser.eval("(() => { const e = document.querySelector(" + JSON.valueToTree(selector) + "); e.value = "
        + JSON.valueToTree(value) + "; e.dispatchEvent(new Event('input', {bubbles: true}));"
        + " e.dispatchEvent(new Event('change', {bubbles: true})); })()");
  }
}
