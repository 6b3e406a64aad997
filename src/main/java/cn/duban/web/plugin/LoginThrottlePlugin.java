package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;

/**
 * 登录限制 in Camunda Admin's system settings: the front end in
 * plugin-webapp/duban-login-throttles/app/plugin.js, its data from /api/login-throttles with the webapp
 * session, its assets served by {@link LoginThrottleRootResource}.
 * Registered in META-INF/services/org.camunda.bpm.admin.plugin.spi.AdminPlugin.
 */
public class LoginThrottlePlugin extends AbstractAdminPlugin {

  public static final String ID = "duban-login-throttles";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(LoginThrottleRootResource.class);
  }
}
