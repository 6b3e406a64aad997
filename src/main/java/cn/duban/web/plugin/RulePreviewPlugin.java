package cn.duban.web.plugin;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 规则预览 (issue 15), a page of Cockpit's menu: the front end in plugin-webapp/duban-rule-preview/app/plugin.js,
 * its data from the project's {@code /api/rule-preview} with the webapp session. Registered in
 * META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin.
 */
public class RulePreviewPlugin extends AbstractCockpitPlugin {

  public static final String ID = "duban-rule-preview";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(RulePreviewRootResource.class);
  }
}
