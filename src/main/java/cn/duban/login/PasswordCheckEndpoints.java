package cn.duban.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API checks passwords in two more places than the login, and neither may become
 * a way around {@link LoginThrottle}, now that the engine no longer locks:
 *
 * <ul>
 *   <li>{@code POST .../identity/verify} tells any logged-in caller whether a password is some
 *       user's: a guessing service for everyone in the directory. Nothing of the project uses it,
 *       so it is refused.
 *   <li>{@code PUT .../user/{id}/credentials} checks the current user's own password before
 *       changing it (Camunda Admin's "change password"): through the webapps, whoever holds a
 *       session could guess its owner's password there, so the check counts like a login. Through
 *       /engine-rest the caller has just given that password by HTTP basic, which is counted.
 * </ul>
 */
class PasswordCheckEndpoints extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The request's field of the current user's password, which the engine checks before a change. */
  private static final String CURRENT_PASSWORD = "authenticatedUserPassword";
  private static final Pattern VERIFY = Pattern.compile(".*/identity/verify/*");
  private static final Pattern CREDENTIALS = Pattern.compile(".*/engine/([^/]+)/user/[^/]+/credentials/*");

  private final LoginThrottle throttle;
  private final String webappEngineApi;

  PasswordCheckEndpoints(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.webappEngineApi = webappPath + "/api/engine/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if ("POST".equals(request.getMethod()) && VERIFY.matcher(path).matches()) {
      refuse(response);
      return;
    }
    Matcher credentials = CREDENTIALS.matcher(path);
    String user = "PUT".equals(request.getMethod()) && path.startsWith(webappEngineApi) && credentials.matches()
        ? webappUser(request, credentials.group(1)) : null;
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(user, address);
    if (wait.isPresent()) {
      TooManyAttempts.write(response, wait.get());
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      if (answer.getStatus() / 100 == 2) {
        throttle.succeeded(user, address);
      } else if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST && wrongCurrentPassword(answer)) {
        throttle.failed(user, address);
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  /**
   * The answer names the request's current password as the field at fault: the REST API's errors
   * are the project's problems, in Chinese, with the field (cn.duban.web.EngineErrors).
   */
  private static boolean wrongCurrentPassword(ContentCachingResponseWrapper answer) {
    try {
      return CURRENT_PASSWORD.equals(JSON.readTree(answer.getContentAsByteArray()).path("field").asText());
    } catch (IOException notJson) {
      return false;
    }
  }

  /** The user logged in to the webapps for that engine, whose password the engine checks; null if none. */
  private static String webappUser(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return all != null && all.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication u
        ? u.getIdentityId() : null;
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    String message = "不提供校验他人密码的接口：请以该用户本人登录";
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "无权操作");
    problem.put("status", 403);
    problem.put("detail", message);
    problem.put("message", message);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
