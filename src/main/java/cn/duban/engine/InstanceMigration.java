package cn.duban.engine;

import cn.duban.common.Actors;
import cn.duban.common.InputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running instances follow a new version of their process (issue 15). For each process the
 * instances on older versions are counted; a plan from an older version to the latest is generated
 * by Camunda's migration API (equal activity ids mapped, timers and other event triggers taken
 * from the new version: every timer of the project reads its date from a variable, so it keeps its
 * due date) and each instance is checked against it by a trial move that is rolled back. The
 * instances that can move then move one transaction each (synchronously, or as the jobs of a
 * migration batch, one instance a job), so an instance moves whole or not at all; those that cannot
 * are reported with their reasons in Chinese and left as they are.
 *
 * <p>What the application keeps of an instance stays valid: the project's records name the process
 * instance id (a case's {@code process_instance_id}, the grants), which a migration keeps, and no
 * record names a process definition; tasks keep their id, assignee, candidate groups and due date,
 * and variables stay on their executions.
 *
 * <p>The caller's right to move instances is checked by the caller (the supervision office and the
 * process analysts); moving is not a right either holds in the engine (only administrators change an
 * instance beside its tasks), so the moves run without the caller's authentication, recorded with
 * his name in {@link MigrationRun}.
 */
@Service
public class InstanceMigration {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceMigration.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ManagementService management;
  private final IdentityService identity;
  private final TransactionTemplate eachInstance;
  private final MigrationRunRepository runs;

  public InstanceMigration(RuntimeService runtime, RepositoryService repository, ManagementService management,
      IdentityService identity, PlatformTransactionManager transactions, MigrationRunRepository runs) {
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
    this.identity = identity;
    this.eachInstance = new TransactionTemplate(transactions);
    this.eachInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.runs = runs;
  }

  /** A version of a process and how many of its instances are running. */
  public record Version(String definitionId, int version, String name, long running) {
  }

  /** A process: its latest version and the older ones that still have running instances. */
  public record ProcessVersions(String key, String name, Version latest, List<Version> older, long onOlder) {
  }

  /** An activity's mapping in a plan: from the old version's activity to the new version's. */
  public record Mapping(String sourceActivityId, String sourceName, String targetActivityId, String targetName) {
  }

  /** An instance as the report shows it: where it waits, whether it can move, and if not why. */
  public record InstanceCheck(String processInstanceId, String businessKey, List<String> waitingAt, boolean movable,
      List<String> reasons) {
  }

  /**
   * The generated plan from one older version to the latest, the activities it maps, the
   * activities of the old version it leaves without a counterpart, and every running instance of
   * the old version checked against it. {@code problems}: why no plan could be made (then nothing
   * can move).
   */
  public record PlanReport(String key, Version source, Version target, List<Mapping> mappings, List<String> unmapped,
      List<String> problems, List<InstanceCheck> instances) {

    public long movable() {
      return instances.stream().filter(InstanceCheck::movable).count();
    }
  }

  /** The outcome of a move: the instances moved (or queued in the batch) and those refused with why. */
  public record Outcome(Long runId, String key, int sourceVersion, int targetVersion, List<String> moved,
      List<InstanceCheck> refused, String batchId, String message) {
  }

  /** A batch's progress, for the page. */
  public record BatchProgress(String batchId, long total, long remaining, long failed, boolean done, String message) {
  }

  // ---------------------------------------------------------------- what is running where

  /** Every process with its latest version and the older versions that still run instances. */
  public List<ProcessVersions> overview() {
    return asSystem(() -> {
      List<ProcessVersions> result = new ArrayList<>();
      for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion()
          .orderByProcessDefinitionKey().asc().list()) {
        result.add(versions(latest));
      }
      return result;
    });
  }

  public ProcessVersions versions(String key) {
    return asSystem(() -> versions(latest(key)));
  }

  private ProcessVersions versions(ProcessDefinition latest) {
    List<Version> older = new ArrayList<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey())
        .orderByProcessDefinitionVersion().desc().list()) {
      if (d.getVersion() < latest.getVersion()) {
        long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
        if (running > 0) {
          older.add(version(d, running));
        }
      }
    }
    return new ProcessVersions(latest.getKey(), latest.getName(),
        version(latest, runtime.createProcessInstanceQuery().processDefinitionId(latest.getId()).count()), older,
        older.stream().mapToLong(Version::running).sum());
  }

  private Version version(ProcessDefinition d, long running) {
    return new Version(d.getId(), d.getVersion(), d.getName(), running);
  }

  // ---------------------------------------------------------------- the plan and its check

  /**
   * The plan from an older version (its definition id; null: the oldest with running instances) to
   * the latest, and every running instance of that version checked by a trial move.
   */
  public PlanReport plan(String key, String sourceDefinitionId) {
    return asSystem(() -> {
      ProcessDefinition target = latest(key);
      ProcessDefinition source = source(target, sourceDefinitionId);
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
          .orderByProcessInstanceId().asc().list();
      return check(source, target, instances);
    });
  }

  private PlanReport check(ProcessDefinition source, ProcessDefinition target, List<ProcessInstance> instances) {
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    Version from = version(source, instances.size());
    Version to = version(target, runtime.createProcessInstanceQuery().processDefinitionId(target.getId()).count());
    MigrationPlan plan;
    try {
      plan = build(source, target);
    } catch (MigrationPlanValidationException e) {
      List<String> problems = planProblems(e.getValidationReport(), sourceModel, targetModel);
      List<InstanceCheck> checks = instances.stream().map(pi -> new InstanceCheck(pi.getId(), pi.getBusinessKey(),
          waitingAt(pi.getId(), sourceModel), false, problems)).toList();
      return new PlanReport(source.getKey(), from, to, List.of(), List.of(), problems, checks);
    }
    List<Mapping> mappings = plan.getInstructions().stream().map(i -> new Mapping(i.getSourceActivityId(),
        name(sourceModel, i.getSourceActivityId()), i.getTargetActivityId(), name(targetModel, i.getTargetActivityId())))
        .toList();
    Set<String> mapped = new LinkedHashSet<>(plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
        .toList());
    List<String> unmapped = sourceModel.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)
        .stream().filter(n -> !mapped.contains(n.getId())).map(n -> label(n.getName(), n.getId())).sorted().toList();
    List<InstanceCheck> checks = new ArrayList<>();
    for (ProcessInstance pi : instances) {
      checks.add(trial(plan, pi, sourceModel));
    }
    return new PlanReport(source.getKey(), from, to, mappings, unmapped, List.of(), checks);
  }

  private MigrationPlan build(ProcessDefinition source, ProcessDefinition target) {
    return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
        .build();
  }

  /** A trial move of one instance, rolled back whatever happens: whether it can move, and if not why. */
  private InstanceCheck trial(MigrationPlan plan, ProcessInstance pi, BpmnModelInstance sourceModel) {
    List<String> waiting = waitingAt(pi.getId(), sourceModel);
    List<String> reasons = eachInstance.execute(status -> {
      status.setRollbackOnly();
      try {
        runtime.newMigration(plan).processInstanceIds(pi.getId()).execute();
        return List.<String>of();
      } catch (MigratingProcessInstanceValidationException e) {
        return reasons(e.getValidationReport(), sourceModel);
      } catch (RuntimeException e) {
        return List.of(otherFailure(e));
      }
    });
    return new InstanceCheck(pi.getId(), pi.getBusinessKey(), waiting, reasons.isEmpty(), reasons);
  }

  // ---------------------------------------------------------------- moving

  /** The most instances moved within one request; more go as a batch. */
  static final int SYNCHRONOUS_LIMIT = 100;

  /**
   * Moves the running instances of an older version (null: the oldest with running instances) to
   * the latest: those named (empty: all of that version), each in a transaction of its own, or, when
   * {@code asynchronous}, as a migration batch that the job executor carries out one instance a job.
   * Every instance is checked first; those that cannot move are left untouched and reported.
   */
  public Outcome migrate(String key, String sourceDefinitionId, Collection<String> instanceIds, boolean asynchronous,
      String userId) {
    ProcessDefinition target = asSystem(() -> latest(key));
    ProcessDefinition source = asSystem(() -> source(target, sourceDefinitionId));
    List<ProcessInstance> instances = asSystem(() -> selected(source, instanceIds));
    if (!asynchronous && instances.size() > SYNCHRONOUS_LIMIT) {
      // each is tried and moved within this one request: more belong to a batch the job executor works
      throw new InputException("asynchronous", "一次直接迁移最多" + SYNCHRONOUS_LIMIT + "个实例（本次" + instances.size()
          + "个）：请用“全部可迁移实例批量迁移（后台执行）”，或分次选择实例（asynchronous）");
    }
    PlanReport report = asSystem(() -> check(source, target, instances));
    if (!report.problems().isEmpty()) {
      throw new InputException("sourceDefinitionId", "无法为" + label(source.getName(), key) + "生成从第" + source.getVersion()
          + "版到第" + target.getVersion() + "版的迁移方案：" + String.join("；", report.problems())
          + "（sourceDefinitionId）");
    }
    List<String> movable = report.instances().stream().filter(InstanceCheck::movable)
        .map(InstanceCheck::processInstanceId).toList();
    List<InstanceCheck> refused = new ArrayList<>(report.instances().stream().filter(c -> !c.movable()).toList());
    List<String> moved = new ArrayList<>();
    String batchId = null;
    if (!movable.isEmpty()) {
      if (asynchronous) {
        Batch batch = asSystem(() -> runtime.newMigration(build(source, target)).processInstanceIds(movable)
            .executeAsync());
        batchId = batch.getId();
        moved.addAll(movable);
      } else {
        MigrationPlan plan = asSystem(() -> build(source, target));
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        Map<String, InstanceCheck> checks = new HashMap<>();
        report.instances().forEach(c -> checks.put(c.processInstanceId(), c));
        for (String id : movable) {
          List<String> reasons = asSystem(() -> moveOne(plan, id, sourceModel));
          if (reasons.isEmpty()) {
            moved.add(id);
          } else {
            InstanceCheck c = checks.get(id);
            refused.add(new InstanceCheck(id, c.businessKey(), c.waitingAt(), false, reasons));
          }
        }
      }
    }
    String message = message(source, target, moved.size(), refused.size(), asynchronous);
    MigrationRun run = runs.save(new MigrationRun(key, source.getId(), source.getVersion(), target.getId(),
        target.getVersion(), asynchronous, moved.size(), refused.size(), refusalLines(refused), batchId,
        userId == null ? "system" : userId, ClockUtil.getCurrentTime().toInstant()));
    LOG.info("{} moved instances of {} from version {} to {}: {} {}, {} refused{}", userId, key, source.getVersion(),
        target.getVersion(), moved.size(), asynchronous ? "queued in batch " + batchId : "moved", refused.size(),
        refused.isEmpty() ? "" : ": " + refusalLines(refused).replace('\n', ' '));
    return new Outcome(run.getId(), key, source.getVersion(), target.getVersion(), moved, refused, batchId, message);
  }

  /** One instance in a transaction of its own: moved whole, or (an empty answer aside) not at all. */
  private List<String> moveOne(MigrationPlan plan, String instanceId, BpmnModelInstance sourceModel) {
    try {
      eachInstance.executeWithoutResult(status -> runtime.newMigration(plan).processInstanceIds(instanceId).execute());
      return List.of();
    } catch (MigratingProcessInstanceValidationException e) {
      return reasons(e.getValidationReport(), sourceModel);
    } catch (RuntimeException e) {
      if (Conflicts.isConflict(e)) {
        return List.of("迁移时该流程实例正被他人办理，未迁移，请稍后重试");
      }
      LOG.warn("moving {} failed", instanceId, e);
      return List.of(otherFailure(e));
    }
  }

  private static String message(ProcessDefinition source, ProcessDefinition target, int moved, int refused,
      boolean asynchronous) {
    String process = label(source.getName(), source.getKey());
    String head = asynchronous
        ? process + "：已提交批量迁移，" + moved + "个流程实例将由后台从第" + source.getVersion() + "版迁移到第"
            + target.getVersion() + "版"
        : process + "：已将" + moved + "个流程实例从第" + source.getVersion() + "版迁移到第" + target.getVersion() + "版";
    return head + (refused == 0 ? "" : "，" + refused + "个流程实例不能迁移，保持原版本不变（原因见校验报告）");
  }

  /** A migration batch's progress: its jobs still to run and those that failed. */
  public BatchProgress batch(String batchId) {
    return asSystem(() -> {
      BatchStatistics stats = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      if (stats == null) {
        if (!runs.existsByBatchId(batchId)) {
          throw new InputException("batchId", "批量迁移不存在：" + batchId + "（batchId）");
        }
        return new BatchProgress(batchId, 0, 0, 0, true, "批量迁移已完成");
      }
      long total = stats.getTotalJobs();
      long remaining = stats.getRemainingJobs();
      long failed = stats.getFailedJobs();
      return new BatchProgress(batchId, total, remaining, failed, false, failed > 0
          ? "批量迁移中有" + failed + "个作业失败，请在监控（Cockpit）的批处理中查看原因并重试"
          : "批量迁移进行中：共" + total + "个作业，尚余" + remaining + "个");
    });
  }

  public List<MigrationRun> recentRuns() {
    return runs.findTop20ByOrderByStartedAtDescIdDesc();
  }

  // ---------------------------------------------------------------- reports in Chinese

  private static List<String> planProblems(MigrationPlanValidationReport report, BpmnModelInstance source,
      BpmnModelInstance target) {
    List<String> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport r : report.getInstructionReports()) {
      MigrationInstruction i = r.getMigrationInstruction();
      for (String failure : r.getFailures()) {
        problems.add("环节" + label(name(source, i.getSourceActivityId()), i.getSourceActivityId()) + "→"
            + label(name(target, i.getTargetActivityId()), i.getTargetActivityId()) + "：" + chinese(failure));
      }
    }
    for (Map.Entry<String, MigrationVariableValidationReport> v : report.getVariableReports().entrySet()) {
      for (String failure : v.getValue().getFailures()) {
        problems.add("流程变量“" + v.getKey() + "”：" + chinese(failure));
      }
    }
    return problems.isEmpty() ? List.of("流程引擎拒绝了迁移方案") : problems;
  }

  private List<String> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance source) {
    List<String> reasons = new ArrayList<>();
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      for (String failure : a.getFailures()) {
        reasons.add("停留环节" + label(name(source, a.getSourceScopeId()), a.getSourceScopeId()) + "：" + chinese(failure));
      }
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      for (String failure : t.getFailures()) {
        reasons.add("正在进入的环节" + label(name(source, t.getSourceScopeId()), t.getSourceScopeId()) + "："
            + chinese(failure));
      }
    }
    for (String failure : report.getFailures()) {
      reasons.add(chinese(failure));
    }
    return reasons.isEmpty() ? List.of("流程引擎拒绝迁移该流程实例") : List.copyOf(new LinkedHashSet<>(reasons));
  }

  /** The engine's validation failures, as an office reads them; an unknown one keeps the engine's words. */
  static String chinese(String failure) {
    Map<String, String> known = new LinkedHashMap<>();
    known.put("There is no migration instruction for this instance's activity",
        "新版本中没有对应的环节（该环节在新版本中已删除或改了标识）");
    known.put("Activities have incompatible types", "新旧版本中该环节的类型不同");
    known.put("is mapped to scope", "该环节在新版本中属于另一个子流程");
    known.put("closest mapped ancestor", "该环节在新版本中属于另一个子流程");
    known.put("must be mapped", "该环节所在的子流程或多实例在新版本中没有对应");
    known.put("multi-instance", "该环节的多实例结构在新版本中不同");
    known.put("Transition instance is assigned", "该环节正在流转中，新版本中的连线不同");
    known.put("type of the source activity is not supported", "此类环节不支持迁移");
    known.put("Cannot update event trigger", "该环节没有可更新的定时器或事件");
    known.put("Events are not of the same type", "新旧版本中该事件的类型不同");
    known.put("event scope", "该事件在新版本中挂在另一个环节上");
    known.put("is not asyncBefore", "新版本中该环节的异步设置不同");
    known.put("is not asyncAfter", "新版本中该环节的异步设置不同");
    known.put("gateway", "新版本中该网关的连线不同");
    known.put("compensation", "补偿事件在新版本中没有对应");
    known.put("multiple mappings", "同一环节有多条映射");
    known.put("The variable '", "流程变量在新版本中不兼容");
    return known.entrySet().stream().filter(k -> failure != null && failure.contains(k.getKey()))
        .map(Map.Entry::getValue).findFirst()
        .orElse("流程引擎校验未通过（" + failure + "）");
  }

  private static String otherFailure(RuntimeException e) {
    return "迁移失败（" + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()) + "），未作任何改动";
  }

  private static String refusalLines(List<InstanceCheck> refused) {
    return refused.isEmpty() ? null : String.join("\n", refused.stream().map(c -> c.processInstanceId()
        + (c.businessKey() == null ? "" : "（" + c.businessKey() + "）") + "：" + String.join("；", c.reasons())).toList());
  }

  // ---------------------------------------------------------------- lookups

  private ProcessDefinition latest(String key) {
    ProcessDefinition latest = key == null ? null
        : repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    if (latest == null) {
      throw new InputException("processKey", "流程“" + key + "”不存在（processKey）");
    }
    return latest;
  }

  private ProcessDefinition source(ProcessDefinition target, String sourceDefinitionId) {
    if (sourceDefinitionId == null || sourceDefinitionId.isBlank()) {
      return repository.createProcessDefinitionQuery().processDefinitionKey(target.getKey())
          .orderByProcessDefinitionVersion().asc().list().stream()
          .filter(d -> d.getVersion() < target.getVersion())
          .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
          .findFirst()
          .orElseThrow(() -> new InputException("sourceDefinitionId", label(target.getName(), target.getKey())
              + "没有在旧版本上运行的流程实例，无需迁移（sourceDefinitionId）"));
    }
    ProcessDefinition source = repository.createProcessDefinitionQuery().processDefinitionId(sourceDefinitionId)
        .singleResult();
    if (source == null || !source.getKey().equals(target.getKey())) {
      throw new InputException("sourceDefinitionId", "流程版本“" + sourceDefinitionId + "”不是"
          + label(target.getName(), target.getKey()) + "的版本（sourceDefinitionId）");
    }
    if (source.getVersion() >= target.getVersion()) {
      throw new InputException("sourceDefinitionId", "第" + source.getVersion() + "版已是"
          + label(target.getName(), target.getKey()) + "的最新版本，无需迁移（sourceDefinitionId）");
    }
    return source;
  }

  private List<ProcessInstance> selected(ProcessDefinition source, Collection<String> instanceIds) {
    List<ProcessInstance> all = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list();
    if (instanceIds == null || instanceIds.isEmpty()) {
      return all;
    }
    Map<String, ProcessInstance> byId = new LinkedHashMap<>();
    all.forEach(pi -> byId.put(pi.getId(), pi));
    List<ProcessInstance> chosen = new ArrayList<>();
    for (String id : new LinkedHashSet<>(instanceIds)) {
      ProcessInstance pi = byId.get(id);
      if (pi == null) {
        throw new InputException("processInstanceIds", "流程实例“" + id + "”不在第" + source.getVersion()
            + "版上运行（已结束、已迁移或不属于该流程）（processInstanceIds）");
      }
      chosen.add(pi);
    }
    return chosen;
  }

  private List<String> waitingAt(String instanceId, BpmnModelInstance model) {
    try {
      return runtime.getActiveActivityIds(instanceId).stream().distinct().map(id -> label(name(model, id), id)).toList();
    } catch (RuntimeException ended) {
      return List.of();
    }
  }

  private static String name(BpmnModelInstance model, String activityId) {
    ModelElementInstance e = activityId == null ? null : model.getModelElementById(activityId);
    return e == null ? null : e.getAttributeValue("name");
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? "“" + id + "”" : "“" + name + "”（" + id + "）";
  }

  /** The application moves, not the person: his right was checked by the caller. */
  private <T> T asSystem(Supplier<T> work) {
    return Actors.asApplication(identity, work);
  }
}
