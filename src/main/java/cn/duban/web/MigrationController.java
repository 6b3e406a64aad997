package cn.duban.web;

import cn.duban.common.InputException;
import cn.duban.engine.InstanceMigration;
import cn.duban.engine.MigrationRun;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.calendar.LimitClock;
import cn.duban.organization.Viewer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Running instances moved to a new version of their process (issue 15), as the page 版本迁移 in
 * Cockpit uses it: per process, the instances on older versions; the generated plan from an older
 * version to the latest with every instance checked against it; the move itself, instance by
 * instance or as a batch. For the supervision office, the process analysts and administrators.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final InstanceMigration migration;
  private final Access access;
  private final LimitClock clock;

  public MigrationController(InstanceMigration migration, Access access, LimitClock clock) {
    this.migration = migration;
    this.access = access;
    this.clock = clock;
  }

  /** A past move as the page lists it. */
  public record RunView(Long id, String processKey, int sourceVersion, int targetVersion, boolean asynchronous,
      int moved, int refused, String refusals, String batchId, String startedBy, String startedAt) {
  }

  public record Overview(List<InstanceMigration.ProcessVersions> processes, List<RunView> runs) {
  }

  /** What to move: the old version (empty: the oldest still running), the instances (empty: all of it), how. */
  public record MoveRequest(String sourceDefinitionId, List<String> processInstanceIds, Boolean asynchronous) {
  }

  @GetMapping
  public Overview overview() {
    mover();
    return new Overview(migration.overview(), migration.recentRuns().stream().map(this::view).toList());
  }

  @GetMapping("/{key}")
  public InstanceMigration.ProcessVersions versions(@PathVariable String key) {
    mover();
    return migration.versions(key);
  }

  /** The generated plan and the check of every instance of the old version: nothing moves. */
  @GetMapping("/{key}/plan")
  public InstanceMigration.PlanReport plan(@PathVariable String key,
      @RequestParam(name = "from", required = false) String sourceDefinitionId) {
    mover();
    return migration.plan(key, sourceDefinitionId);
  }

  @PostMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public InstanceMigration.Outcome migrate(@PathVariable String key, @RequestBody MoveRequest request) {
    Viewer viewer = mover();
    if (request == null) {
      throw new InputException("body", "请说明要迁移的流程版本和实例（body）");
    }
    return migration.migrate(key, request.sourceDefinitionId(), request.processInstanceIds(),
        Boolean.TRUE.equals(request.asynchronous()), viewer.userId());
  }

  @GetMapping("/batches/{batchId}")
  public InstanceMigration.BatchProgress batch(@PathVariable String batchId) {
    mover();
    return migration.batch(batchId);
  }

  private RunView view(MigrationRun r) {
    return new RunView(r.getId(), r.getProcessKey(), r.getSourceVersion(), r.getTargetVersion(), r.isAsynchronous(),
        r.getMoved(), r.getRefused(), r.getRefusals(), r.getBatchId(), r.getStartedBy(),
        MINUTE.format(r.getStartedAt().atZone(clock.zone())));
  }

  /** The supervision office, the process analysts and administrators move running instances. */
  private Viewer mover() {
    Viewer viewer = access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    if (!viewer.in(Groups.SUPERVISION_OFFICE, Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室、流程分析员和管理员可以迁移流程实例");
    }
    return viewer;
  }
}
