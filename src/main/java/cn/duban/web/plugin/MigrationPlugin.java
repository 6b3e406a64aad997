package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 版本迁移 (issue 15), a page of Cockpit's menu: the front end in plugin-webapp/duban-migration/app/plugin.js,
 * its data from the project's {@code /api/migrations} with the webapp session. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class MigrationPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-migration";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(MigrationRootResource.class);
  }
}
