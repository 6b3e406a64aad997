package cn.duban.webapp.admin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;

/** /camunda/api/admin/plugin/duban-login-throttles/{engine}/throttles, and the plugin's assets. */
@Path("plugin/" + LoginThrottlePlugin.ID)
public class LoginThrottleRootResource extends AbstractAdminPluginRootResource {

  public LoginThrottleRootResource() {
    super(LoginThrottlePlugin.ID);
  }

  @Path("{engineName}/throttles")
  public LoginThrottleResource throttles(@PathParam("engineName") String engineName) {
    return subResource(new LoginThrottleResource(engineName), engineName);
  }
}
