package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the assets of 版本迁移 (/camunda/api/cockpit/plugin/duban-migration/static/app/plugin.js); its data is /api/migrations. */
@Path("plugin/" + MigrationPlugin.ID)
public class MigrationRootResource extends AbstractCockpitPluginRootResource {

  public MigrationRootResource() {
    super(MigrationPlugin.ID);
  }
}
