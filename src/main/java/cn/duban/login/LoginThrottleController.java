package cn.duban.login;

import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
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
 * {@code DELETE /api/login-throttles/{id}} lifts one. Camunda Admin's page 登录限制 shows the same
 * (see {@link LoginThrottlePlugin}).
 */
@RestController
public class LoginThrottleController {

  private final LoginThrottle throttle;
  private final Access access;

  public LoginThrottleController(LoginThrottle throttle, Access access) {
    this.throttle = throttle;
    this.access = access;
  }

  @GetMapping("/api/login-throttles")
  public List<LoginThrottle.Throttle> list() {
    requireAdmin();
    return throttle.current();
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
