package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the plugin's assets (app/plugin.js, app/plugin.css) and app/common.js, the helpers every
 * Cockpit page of the project imports; the data comes from the project's /api with the webapp session.
 */
@Path("plugin/" + DashboardPlugin.ID)
public class DashboardRootResource extends AbstractCockpitPluginRootResource {

  public DashboardRootResource() {
    super(DashboardPlugin.ID);
    allowedAssets = new ArrayList<>(List.of("app/plugin.js", "app/plugin.css", "app/common.js"));
  }
}
