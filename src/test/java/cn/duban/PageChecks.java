package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every printable page under /api must be: HTML in UTF-8 with {@code nosniff} and a
 * Content-Security-Policy that lets it run only the script and style it carries itself (marked
 * with the nonce the header names), and nothing a user typed turned into markup.
 */
public final class PageChecks {

  /** What a test types where a user would: a title, a name, a reason. */
  public static final String HOSTILE = "<script>alert('督办')</script><img src=x onerror=alert(1)>";
  /** The same, as the page must show it: text, escaped. */
  public static final String HOSTILE_ESCAPED =
      "&lt;script&gt;alert(&#39;督办&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

  private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]+)'");
  private static final Pattern TAG = Pattern.compile("<(script|style)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

  private PageChecks() {
  }

  /** The page's answer is a safe HTML page; returns its body. */
  public static String safePage(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.uri() + " " + page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'", "object-src 'none'", "base-uri 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    Matcher nonce = NONCE.matcher(policy);
    assertThat(nonce.find()).as("a script nonce in " + policy).isTrue();
    assertThat(policy).contains("style-src 'nonce-" + nonce.group(1) + "'");
    String body = page.body();
    Matcher tag = TAG.matcher(body);
    int tags = 0;
    while (tag.find()) {
      tags++;
      assertThat(tag.group(2)).as("every <%s> carries this answer's nonce", tag.group(1))
          .contains("nonce=\"" + nonce.group(1) + "\"");
    }
    assertThat(tags).as("the page's own style").isPositive();
    assertThat(body).as("no inline handlers or style attributes, which the policy would block")
        .doesNotContainPattern("(?i)<[a-z][^>]*\\s(on[a-z]+|style)\\s*=");
    return body;
  }
}
