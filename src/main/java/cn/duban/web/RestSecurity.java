package cn.duban.web;

import cn.duban.login.LoginThrottle;
import cn.duban.login.TooManyAttempts;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
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
 * other site can post in the user's name. Every password checked here passes {@link LoginThrottle}
 * first.
 */
@Configuration
public class RestSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication(ProcessEngine engine,
      LoginThrottle throttle) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApplicationEngineFilter(engine, throttle));
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
        Problem.of(HttpServletResponse.SC_FORBIDDEN, "消息和信号由系统按业务规则触发，不能通过接口发送")
            .write((HttpServletResponse) response);
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
   * A user who must wait at the caller's address gets 429 before the password is checked, and every
   * check the provider makes is counted.
   */
  static final class ApplicationEngineFilter extends ProcessEngineAuthenticationFilter {

    private static final String BASIC = "Basic ";

    private final ProcessEngine engine;
    private final LoginThrottle throttle;

    ApplicationEngineFilter(ProcessEngine engine, LoginThrottle throttle) {
      this.engine = engine;
      this.throttle = throttle;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
      super.init(filterConfig);
      authenticationProvider = new Counted(authenticationProvider, throttle);
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
        String claimed = claimedUser((HttpServletRequest) request);
        Optional<Duration> wait = claimed == null ? Optional.empty() : throttle.waitFor(claimed, request.getRemoteAddr());
        if (wait.isPresent()) {
          TooManyAttempts.write((HttpServletResponse) response, wait.get());
          return;
        }
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
     * The user named by HTTP basic credentials, decoded as {@code HttpBasicAuthenticationProvider}
     * decodes them; null when there are none, and then no password is checked either.
     */
    private static String claimedUser(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.startsWith(BASIC)) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getMimeDecoder().decode(header.substring(BASIC.length())), Charset.defaultCharset());
      } catch (IllegalArgumentException malformed) {
        return null;
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
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

  /** The stock provider, its every password check told to the throttle: the user it names is set whether or not it passed. */
  private record Counted(AuthenticationProvider provider, LoginThrottle throttle) implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      AuthenticationResult result = provider.extractAuthenticatedUser(request, engine);
      if (result.getAuthenticatedUser() != null) {
        if (result.isAuthenticated()) {
          throttle.succeeded(result.getAuthenticatedUser(), request.getRemoteAddr());
        } else {
          throttle.failed(result.getAuthenticatedUser(), request.getRemoteAddr());
        }
      }
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      provider.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }
}
