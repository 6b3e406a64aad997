package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the assets of 节假日安排 (/camunda/api/cockpit/plugin/duban-calendar/static/app/plugin.js); its data is /api/calendar. */
@Path("plugin/" + CalendarPlugin.ID)
public class CalendarRootResource extends AbstractCockpitPluginRootResource {

  public CalendarRootResource() {
    super(CalendarPlugin.ID);
  }
}
