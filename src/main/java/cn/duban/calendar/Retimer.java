package cn.duban.calendar;

import cn.duban.common.Actors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R25: when a year's holiday table arrives or changes, every limit still waiting that depends on it
 * is counted again from its own start and its own number of working days: the records and
 * notices (by each domain's {@link LimitRetiming}), the process variables, the waiting timers
 * (re-dated from those variables) and the open tasks' due dates (their due date expressions
 * evaluated again as of the task's creation). Each instance is re-timed in its own transaction;
 * running it again changes nothing; every move is kept as the table's report.
 *
 * <p>A limit the official table moves earlier, into the past, has its timer re-dated into the past:
 * the job executor fires it at its next look, as any timer that fell due.
 */
@Service
public class Retimer {

  private static final Logger LOG = LoggerFactory.getLogger(Retimer.class);
  private static final int ATTEMPTS = 3;

  private final Map<String, LimitRetiming> parts;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engine;
  private final LimitAdjustmentRepository adjustments;
  private final HolidayTables tables;
  private final LimitClock clock;
  private final TransactionTemplate eachInstance;

  public Retimer(List<LimitRetiming> parts, ProcessEngine engine, LimitAdjustmentRepository adjustments,
      HolidayTables tables, LimitClock clock, PlatformTransactionManager transactions) {
    this.parts = parts.stream().collect(Collectors.toMap(LimitRetiming::processDefinitionKey, Function.identity()));
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.adjustments = adjustments;
    this.tables = tables;
    this.clock = clock;
    this.eachInstance = new TransactionTemplate(transactions);
    this.eachInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One line of a report: whose limit, what, from when to when. */
  public record Line(String subject, String processInstanceId, String what, Instant before, Instant after) {

    static Line of(LimitAdjustment a) {
      return new Line(a.getSubject(), a.getProcessInstanceId(), a.getWhat(), a.getOldAt(), a.getNewAt());
    }
  }

  /** What a run did: the moves, and the instances it could not re-time (left for the nightly run). */
  public record Report(List<Line> lines, List<String> failed) {
  }

  /** What entering a table did: the revision (new, or the one in force when nothing changed) and the re-timing. */
  public record Entered(HolidayTables.Saved saved, Report report) {
  }

  /**
   * An office enters a year's table ({@link HolidayTables#save}); it counts at once, and the limits
   * it moves are re-timed before this returns, the report kept with the revision.
   */
  public Entered enter(int year, String table, String source, String by) {
    HolidayTables.Saved saved = tables.save(year, table, source, by);
    Report report = saved.countsChanged() ? retime(List.of(year), saved.table().getId())
        : new Report(List.of(), List.of());
    return new Entered(saved, report);
  }

  /**
   * Re-times every instance with a timer or an open task due in or after the earliest of
   * {@code years}, the only limits a change of those years' tables can move.
   */
  public Report retime(Collection<Integer> years, Long holidayTableId) {
    if (years.isEmpty()) {
      return new Report(List.of(), List.of());
    }
    return asSystem(() -> retimeFrom(years, holidayTableId));
  }

  private Report retimeFrom(Collection<Integer> years, Long holidayTableId) {
    int first = years.stream().min(Integer::compare).orElseThrow();
    Date from = Date.from(LocalDate.of(first, 1, 1).atStartOfDay(clock.zone()).toInstant());
    Set<String> instances = new LinkedHashSet<>();
    management.createJobQuery().timers().duedateHigherThen(new Date(from.getTime() - 1)).list().stream()
        .map(Job::getProcessInstanceId).filter(Objects::nonNull).forEach(instances::add);
    tasks.createTaskQuery().dueAfter(new Date(from.getTime() - 1)).list().stream()
        .map(Task::getProcessInstanceId).filter(Objects::nonNull).forEach(instances::add);
    Report report = retimeInstances(instances, holidayTableId);
    LOG.info("Re-timed {} instance(s) for the holiday tables of {}: {} limit(s) moved, {} failed", instances.size(),
        years, report.lines().size(), report.failed().size());
    return report;
  }

  /**
   * Every night (and at start-up): limits still marked provisional are counted again, so a limit a
   * node counted with a table another node had just replaced is corrected, and a year's table that
   * came in as a file is applied.
   */
  @Scheduled(cron = "${duban.calendar.confirm-cycle:0 30 1 * * *}", zone = "${duban.calendar.zone:Asia/Shanghai}")
  public void confirmProvisional() {
    asSystem(() -> {
      confirm();
      return null;
    });
  }

  private void confirm() {
    Set<Integer> imported = tables.takeImportedAtStart();
    if (!imported.isEmpty()) {
      retime(imported, null);
    }
    Set<String> instances = new LinkedHashSet<>();
    parts.values().forEach(p -> instances.addAll(p.provisionalInstances()));
    Report report = retimeInstances(instances, null);
    if (!report.lines().isEmpty() || !report.failed().isEmpty()) {
      LOG.info("Provisional limits confirmed: {} moved, {} failed", report.lines().size(), report.failed().size());
    }
  }

  /** A stored report: what entering a revision of a table moved. */
  public List<Line> report(Long holidayTableId) {
    return adjustments.findByHolidayTableIdOrderById(holidayTableId).stream().map(Line::of).toList();
  }

  /**
   * The application re-times, not the person who entered the table: their right to enter it was
   * checked; moving a case's timers is not a right a person holds (only administrators change an
   * instance beside its tasks), and every instance must be found, so the run goes without the
   * caller's authentication.
   */
  private <T> T asSystem(Supplier<T> work) {
    return Actors.asApplication(identity, work);
  }

  private Report retimeInstances(Set<String> instances, Long holidayTableId) {
    List<Line> lines = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    Map<String, Map<String, String>> names = new HashMap<>();
    for (String instance : instances) {
      for (int attempt = 1; ; attempt++) {
        try {
          lines.addAll(eachInstance.execute(status -> retimeInstance(instance, holidayTableId, names)));
          break;
        } catch (OptimisticLockingException | ConcurrencyFailureException busy) {
          // a job or a person changed the instance meanwhile: count again on what they left
          if (attempt == ATTEMPTS) {
            LOG.warn("Could not re-time {} after {} attempts; the nightly run tries again", instance, ATTEMPTS, busy);
            failed.add(instance);
            break;
          }
        }
      }
    }
    return new Report(lines, failed);
  }

  private List<Line> retimeInstance(String instanceId, Long holidayTableId, Map<String, Map<String, String>> names) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    if (instance == null) {
      return List.of();
    }
    String key = repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
    List<LimitChange> changes = new ArrayList<>();
    LimitRetiming part = parts.get(key);
    if (part != null) {
      LimitRetiming.Retimed retimed = part.retime(instanceId);
      changes.addAll(retimed.changes());
      if (!retimed.variables().isEmpty()) {
        runtime.setVariables(instanceId, retimed.variables());
      }
    }
    Map<String, String> timerNames = names.computeIfAbsent(instance.getProcessDefinitionId(), this::timerNames);
    for (Job job : management.createJobQuery().processInstanceId(instanceId).timers().list()) {
      management.recalculateJobDuedate(job.getId(), false);
      Date after = management.createJobQuery().jobId(job.getId()).singleResult().getDuedate();
      if (!Objects.equals(job.getDuedate(), after)) {
        changes.add(new LimitChange("定时器“" + timerNames.getOrDefault(job.getJobDefinitionId(), "") + "”",
            instant(job.getDuedate()), instant(after)));
      }
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
      Date due = dueAsCreated(task.getId());
      if (due != null && !due.equals(task.getDueDate())) {
        changes.add(new LimitChange("待办“" + task.getName() + "”的到期时间", instant(task.getDueDate()), instant(due)));
        task.setDueDate(due);
        tasks.saveTask(task);
      }
    }
    String subject = instance.getBusinessKey() != null ? instance.getBusinessKey() : instanceId;
    Instant now = clock.now();
    return changes.stream()
        .map(c -> adjustments.save(new LimitAdjustment(holidayTableId, instanceId, subject, c, now)))
        .map(Line::of)
        .toList();
  }

  /** The names of a process's timers as the model shows them, by job definition. */
  private Map<String, String> timerNames(String processDefinitionId) {
    Map<String, String> activities = repository.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(FlowElement.class).stream().filter(e -> e.getName() != null)
        .collect(Collectors.toMap(FlowElement::getId, FlowElement::getName, (a, b) -> a));
    return management.createJobDefinitionQuery().processDefinitionId(processDefinitionId).list().stream()
        .collect(Collectors.toMap(JobDefinition::getId, d -> activities.getOrDefault(d.getActivityId(), d.getActivityId())));
  }

  /** The task's due date expression evaluated again, counted from the task's creation. */
  private Date dueAsCreated(String taskId) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      TaskDefinition definition = task == null ? null : task.getTaskDefinition();
      Expression expression = definition == null ? null : definition.getDueDateExpression();
      if (expression == null) {
        return null;
      }
      Object value = clock.asOf(task.getCreateTime().toInstant(), () -> expression.getValue(task));
      return value instanceof Date date ? date : null;
    });
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
