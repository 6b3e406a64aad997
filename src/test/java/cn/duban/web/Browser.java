package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by Selenium through Debian's chromedriver: a person at the
 * webapps, who opens a page, reads it, clicks what it says, types into a labelled field and waits
 * for the answer. Nothing is downloaded: the driver and the browser are the distribution's, named
 * by path, so Selenium Manager is never asked for either.
 *
 * <p>Without Chromium or its driver the calling test is skipped with a message, unless
 * {@code -Dduban.browser.required=true} (as CI runs it), where that is a failure.
 */
final class Browser implements AutoCloseable {

  static final Path SHOTS = Path.of("target", "browser");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Path PROFILES = Path.of("target", "chromium");
  /** The families Debian's CJK font packages bring (fonts-wqy-zenhei, fonts-wqy-microhei, fonts-noto-cjk). */
  private static final Pattern CJK_FONT = Pattern.compile("(?i)WenQuanYi|Noto (Sans|Serif) CJK|Source Han|Droid Sans Fallback");

  /**
   * Selenium looks for DevTools bindings of the browser's version, which a newer Chromium outruns,
   * and says so at every start; the tests speak DevTools through chromedriver's own endpoint
   * ({@link ChromeDriver#executeCdpCommand}), which needs no bindings. Held here so that the level sticks.
   */
  private static final Logger CDP_BINDINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_BINDINGS.setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profile;

  /** The Chromium to use: $DUBAN_CHROMIUM, else Debian's /usr/bin/chromium. */
  static Path chromium() {
    String configured = System.getenv("DUBAN_CHROMIUM");
    return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
  }

  /** Debian's chromium-driver, which matches Debian's chromium version for version; $DUBAN_CHROMEDRIVER if set. */
  static Path chromedriver() {
    String configured = System.getenv("DUBAN_CHROMEDRIVER");
    return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromedriver");
  }

  /**
   * Starts the browser, or skips the calling test when it is not installed. The browser's language
   * is English, as Debian's Chromium is out of the box (the webapps must speak Chinese to it all the
   * same), and its time zone UTC, as on the server the demonstration runs on (the webapps must show
   * Beijing time all the same).
   */
  static Browser launch() throws IOException {
    List<Path> missing = Stream.of(chromium(), chromedriver()).filter(p -> !Files.isExecutable(p)).toList();
    if (!missing.isEmpty() && Boolean.getBoolean("duban.browser.required")) {
      throw new IllegalStateException("the browser tests are required (duban.browser.required) but " + missing
          + " is missing: apt-get install chromium chromium-driver fonts-wqy-zenhei");
    }
    Assumptions.assumeTrue(missing.isEmpty(),
        "no " + missing + ": apt-get install chromium chromium-driver fonts-wqy-zenhei to run the browser tests");
    Files.createDirectories(PROFILES);
    return new Browser(Files.createTempDirectory(PROFILES.toAbsolutePath(), "profile-"));
  }

  private Browser(Path profile) {
    this.profile = profile;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--lang=en-US", "--accept-lang=en-US,en", "--window-size=1400,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver().toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("HOME", profile.toAbsolutePath().toString(), "TZ", "UTC", "LANG", "en_US.UTF-8"))
        .withLogOutput(java.io.OutputStream.nullOutputStream())
        .build();
    this.driver = new ChromeDriver(service, options);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a page and waits until it has loaded. */
  void open(String url) {
    driver.get(url);
  }

  /** Logs in on the webapps' login page (of the app at {@code url}) with the user name and password. */
  void logIn(String url, String user, String password) {
    open(url);
    typeLogin(user, password);
    until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty(), "the login of " + user + " to pass");
  }

  /** Types a user name and password into the login form and presses its button, without waiting for the answer. */
  void typeLogin(String user, String password) {
    WebElement name = until(d -> d.findElement(By.cssSelector("form[name=signinForm] input[type=text]")),
        "the login form");
    name.clear();
    name.sendKeys(user);
    WebElement secret = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
    secret.clear();
    secret.sendKeys(password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
  }

  /** The text the page shows (what a person can read, not hidden elements). */
  String text() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (StaleElementReferenceException replaced) {
      return "";
    }
  }

  /** Waits until the page shows the text. */
  void see(String text) {
    until(d -> text().contains(text), "\"" + text + "\" on the page");
  }

  /** Waits until the condition holds (a value other than null or false), failing with what was awaited and the page's text. */
  <T> T until(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> what + "; the page says: " + excerpt())
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(condition);
  }

  /** Waits for the innermost visible link, button, list entry, label or cell whose text contains the text. */
  WebElement element(String text) {
    return until(d -> innermost(d, text), "something that says \"" + text + "\"");
  }

  /** Clicks what says the text: a link, a menu entry, a tile, a list's option. */
  void click(String text) {
    until(d -> {
      WebElement e = innermost(d, text);
      if (e == null) {
        return false;
      }
      e.click();
      return true;
    }, "\"" + text + "\" to click");
  }

  /** Clicks the enabled button whose label is the text. */
  void clickButton(String label) {
    until(d -> {
      WebElement button = d.findElements(By.tagName("button")).stream()
          .filter(b -> b.isDisplayed() && b.isEnabled() && b.getText().strip().equals(label))
          .findFirst().orElse(null);
      if (button == null) {
        return false;
      }
      button.click();
      return true;
    }, "the button " + label);
  }

  /** The form field whose label says the text (form-js labels name their input with {@code for}). */
  WebElement field(String label) {
    return until(d -> {
      WebElement l = d.findElements(By.tagName("label")).stream()
          .filter(e -> e.isDisplayed() && e.getText().replace("*", "").strip().equals(label))
          .findFirst().orElse(null);
      return l == null ? null : d.findElement(By.id(l.getDomAttribute("for")));
    }, "the field " + label);
  }

  /** Types into the labelled field, then leaves it with Tab as a person does. */
  void typeInto(String label, String text) {
    WebElement field = field(label);
    field.click();
    field.sendKeys(text, Keys.TAB);
  }

  /** Rests the mouse on the element (for its tooltip). */
  void hover(WebElement element) {
    new Actions(driver).moveToElement(element).perform();
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * The fonts Chromium used to draw the text of the element the CSS selector finds, by family, as
   * its DevTools report them (CSS.getPlatformFontsForNode), with the number of glyphs drawn in each.
   */
  Map<String, Integer> fontsOf(String cssSelector) {
    driver.executeCdpCommand("DOM.enable", Map.of());
    driver.executeCdpCommand("CSS.enable", Map.of());
    Object root = ((Map<?, ?>) driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root")).get("nodeId");
    Object node = driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", cssSelector)).get("nodeId");
    assertThat(((Number) node).intValue()).as("an element %s on the page", cssSelector).isPositive();
    List<?> fonts = (List<?>) driver.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", node)).get("fonts");
    Map<String, Integer> byFamily = new java.util.TreeMap<>();
    for (Object f : fonts) {
      Map<?, ?> font = (Map<?, ?>) f;
      byFamily.merge(String.valueOf(font.get("familyName")), ((Number) font.get("glyphCount")).intValue(), Integer::sum);
    }
    return byFamily;
  }

  /**
   * Asserts that the element's Chinese text is drawn with a CJK font: on a machine without one,
   * Chromium draws boxes, and screenshots of Chinese pages show nothing a reader could check.
   */
  void assertChineseInCjkFont(String cssSelector) {
    WebElement element = until(d -> d.findElement(By.cssSelector(cssSelector)), "the element " + cssSelector);
    long chinese = element.getText().codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        .count();
    assertThat(chinese).as("Chinese characters in %s (%s)", cssSelector, element.getText()).isPositive();
    Map<String, Integer> fonts = fontsOf(cssSelector);
    int cjkGlyphs = fonts.entrySet().stream().filter(e -> CJK_FONT.matcher(e.getKey()).find())
        .mapToInt(Map.Entry::getValue).sum();
    assertThat(cjkGlyphs).as("glyphs of \"%s\" drawn with a CJK font (apt-get install fonts-wqy-zenhei); fonts used: %s",
        element.getText(), fonts).isGreaterThanOrEqualTo((int) chinese);
  }

  private String excerpt() {
    String text = text();
    return text.substring(0, Math.min(text.length(), 1500));
  }

  /**
   * Of the visible elements a person clicks or reads whose text contains the text, one that holds no
   * other of them: the entry itself, not the list around it. While a dialog is open, what it covers
   * is out of reach, as for a person.
   */
  private static WebElement innermost(WebDriver driver, String text) {
    String kinds = "self::a or self::button or self::li or self::label or self::span or self::td or self::h4"
        + " or contains(@class,'fjs-dropdownlist-item')";
    String containing = "[" + kinds + "][contains(normalize-space(.), " + literal(text) + ")]";
    List<WebElement> dialogs = driver.findElements(By.cssSelector(".modal-dialog")).stream()
        .filter(WebElement::isDisplayed).toList();
    SearchContext scope = dialogs.isEmpty() ? driver : dialogs.get(dialogs.size() - 1);
    List<WebElement> visible = scope.findElements(By.xpath(".//*" + containing)).stream()
        .filter(WebElement::isDisplayed).toList();
    for (WebElement e : visible) {
      List<WebElement> inner = e.findElements(By.xpath(".//*" + containing));
      if (inner.stream().noneMatch(visible::contains)) {
        return e;
      }
    }
    return null;
  }

  /** The text as an XPath 1.0 string literal. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        // a leftover profile under target/ is harmless; the test's outcome must not depend on it
        System.err.println("Chromium profile " + profile + " not fully removed: " + e);
      }
    }
  }
}
