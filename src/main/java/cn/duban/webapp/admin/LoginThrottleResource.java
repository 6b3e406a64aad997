package cn.duban.webapp.admin;

import cn.duban.calendar.LimitClock;
import cn.duban.login.LoginThrottle;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import cn.duban.webapp.SpringBeans;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.admin.resource.AbstractAdminPluginResource;

/**
 * The login throttles for the administrator logged in to Camunda Admin. Camunda's webapp filters
 * have put the user on the engine for this request and checked the CSRF token of a DELETE, so the
 * session of the webapps is all it takes, and no other site can lift a throttle in the
 * administrator's name.
 */
@Produces(MediaType.APPLICATION_JSON)
public class LoginThrottleResource extends AbstractAdminPluginResource {

  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public LoginThrottleResource(String engineName) {
    super(engineName);
  }

  /** A throttle as the page shows it: times as the offices read them. */
  public record Row(long id, String address, String userId, int failures, String lastFailureAt, String blockedUntil,
      long waitSeconds) {
  }

  @GET
  public List<Row> list() {
    requireAdmin();
    DateTimeFormatter time = SECOND.withZone(SpringBeans.get(LimitClock.class).zone());
    return SpringBeans.get(LoginThrottle.class).current().stream()
        .map(t -> new Row(t.id(), t.address(), t.userId(), t.failures(), time.format(t.lastFailureAt()),
            t.blockedUntil() == null ? null : time.format(t.blockedUntil()), t.waitSeconds()))
        .toList();
  }

  @DELETE
  @Path("{id}")
  public Response lift(@PathParam("id") long id) {
    String admin = requireAdmin();
    if (!SpringBeans.get(LoginThrottle.class).lift(id, admin)) {
      throw refused(Response.Status.NOT_FOUND, "该登录限制已不存在");
    }
    return Response.noContent().build();
  }

  private static String requireAdmin() {
    return SpringBeans.get(Access.class).viewer().filter(v -> v.in(Groups.CAMUNDA_ADMIN)).map(Viewer::userId)
        .orElseThrow(() -> refused(Response.Status.FORBIDDEN, "只有系统管理员可以查看和解除登录限制"));
  }

  private static WebApplicationException refused(Response.Status status, String message) {
    return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("type", status.getReasonPhrase(), "message", message)).build());
  }
}
