package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Chinese webapps: for each app, every key of the English file the webapps ship has a Chinese
 * text with the same placeholders and tags, and the app serves our Chinese file and configuration.
 */
class WebappLocaleTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  /** What stays in Latin letters: product names, ids, formats, markers that look like tags, symbols. */
  private static final Pattern KEPT = Pattern.compile(
      "|(Camunda )?(Tasklist|Cockpit|Admin)|Camunda|Optimize|ID\\*?|CSV|JSON|YYYY-MM-DDTHH:mm:ss|<(null|undefined|Operation|definition|version)>|[<>=]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|</?[a-zA-Z][^>]*>|%[sd]");

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("every key of the shipped English locale has a Chinese text with the same placeholders")
  void chineseIsComplete(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json");
    JsonNode zh = read(APP + app + "/locales/zh.json");
    List<String> missing = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    compare("", en, zh, missing, placeholders);
    assertThat(missing).as("keys of %s/en.json missing from zh.json", app).isEmpty();
    assertThat(placeholders).as("texts whose placeholders or tags differ").isEmpty();
    // translated, not copied: only product names, ids and symbols stay as they are
    List<String> english = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.path("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String text = e.getValue().asText();
      if (text.equals(zh.path("labels").path(e.getKey()).asText()) && !KEPT.matcher(text).matches()) {
        english.add(e.getKey() + ": " + text);
      }
    }
    assertThat(english).as("texts left in English").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  @DisplayName("the apps serve the Chinese locale and a configuration that makes it the default whatever the browser, with dates as YYYY-MM-DD HH:mm")
  void servedByTheApps(String app) throws Exception {
    HttpResponse<String> locale = get("/camunda/app/" + app + "/locales/zh.json");
    assertThat(locale.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(locale.body()).path("labels").size()).isGreaterThan(100);
    String config = get("/camunda/app/" + app + "/scripts/config.js").body();
    assertThat(config).contains("import {webappConfig} from '../../duban/language.js'", "webappConfig('" + app + "')",
        "import '../../duban/beijing-time.js'");
    // what the import finds: the shared settings, and Chinese whatever the browser's language
    // (BrowserTest shows it working)
    HttpResponse<String> language = get("/camunda/app/duban/language.js");
    assertThat(language.statusCode()).isEqualTo(200);
    assertThat(language.body()).contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'",
        "YYYY-MM-DD HH:mm", "duban-language-switch", "'zh'");
    assertThat(get("/camunda/app/duban/beijing-time.js").body()).contains("Asia/Shanghai", "updateOffset");
  }

  private static void compare(String path, JsonNode en, JsonNode zh, List<String> missing, List<String> placeholders) {
    if (en.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = zh == null ? null : zh.get(e.getKey());
        if (other == null) {
          missing.add(path + e.getKey());
        } else {
          compare(path + e.getKey() + ".", e.getValue(), other, missing, placeholders);
        }
      }
    } else if (en.isArray()) {
      if (zh == null || !zh.isArray() || zh.size() != en.size()) {
        missing.add(path + "[" + en.size() + "]");
      }
    } else if (en.isTextual() && path.startsWith("labels.")
        && !tokens(en.asText()).equals(tokens(zh.asText()))) {
      placeholders.add(path + ": " + en.asText() + " | " + zh.asText());
    }
  }

  private static TreeSet<String> tokens(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, StandardCharsets.UTF_8);
      // the shipped English files start with a byte order mark
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Anonymously: the login page needs its language before anyone logs in. */
  private HttpResponse<String> get(String path) {
    return new Http(port).get(path, null);
  }
}
