package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the plugin's assets (app/plugin.js, app/plugin.css); its data comes from the project's /api with the webapp session. */
@Path("plugin/" + DashboardPlugin.ID)
public class DashboardRootResource extends AbstractCockpitPluginRootResource {

  public DashboardRootResource() {
    super(DashboardPlugin.ID);
  }
}
