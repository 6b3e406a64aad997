package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 节假日安排 (R25), a page of Cockpit's menu: the front end in plugin-webapp/duban-calendar/app/plugin.js,
 * its data from the project's {@code /api/calendar} with the webapp session. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class CalendarPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-calendar";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CalendarRootResource.class);
  }
}
