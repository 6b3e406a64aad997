package cn.duban.webapp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and the project's own API answer only authenticated callers: HTTP basic
 * against the engine's identity service. The project's pages that the webapps link to (a notice,
 * a report) are also read with the webapps' login, so a link from Tasklist or Cockpit opens
 * without a second password; a change with that login must carry the session's CSRF token, so no
 * other site can post in the user's name.
 */
@Configuration
public class RestSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApplicationEngineFilter(engine));
    registration.setName("duban-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    return registration;
  }

  /**
   * Messages and signals are the processes' own: the application raises them (a withdrawal, say)
   * after its own checks. Sent through the REST API they would skip those checks, and a refused
   * correlation names the instance it matched, which tells a caller what another unit's case holds.
   */
  @Bean
  public FilterRegistrationBean<Filter> noMessagesFromOutside() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      if ("POST".equalsIgnoreCase(http.getMethod()) && RAISES_EVENT.matcher(pathOf(http)).matches()) {
        HttpServletResponse refused = (HttpServletResponse) response;
        refused.setStatus(HttpServletResponse.SC_FORBIDDEN);
        refused.setContentType("application/json;charset=UTF-8");
        refused.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"消息和信号由系统按业务规则触发，不能通过接口发送\"}");
        return;
      }
      chain.doFilter(request, response);
    });
    registration.setName("duban-no-messages-from-outside");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  /** Correlating a message, sending a signal, triggering a subscription: by whatever spelling of the path. */
  private static final Pattern RAISES_EVENT = Pattern.compile(
      "(?i).*/(message|signal|messagesubscriptions/[^/]+/trigger)/*");

  /** The path as the servlet container resolved it: decoded, without ";…" parameters. */
  private static String pathOf(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  /**
   * Authenticates against the application's one engine, whatever its name: the stock filter looks
   * up the engine named "default", which a renamed engine (camunda.bpm.process-engine-name) is not.
   */
  static final class ApplicationEngineFilter extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine engine;

    ApplicationEngineFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return engine;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      UserAuthentication webappUser = webappUser((HttpServletRequest) request);
      if (webappUser == null) {
        super.doFilter(request, response, chain);
        return;
      }
      engine.getIdentityService().setAuthentication(webappUser.getIdentityId(),
          webappUser.getGroupIds() == null ? List.of() : new ArrayList<>(webappUser.getGroupIds()),
          webappUser.getTenantIds() == null ? List.of() : new ArrayList<>(webappUser.getTenantIds()));
      try {
        chain.doFilter(request, response);
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }

    /**
     * The user logged in to the webapps, for a request to the project's API without credentials of
     * its own: a GET, or a change that carries the session's CSRF token in {@code X-XSRF-TOKEN}
     * as the webapps' own requests do (a page of ours in Cockpit entering a holiday table), which
     * another site cannot read and so cannot send.
     */
    private UserAuthentication webappUser(HttpServletRequest request) {
      if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
          || request.getHeader("Authorization") != null) {
        return null;
      }
      HttpSession session = request.getSession(false);
      if (session == null || !"GET".equals(request.getMethod()) && !carriesCsrfToken(request, session)) {
        return null;
      }
      Authentications all = AuthenticationUtil.getAuthsFromSession(session);
      return all != null && all.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication u
          ? u : null;
    }

    private static boolean carriesCsrfToken(HttpServletRequest request, HttpSession session) {
      Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      return expected != null && sent != null
          && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
              sent.getBytes(StandardCharsets.UTF_8));
    }
  }
}
