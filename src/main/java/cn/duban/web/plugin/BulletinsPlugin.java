package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * R34: 督查通报 and 督办台账, two pages of Cockpit's menu (plugin-webapp/duban-bulletins/app/plugin.js),
 * their data from the project's {@code /api/bulletins} and {@code /api/cases/ledger} with the webapp
 * session. The plugin also serves the chart library (Chart.js, chart.umd.min.js, MIT) and the
 * charts' code that 督办看板 and the bulletin's printable page use. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class BulletinsPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-bulletins";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(BulletinsRootResource.class);
  }
}
