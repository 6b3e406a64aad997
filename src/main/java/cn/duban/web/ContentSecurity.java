package cn.duban.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every answer under {@code /api} says what a browser may do with it. The printable pages there
 * (the notices, the complaint urging notice, the assessment report and score sheets) show text that
 * people typed; the templates escape it, and should something slip through anyway, the
 * {@code Content-Security-Policy} lets the page run only the one script and style block it carries
 * itself, marked with this request's nonce, and load nothing from elsewhere. {@code nosniff} keeps
 * a browser from reading a JSON answer as a script or page. Camunda's webapps under
 * {@code /camunda} send headers of their own and are left alone.
 */
@Configuration
public class ContentSecurity {

  /**
   * The request attribute holding this request's nonce; the templates mark their inline
   * {@code <style>} and {@code <script>} with it ({@code th:nonce="${cspNonce}"}).
   */
  public static final String NONCE_ATTRIBUTE = "cspNonce";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Bean
  public FilterRegistrationBean<Filter> contentSecurityHeaders() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      String nonce = nonce();
      request.setAttribute(NONCE_ATTRIBUTE, nonce);
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("Content-Security-Policy", policy(nonce));
      http.setHeader("X-Content-Type-Options", "nosniff");
      chain.doFilter(request, response);
    });
    registration.setName("duban-content-security");
    // before the filters that may answer on their own (a control character, a login to wait for, 401)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  /**
   * Nothing from another origin, no plugins, no {@code <base>}, no framing; scripts and styles
   * only the page's own, by the nonce (so not even a style attribute); forms post only here.
   */
  static String policy(String nonce) {
    return "default-src 'self'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
