package cn.duban.login;

import cn.duban.calendar.LimitClock;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The login throttles for administrators: {@code GET /api/login-throttles} lists them,
 * {@code DELETE /api/login-throttles/{id}} lifts one. Camunda Admin's page 登录限制 uses them with
 * the webapp session (a DELETE with the session's CSRF token, see RestSecurity).
 */
@RestController
public class LoginThrottleController {

  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final LoginThrottle throttle;
  private final Access access;
  private final LimitClock clock;

  public LoginThrottleController(LoginThrottle throttle, Access access, LimitClock clock) {
    this.throttle = throttle;
    this.access = access;
    this.clock = clock;
  }

  /** A throttle as Camunda Admin's page shows it: times as the offices read them. */
  public record Row(long id, String address, String userId, int failures, String lastFailureAt, String blockedUntil,
      long waitSeconds) {
  }

  @GetMapping("/api/login-throttles")
  public List<Row> list() {
    requireAdmin();
    DateTimeFormatter time = SECOND.withZone(clock.zone());
    return throttle.current().stream()
        .map(t -> new Row(t.id(), t.address(), t.userId(), t.failures(), time.format(t.lastFailureAt()),
            t.blockedUntil() == null ? null : time.format(t.blockedUntil()), t.waitSeconds()))
        .toList();
  }

  @DeleteMapping("/api/login-throttles/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void lift(@PathVariable long id) {
    String admin = requireAdmin();
    if (!throttle.lift(id, admin)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该登录限制已不存在");
    }
  }

  private String requireAdmin() {
    return access.viewer().filter(v -> v.in(Groups.CAMUNDA_ADMIN)).map(Viewer::userId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以查看和解除登录限制"));
  }
}
