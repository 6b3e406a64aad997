package cn.duban.web;

import cn.duban.organization.Access;
import cn.duban.organization.Viewer;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The engine's statistics count every instance of a process whoever asks: its authorization
 * checks narrow which process definitions are listed, not which instances are counted, so a unit's
 * handler saw the whole county's cases counted. The metrics count the whole engine's work. Both
 * are for those who oversee all work (the supervision office, the efficiency office, the principal
 * leaders) and administrators; the counts of one process also for whoever may read every instance
 * of it (the office that owns it: the complaint desk its complaints). Everyone else gets 403.
 */
@Priority(Priorities.AUTHORIZATION)
public class AggregateCounts implements ContainerRequestFilter {

  static final String REFUSED = "汇总统计仅限督查室、效能办、主要领导和系统管理员查看";

  private static final String ENGINE = "^/?(?:engine/[^/]+/)?";
  private static final Pattern ALL_STATISTICS = Pattern.compile(ENGINE + "process-definition/statistics/?$");
  private static final Pattern STATISTICS_BY_KEY =
      Pattern.compile(ENGINE + "process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/statistics/?$");
  private static final Pattern STATISTICS_BY_ID = Pattern.compile(ENGINE + "process-definition/([^/]+)/statistics/?$");
  private static final Pattern METRICS = Pattern.compile(ENGINE + "metrics(?:/.*)?$");

  @Context
  private ServletContext servletContext;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean all = ALL_STATISTICS.matcher(path).matches() || METRICS.matcher(path).matches();
    Matcher byKey = STATISTICS_BY_KEY.matcher(path);
    Matcher byId = STATISTICS_BY_ID.matcher(path);
    boolean one = byKey.matches() || (byId.matches() && !"key".equals(byId.group(1)));
    if (!all && !one) {
      return;
    }
    ProcessEngine engine = EngineRestErrors.engine(servletContext);
    Access access = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(Access.class);
    Optional<Viewer> viewer = access.viewer();
    if (viewer.filter(Viewer::overseesAll).isPresent()) {
      return;
    }
    if (viewer.isPresent() && one) {
      String key = byKey.matches() ? byKey.group(1) : keyOf(engine, byId.group(1));
      if (key == null || access.readsEveryInstance(viewer, key)) {
        return;  // an unknown definition: the engine answers 404 itself
      }
    }
    request.abortWith(Response.status(403).entity(Problem.of(403, REFUSED).json())
        .type(EngineRestErrors.PROBLEM).build());
  }

  private static String keyOf(ProcessEngine engine, String definitionId) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(definitionId).singleResult();
    return definition == null ? null : definition.getKey();
  }
}
