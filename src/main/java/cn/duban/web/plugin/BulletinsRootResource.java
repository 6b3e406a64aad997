package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the assets of {@link BulletinsPlugin} under /camunda/api/cockpit/plugin/duban-bulletins/static/:
 * the pages, the charts' module, the page script of a bulletin and Chart.js with its licence. Only
 * the assets named here are served.
 */
@Path("plugin/" + BulletinsPlugin.ID)
public class BulletinsRootResource extends AbstractCockpitPluginRootResource {

  public BulletinsRootResource() {
    super(BulletinsPlugin.ID);
    allowedAssets = new ArrayList<>(List.of("app/plugin.js", "app/plugin.css", "app/charts.js",
        "app/bulletin-page.js", "app/chart.umd.min.js", "app/chart.js-LICENSE.md"));
  }
}
