package cn.duban.webapp.cockpit;

import cn.duban.webapp.Dashboard;
import cn.duban.webapp.SpringBeans;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * The dashboard's data for the Cockpit user. Cockpit has put the user's authentication on the
 * engine for this request, so the engine's queries behind {@link Dashboard} answer with what the
 * user may see.
 */
public class DashboardResource extends AbstractCockpitPluginResource {

  public DashboardResource(String engineName) {
    super(engineName);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Dashboard.Overview get() {
    return SpringBeans.get(Dashboard.class).overview();
  }
}
