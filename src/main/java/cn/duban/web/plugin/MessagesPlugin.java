package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;

/**
 * 消息提醒 in Camunda Admin's system settings (R33): the templates, each event's recipients and the
 * group robots. The front end is plugin-webapp/duban-messages/app/plugin.js, its data
 * /api/messages with the webapp session, its assets served by {@link MessagesRootResource}.
 * Registered in META-INF/services/org.camunda.bpm.admin.plugin.spi.AdminPlugin.
 */
public class MessagesPlugin extends AbstractAdminPlugin {

  public static final String ID = "duban-messages";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(MessagesRootResource.class);
  }
}
