package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;

/** Serves the plugin's assets (app/plugin.js, app/plugin.css); its data comes from the project's /api with the webapp session. */
@Path("plugin/" + LoginThrottlePlugin.ID)
public class LoginThrottleRootResource extends AbstractAdminPluginRootResource {

  public LoginThrottleRootResource() {
    super(LoginThrottlePlugin.ID);
  }
}
