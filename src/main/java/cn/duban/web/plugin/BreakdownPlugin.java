package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 分解立项 (R29), a page of Cockpit's menu: the front end in plugin-webapp/duban-breakdown/app/plugin.js,
 * its data from the project's {@code /api/breakdowns} with the webapp session. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class BreakdownPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-breakdown";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(BreakdownRootResource.class);
  }
}
