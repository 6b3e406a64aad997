package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;

/** Serves the plugin's assets (app/plugin.js, app/plugin.css); its data comes from the project's /api with the webapp session. */
@Path("plugin/" + MessagesPlugin.ID)
public class MessagesRootResource extends AbstractAdminPluginRootResource {

  public MessagesRootResource() {
    super(MessagesPlugin.ID);
  }
}
