package cn.duban.web;

import cn.duban.common.Refusal;
import cn.duban.engine.ModelConflict;
import cn.duban.engine.ShippedModels;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The models a release ships in a changed version that the application did not deploy over an
 * analyst's ({@link ShippedModels}), and their resolution: the process analysts and administrators
 * see them and mark one kept (the analyst has taken the release's change into the deployed model);
 * only an administrator deploys the shipped version over the analyst's.
 */
@RestController
@RequestMapping("/api/model-conflicts")
public class ModelConflictController {

  private final ShippedModels models;
  private final Access access;

  public ModelConflictController(ShippedModels models, Access access) {
    this.models = models;
    this.access = access;
  }

  /** A conflict as the API and 督办看板 show it. */
  public record Row(Long id, String resourceName, String definitionKeys, String deploymentId, String deploymentName,
      String deployedBy, String deployedAt, String detectedAt) {

    static Row of(ModelConflict c) {
      return new Row(c.getId(), c.getResourceName(), c.getDefinitionKeys(), c.getDeploymentId(), c.getDeploymentName(),
          c.getDeployedBy(), c.getDeployedAt() == null ? null : c.getDeployedAt().toString(),
          c.getDetectedAt().toString());
    }
  }

  /** Whether a person sees and keeps the conflicts: the process analysts and administrators. */
  public static boolean mayResolve(Viewer viewer) {
    return viewer.in(Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN);
  }

  @GetMapping
  public List<Row> open() {
    viewer(false);
    return models.open().stream().map(Row::of).toList();
  }

  @PostMapping("/{id}/keep")
  public Row keep(@PathVariable long id) {
    Viewer v = viewer(false);
    open(id);
    return Row.of(models.keep(id, v.userId()));
  }

  @PostMapping("/{id}/accept")
  public Row accept(@PathVariable long id) {
    Viewer v = viewer(true);
    open(id);
    return Row.of(models.accept(id, v.userId()));
  }

  private void open(long id) {
    ModelConflict c = models.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "模型冲突不存在：" + id));
    if (!c.isOpen()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该模型冲突已处理（" + c.getResolution().label() + "）");
    }
  }

  private Viewer viewer(boolean adminOnly) {
    Viewer v = access.viewer().orElseThrow(() -> new Refusal("请先登录"));
    if (adminOnly ? !v.in(Groups.CAMUNDA_ADMIN) : !mayResolve(v)) {
      throw new Refusal(adminOnly ? "只有系统管理员可以用新版本替换分析员部署的模型"
          : "只有流程分析员和系统管理员可以查看和处理模型升级冲突");
    }
    return v;
  }
}
