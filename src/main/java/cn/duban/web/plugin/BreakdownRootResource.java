package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the assets of 分解立项 (/camunda/api/cockpit/plugin/duban-breakdown/static/app/plugin.js); its data is /api/breakdowns. */
@Path("plugin/" + BreakdownPlugin.ID)
public class BreakdownRootResource extends AbstractCockpitPluginRootResource {

  public BreakdownRootResource() {
    super(BreakdownPlugin.ID);
  }
}
