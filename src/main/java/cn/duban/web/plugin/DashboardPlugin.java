package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 督办看板 on Cockpit's dashboard: the front end in plugin-webapp/duban-dashboard/app/plugin.js,
 * its data from /api/dashboard with the webapp session, its assets served by {@link DashboardRootResource}. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class DashboardPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-dashboard";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DashboardRootResource.class);
  }
}
