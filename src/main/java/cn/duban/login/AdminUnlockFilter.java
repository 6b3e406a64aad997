package cn.duban.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda Admin's "unlock user" (POST .../user/{id}/unlock, through the webapps' engine API or
 * /engine-rest) resets the engine's count of the user's failed logins, which no longer locks anyone;
 * what does slow a user is {@link LoginThrottle}, so the same button lifts that too. The engine
 * lets only administrators unlock, so a successful answer is the permission.
 */
class AdminUnlockFilter extends OncePerRequestFilter {

  private static final Pattern UNLOCK = Pattern.compile(".*/user/([^/]+)/unlock/*");

  private final LoginThrottle throttle;

  AdminUnlockFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !UNLOCK.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() / 100 == 2) {
      Matcher m = UNLOCK.matcher(path(request));
      if (m.matches()) {
        throttle.liftUser(m.group(1), "Camunda Admin");
      }
    }
  }

  /** The path as the servlet container resolved it: decoded, without ";…" parameters. */
  private static String path(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }
}
