package cn.duban.webapp.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** /camunda/api/cockpit/plugin/duban-dashboard/{engine}/overview, and the plugin's assets. */
@Path("plugin/" + DashboardPlugin.ID)
public class DashboardRootResource extends AbstractCockpitPluginRootResource {

  public DashboardRootResource() {
    super(DashboardPlugin.ID);
  }

  @Path("{engineName}/overview")
  public DashboardResource overview(@PathParam("engineName") String engineName) {
    return subResource(new DashboardResource(engineName), engineName);
  }
}
