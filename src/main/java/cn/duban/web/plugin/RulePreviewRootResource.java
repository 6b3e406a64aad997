package cn.duban.web.plugin;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the assets of 规则预览 (/camunda/api/cockpit/plugin/duban-rule-preview/static/app/plugin.js); its data is /api/rule-preview. */
@Path("plugin/" + RulePreviewPlugin.ID)
public class RulePreviewRootResource extends AbstractCockpitPluginRootResource {

  public RulePreviewRootResource() {
    super(RulePreviewPlugin.ID);
  }
}
