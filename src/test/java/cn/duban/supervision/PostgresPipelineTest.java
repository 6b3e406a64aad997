package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.accountability.AccountabilityRecord;
import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.accountability.AccountabilityService;
import cn.duban.accountability.AccountabilityStatus;
import cn.duban.ledger.Ledger;
import cn.duban.complaint.Complaint;
import cn.duban.complaint.ComplaintRepository;
import cn.duban.complaint.ComplaintService;
import cn.duban.complaint.ComplaintStatus;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.duban.PostgresTestSupport;
import cn.duban.dashboard.Dashboard;
import cn.duban.engine.EngineTables;
/**
 * The case-number lock, the ledger's unique key and the job executor firing the timers by itself,
 * on a real PostgreSQL. Time passes by moving the engine clock past a limit; the test then waits
 * for the job executor to act.
 */
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.wait-time-in-millis=100",
    "camunda.bpm.job-execution.max-wait=500"})
class PostgresPipelineTest extends PostgresTestSupport {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Ledger ledgerService;
  @Autowired ComplaintRepository complaints;
  @Autowired ComplaintService complaintService;
  @Autowired AccountabilityRecordRepository accountabilityRecords;
  @Autowired Dashboard dashboard;

  @Test
  @DisplayName("R4 R5 R6 R14 R32 on PostgreSQL: the job executor issues the yellow and red notices, starts accountability, and a lapsed appeal window makes the measures final")
  void escalationByTheJobExecutor() throws Exception {
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);

    passTheLimit(c);
    awaitLevel(c, WarningLevel.YELLOW);
    // the open tasks followed in the same transaction, in the engine's bulk updates
    assertThat(task(pi, "handleCase").getPriority()).isEqualTo(WarningLevel.YELLOW.taskPriority());
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(java.util.Date.from(reload(c).getStageLimitAt()));
    passTheLimit(c);
    awaitLevel(c, WarningLevel.RED);
    passTheLimit(c);
    awaitLevel(c, WarningLevel.ACCOUNTABILITY);
    await("two accountability procedures", () -> accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber()).size() == 2);

    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1", "RED_NOTICE zjj -2",
        "ACCOUNTABILITY zjj -5", "ACCOUNTABILITY fgj -2.5");
    // R32: the responsible person's part
    assertThat(personBookings(c)).containsExactly("YELLOW_NOTICE zjj-lin -0.5", "RED_NOTICE zjj-lin -1");
    // R6 through R14: a general fault, approved by the leader in charge; the appeal window lapses
    List<ProcessInstance> procedures = runtime.createProcessInstanceQuery().processDefinitionKey("accountability")
        .processInstanceBusinessKey(c.getCaseNumber()).list();
    assertThat(procedures).hasSize(2);
    for (ProcessInstance procedure : procedures) {
      complete(procedure, "assessFault", "xiaoneng", Map.of("severity", "GENERAL", "directResponsibility", true,
          "facts", "红牌具结时限届满仍未办结，未说明理由"));
      complete(procedure, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    }
    // R12: a task not completed is traced to the leader in charge, once for the failure
    assertThat(accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber())).filteredOn(r -> r.getTraceLevel() > 0)
        .extracting(r -> r.getSubjectId() + " " + r.getTrigger()).containsExactly("wangfxz UPWARD_TRACE");
    Instant windowEnd = accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber()).stream().filter(r -> r.getTraceLevel() == 0)
        .map(AccountabilityRecord::getAppealDeadlineAt).max(Instant::compareTo).orElseThrow();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(windowEnd.plusSeconds(60)));
    await("final measures", () -> accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber()).stream().filter(r -> r.getTraceLevel() == 0)
        .allMatch(r -> r.getStatus() == AccountabilityStatus.FINAL));
    assertThat(accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber())).filteredOn(r -> r.getTraceLevel() == 0)
        .extracting(r -> r.getSubjectId() + " " + r.getFinalMeasure())
        .containsExactlyInAnyOrder("zjj UNIT_INTERVIEW", "zjj-lin REPRIMAND");
    assertThat(accountabilityRecords.findBySourceCaseOrderById(c.getCaseNumber()).stream().filter(r -> r.getTraceLevel() == 0)
        .flatMap(r -> ledger.findBySourceTypeAndSourceIdOrderById(AccountabilityService.LEDGER_SOURCE,
            r.getId().toString()).stream())
        .map(e -> e.getRule() + " " + e.getSubjectId() + " " + e.getPoints().stripTrailingZeros().toPlainString()))
        .containsExactlyInAnyOrder("UNIT_INTERVIEW zjj -2", "REPRIMAND zjj-lin -1");
    assertThat(management.createJobQuery().withException().count()).isZero();
  }

  @Test
  @DisplayName("R4 on PostgreSQL: 督办看板 counts and lists the open cases with queries for the supervision office, leaving out a case whose instance was deleted")
  void boardCountsInTheDatabase() {
    ProcessInstance pi = register();
    ProcessInstance deleted = register();
    Long deletedCase = caseOf(deleted).getId();
    runtime.deleteProcessInstance(deleted.getId(), "测试：实例被删除，事项状态未变");
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    passTheLimit(c);  // past the deadline: yellow, and overdue
    awaitLevel(c, WarningLevel.YELLOW);
    long open = cases.findByProcessInstanceIdIn(runtime.createProcessInstanceQuery()
        .processDefinitionKey(SupervisionCase.PROCESS_KEY).list().stream().map(ProcessInstance::getId).toList())
        .stream().filter(k -> k.getStatus().isOpen()).count();
    authenticate("ducha");
    try {
      Dashboard.Overview board = dashboard.overview();
      assertThat(board.openCases()).isEqualTo(open);
      assertThat(board.overdueCases()).extracting(Dashboard.CaseRow::caseId).contains(c.getId());
      assertThat(board.overdueCount()).isGreaterThanOrEqualTo(board.overdueCases().size());
      Dashboard.CaseList yellow = dashboard.cases("YELLOW", null);
      assertThat(yellow.cases()).extracting(Dashboard.CaseRow::caseId).contains(c.getId());
      assertThat(yellow.cases()).extracting(Dashboard.CaseRow::level).containsOnly("YELLOW");
      assertThat(dashboard.cases(null, "zjj").cases()).extracting(Dashboard.CaseRow::caseId).contains(c.getId())
          .doesNotContain(deletedCase);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  @DisplayName("R7 R32 on PostgreSQL: a case closed on time books its bonuses, the responsible person's too, and leaves no job behind")
  void closedOnTime() {
    ProcessInstance pi = closedOnTimeNotEarly();
    SupervisionCase c = caseOf(pi);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(bookings(c)).containsExactly("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1");
    assertThat(personBookings(c)).containsExactly("CLOSED_ON_TIME zjj-lin 1");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R16 R17 R19 on PostgreSQL: a 交办 complaint found true is booked against the unit and the official")
  void assignedComplaintFoundTrue() {
    ProcessInstance pi = fileComplaint(complaintForm());
    complete(pi, "routeComplaint", "tousu", Map.of("routing", "ASSIGN"));
    complete(pi, "investigate", "zjj-lin", Map.of("finding", "TRUE", "evidence", "调取监控核实",
        "officialPerson", "zjj-lin", "proposedReply", "已责令整改"));
    complete(pi, "replyToComplainant", "tousu", Map.of("reply", "经调查属实，已责令整改并向您致歉。"));
    complete(pi, "followUp", "tousu", Map.of("satisfied", "true"));
    complete(pi, "decideAccountability", "xiaoneng", Map.of("startAccountability", "false"));

    Complaint c = complaints.findByTrackingCode(pi.getBusinessKey()).orElseThrow();
    assertThat(c.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(ledger.findBySourceTypeAndSourceIdOrderById(ComplaintService.LEDGER_SOURCE, c.getTrackingCode()))
        .extracting(e -> e.getRule() + " " + e.getSubjectId() + " " + e.getPoints().stripTrailingZeros().toPlainString())
        .containsExactly("VALID_COMPLAINT zjj -1", "VALID_COMPLAINT zjj-lin -2");
    assertThat(complaintService.validComplaintsAgainst("zjj-lin", 2026)).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R1 on PostgreSQL: eight registrations at once get eight consecutive numbers")
  void concurrentNumbering() throws Exception {
    int n = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<String> registration = () -> {
          start.await();
          return register().getBusinessKey();
        };
        numbers.add(pool.submit(registration));
      }
      start.countDown();
      List<Integer> sequences = new ArrayList<>();
      for (Future<String> f : numbers) {
        sequences.add(cases.findByCaseNumber(f.get()).orElseThrow().getSequence());
      }
      int first = sequences.stream().mapToInt(Integer::intValue).min().orElseThrow();
      assertThat(sequences).doesNotHaveDuplicates().hasSize(n)
          .allSatisfy(s -> assertThat(s).isBetween(first, first + n - 1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R20 on PostgreSQL: two transactions booking the same event at once leave one entry")
  void concurrentTwinBooksOnce() throws Exception {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Ledger.Booking booking = new Ledger.Booking("TEST:twin:UNIT:zjj", SubjectType.UNIT, "zjj", "YELLOW_NOTICE", "R4",
        "测试", new BigDecimal("-1"), "TEST", "twin", "YELLOW");
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondStarted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> first = pool.submit(() -> tx.execute(status -> {
        LedgerEntry e = ledgerService.book(booking, Instant.now(), SHANGHAI);
        firstInserted.countDown();
        await(secondStarted);
        return e.getId();
      }));
      Future<Object> second = pool.submit(() -> {
        await(firstInserted);
        try {
          return tx.execute(status -> {
            secondStarted.countDown();
            // sees no committed entry yet, so inserts, and waits on the unique key until the first commits
            return ledgerService.book(booking, Instant.now(), SHANGHAI).getId();
          });
        } catch (DataIntegrityViolationException duplicate) {
          return duplicate;
        }
      });
      Long firstId = first.get();
      Object outcome = second.get();
      assertThat(outcome).satisfiesAnyOf(
          o -> assertThat(o).isInstanceOf(DataIntegrityViolationException.class),
          o -> assertThat(o).isEqualTo(firstId));
      assertThat(ledger.findBySourceTypeAndSourceIdOrderById("TEST", "twin")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R20 on PostgreSQL: an event's entries are booked together, and one booked before is not booked again")
  void eventBookedTogether() {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Ledger.Booking unit = new Ledger.Booking("TEST:together:UNIT:zjj", SubjectType.UNIT, "zjj", "YELLOW_NOTICE", "R4",
        "测试", new BigDecimal("-1"), "TEST", "together", "YELLOW");
    Ledger.Booking person = new Ledger.Booking("TEST:together:PERSON:zjj-lin", SubjectType.PERSON, "zjj-lin",
        "YELLOW_NOTICE", "R32", "测试", new BigDecimal("-0.5"), "TEST", "together", "YELLOW");
    tx.executeWithoutResult(status -> ledgerService.book(unit, Instant.now(), SHANGHAI));

    Integer booked = tx.execute(status -> ledgerService.bookAll(List.of(unit, person), Instant.now(), SHANGHAI));

    assertThat(booked).isEqualTo(1);
    assertThat(ledger.findBySourceTypeAndSourceIdOrderById("TEST", "together")).extracting(LedgerEntry::getEventKey)
        .containsExactly(unit.eventKey(), person.eventKey());
  }

  @Test
  @DisplayName("On PostgreSQL the engine's tables that every step updates keep a quarter of each page free, and the indexes of the filters and of the job executor's look exist")
  void engineTablesSet() throws Exception {
    try (var c = dataSource.getConnection(); var s = c.createStatement()) {
      for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_ru_execution", "act_hi_taskinst")) {
        assertThat(EngineTables.storageParameters(s, table)).as(table).isEqualTo("fillfactor=75");
      }
      assertThat(EngineTables.storageParameters(s, "act_ru_task")).as("a table left as the engine made it").isEmpty();
      try (var r = s.executeQuery("select count(*) from pg_indexes where indexname in ('duban_task_due_date',"
          + " 'duban_authorization_user', 'duban_job_due_date')")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(3);
      }
    }
  }

  @Test
  @DisplayName("On PostgreSQL the job executor's look for due jobs reads the due-date index, not each of 20,000 waiting timers")
  void acquisitionAtVolume() {
    // a city office's waiting timers, written as rows: due in 2100, so that no look takes them
    jdbc.update("""
        insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_, retries_, duedate_,
          handler_type_, handler_cfg_, suspension_state_, priority_, create_time_)
        select 'volume-' || g, 1, 'timer', true, 'volume-' || g, 'volume-' || (g / 3), 3,
          timestamp '2100-01-01' + g * interval '1 minute', 'timer-transition', 'volume-test', 1, 0, now()
        from generate_series(1, 20000) g""");
    try {
      jdbc.execute("analyze act_ru_job");
      assertThat(tableReadsOfLook(false)).as("the look with the index").isZero();
      // the measure sees a read of the whole table: without the index (dropped in a transaction
      // that is rolled back) the same look reads it
      assertThat(tableReadsOfLook(true)).as("the look without the index").isPositive();
    } finally {
      jdbc.update("delete from act_ru_job where handler_cfg_ = 'volume-test'");
      jdbc.execute("analyze act_ru_job");
    }
  }

  /**
   * How often the engine's look for due jobs reads act_ru_job from end to end, by the statistics of
   * the transaction it runs in (the engine joins the test's transaction and its connection).
   */
  private long tableReadsOfLook(boolean withoutIndex) {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    return tx.execute(status -> {
      status.setRollbackOnly();
      // on another connection the look would neither count here nor get past the dropped index's lock
      int enginePid = inCommand(ctx -> backend(ctx.getDbSqlSession().getSqlSession().getConnection()));
      assertThat(enginePid).as("the engine's connection").isEqualTo(jdbc.queryForObject("select pg_backend_pid()", Integer.class));
      if (withoutIndex) {
        jdbc.execute("drop index duban_job_due_date");
      }
      long before = tableReads();
      inCommand(ctx -> ctx.getJobManager().findNextJobsToExecute(new Page(0, 10)));
      return tableReads() - before;
    });
  }

  private static int backend(Connection c) {
    try (var s = c.createStatement(); var r = s.executeQuery("select pg_backend_pid()")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long tableReads() {
    return jdbc.queryForObject("select seq_scan from pg_stat_xact_user_tables where relname = 'act_ru_job'", Long.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Moves the engine clock a minute past the case's current limit. */
  private void passTheLimit(SupervisionCase c) {
    Instant limit = reload(c).getStageLimitAt();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(limit.plusSeconds(60)));
  }

  private void awaitLevel(SupervisionCase c, WarningLevel level) {
    await("warning level " + level, () -> reload(c).getWarningLevel() == level);
  }

  /** Waits for the job executor, polling the database; fails after a minute. */
  private static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
  }

}
