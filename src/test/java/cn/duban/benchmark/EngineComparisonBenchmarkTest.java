package cn.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.duban.PostgresTestSupport;
import cn.duban.assessment.AssessmentService;
import cn.duban.assessment.LedgerLoader;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.dashboard.Dashboard;
import cn.duban.message.MessageOutbox;
import cn.duban.notice.NoticeKind;
import cn.duban.organization.Person;
import cn.duban.organization.PersonRepository;
import cn.duban.organization.Unit;
import cn.duban.organization.UnitRepository;
import cn.duban.supervision.CaseCharts;
import cn.duban.supervision.CaseController;
import cn.duban.supervision.CaseScoring;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duban against the bare Camunda engine, in the same JVM, on the same PostgreSQL, with the same
 * engine configuration (authorization, history, job executor): registering a case against starting
 * a process with a user task and as many variables; a burst of lapsed deadlines against a burst of
 * bare timers each writing one row; Tasklist's filter 已逾期 for a unit's handler, and the
 * overseeing offices' county-wide one, as the county's open tasks grow from 1,000 to 100,000;
 * 督办看板 for the supervision office at 1,000 and 20,000 open cases; a year's
 * assessment against one SQL GROUP BY. Prints every figure as bare, Duban and their ratio
 * (this machine's load moves absolute rates threefold, a ratio much less), with the SQL statements
 * of a registration and an escalation, the CPU time the JVM and PostgreSQL spent on each while
 * timed, the load average before and after, and a check of zero duplicates. Asserts nothing about
 * speed. Both sides are warmed up before either is measured, starts with starts and a burst with a
 * burst, so that the JIT has compiled both paths as in a server that has run for a day. Starts and
 * bursts are timed in rounds, bare first in every other one, without the statement counter, and
 * their ratio is the median of the rounds'; the starts' statements are counted in a round of their
 * own, the bursts' in the warm-up burst.
 * {@code ./mvnw test -Pbenchmark}; sizes: {@code -Dduban.benchmark.starts=300}, {@code .rounds=10},
 * {@code .warmup=1000}, {@code .burst=1000}, {@code .burst-rounds=5}, {@code .warmup-burst=500},
 * {@code .tasks=100000}, {@code .board-cases=20000}, {@code .entries=1000000}.
 */
@Tag("benchmark")
class EngineComparisonBenchmarkTest extends PostgresTestSupport {

  private static final int STARTS = Integer.getInteger("duban.benchmark.starts", 300);
  private static final int BURST = Integer.getInteger("duban.benchmark.burst", 1_000);
  private static final int TASKS = Integer.getInteger("duban.benchmark.tasks", 100_000);
  private static final int ENTRIES = Integer.getInteger("duban.benchmark.entries", 1_000_000);
  /** The timed starts come in this many rounds, each of both kinds. */
  private static final int ROUNDS = Integer.getInteger("duban.benchmark.rounds", 10);
  /**
   * The starts of each kind made before any is counted or timed: enough for the JIT to compile both
   * paths, as it has in a server that has run for a day (with 20, a registration cost the test
   * thread 2.2–2.4 times a bare start's CPU; with 1,000, 2.0–2.2 times).
   */
  private static final int WARMUP = Integer.getInteger("duban.benchmark.warmup", 1_000);
  /** The starts of each kind whose statements are counted, apart from the timed ones. */
  private static final int COUNTED = 30;
  /** The overdue tasks of zjj-lin's unit while the filter is measured. */
  private static final int OWN_OVERDUE = 50;
  /** In a county's open work as the county-wide filter is measured in it, one task in this many is overdue. */
  private static final int COUNTY_OVERDUE_ONE_IN = 20;
  private static final Duration PATIENCE = Duration.ofMinutes(10);
  /** Monday 2 March 2026: every registration. */
  private static final LocalDateTime REGISTERED = LocalDateTime.of(2026, 3, 2, 9, 0);
  /** The filter row's tasks: all overdue. */
  private static final LocalDateTime FILLER_DUE = REGISTERED.minusDays(30);
  /**
   * The warm-up burst's cases are due on Thursday 19 March, the measured rounds' on the working days
   * from Friday 20 March; their milestones (a checkpoint each) and their co-units' parts are due
   * before the first of them, so that no round's day holds another's timers.
   */
  private static final LocalDate WARMUP_DAY = LocalDate.of(2026, 3, 19);
  private static final LocalDate BURST_DAY = LocalDate.of(2026, 3, 20);
  private static final LocalDate MILESTONE_DAY = LocalDate.of(2026, 3, 9);
  private static final LocalDate CO_UNIT_DAY = LocalDate.of(2026, 3, 10);
  /** The cases of a warm-up burst before the measured one: the escalation's code compiled, as in a running server. */
  private static final int WARMUP_BURST = Integer.getInteger("duban.benchmark.warmup-burst", 500);
  /** The open cases 督办看板 is measured with, the second time (the first: 1,000). */
  private static final int BOARD_CASES = Integer.getInteger("duban.benchmark.board-cases", 20_000);
  /** The measured burst comes in this many rounds, each a burst of both kinds on a day of its own. */
  private static final int BURST_ROUNDS = Integer.getInteger("duban.benchmark.burst-rounds", 5);

  @Autowired JdbcTemplate jdbc;
  @Autowired MessageOutbox outbox;
  @Autowired FilterService filters;
  @Autowired UnitRepository units;
  @Autowired PersonRepository people;
  @Autowired AssessmentService assessment;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Dashboard dashboard;
  @Autowired CaseController caseController;
  @Autowired ObjectMapper json;

  private final List<String> table = new ArrayList<>();
  /** The starts' timed rounds, whose JIT figures the burst's row prints beside its own. */
  private final Rounds startRounds = new Rounds();

  /**
   * Counts the statements sent to the database and the round trips that carried them (a batch is
   * one): those of the test's own thread (registrations, starts) apart from all others (the job
   * executor's), so that the test's polling while it waits for the job executor is not counted.
   */
  static final class SqlCounter implements QueryExecutionListener {
    static volatile Thread testThread;
    static final AtomicLong[] TEST = {new AtomicLong(), new AtomicLong()};
    static final AtomicLong[] OTHERS = {new AtomicLong(), new AtomicLong()};
    /** The test thread's statements while tracing ({@code -Dduban.benchmark.trace=true}), one line per round trip. */
    static volatile List<String> trace;

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
      AtomicLong[] counter = Thread.currentThread() == testThread ? TEST : OTHERS;
      counter[0].addAndGet(execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : queryInfoList.size());
      counter[1].incrementAndGet();
      List<String> lines = trace;
      if (lines != null && counter == TEST) {
        lines.add((execInfo.isBatch() ? "[batch " + execInfo.getBatchSize() + "] " : "") + queryInfoList.stream()
            .map(q -> q.getQuery().replaceAll("\\s+", " ")).collect(Collectors.joining(" ;; ")));
      }
    }

    static long[] test() {
      return new long[] {TEST[0].get(), TEST[1].get()};
    }

    static long[] others() {
      return new long[] {OTHERS[0].get(), OTHERS[1].get()};
    }
  }

  /**
   * The pool behind the statement counter, or the pool itself while a round of starts is timed: the
   * counter records every statement and its every parameter, a cost in proportion to the statements
   * that would weigh on the side that sends more of them. Each transaction takes its connection
   * anew, so a switch between rounds holds for the whole of the next round.
   */
  static final class CountingSwitch extends org.springframework.jdbc.datasource.DelegatingDataSource {
    static volatile boolean counting = true;
    private final DataSource counted;

    CountingSwitch(DataSource pool, DataSource counted) {
      super(pool);
      this.counted = counted;
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
      return counting ? counted.getConnection() : super.getConnection();
    }

    @Override
    public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
      return counting ? counted.getConnection(user, password) : super.getConnection(user, password);
    }
  }

  @TestConfiguration
  static class Counting {

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && !(bean instanceof CountingSwitch)
              ? new CountingSwitch(ds, ProxyDataSourceBuilder.create(ds).name(name).listener(new SqlCounter()).build())
              : bean;
        }
      };
    }

    /** The bare timer's one row: what a delegate that books or issues something writes at the least. */
    @Bean("benchmarkRows")
    static BenchmarkRows benchmarkRows(JdbcTemplate jdbc) {
      return new BenchmarkRows(jdbc);
    }

    /** Duban's yellow notices, each counted in {@link Commits#YELLOW} once its job has committed. */
    @Bean
    static BeanPostProcessor countingYellowNotices() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return "issueYellowNotice".equals(name) && bean instanceof JavaDelegate delegate
              ? (JavaDelegate) ex -> {
                delegate.execute(ex);
                Commits.YELLOW.countOnCommit();
              }
              : bean;
        }
      };
    }
  }

  public record BenchmarkRows(JdbcTemplate jdbc) {
    public void insert(org.camunda.bpm.engine.delegate.DelegateExecution ex) {
      jdbc.update("insert into benchmark_row (id, process_instance_id) values (?, ?)", ex.getId(),
          ex.getProcessInstanceId());
      Commits.BARE.countOnCommit();
    }
  }

  /**
   * The bursts' jobs, counted in the JVM as each one's transaction commits (the bare timer's row,
   * Duban's yellow notice), so that a timed half ends at its last job's commit and the test asks the
   * database nothing meanwhile. Until 4 December it looked at the database every 10 ms, on the same
   * two cores as the jobs: a count of the yellow notices (the whole table read, about 1.2 ms of
   * PostgreSQL's time a look) or the engine's count of the bare tasks (0.8 ms), which took from each
   * half what the jobs could have used, more from Duban's.
   */
  static final class Commits {
    static final Commits BARE = new Commits();
    static final Commits YELLOW = new Commits();

    private long count;

    /** Counts the job executing now once its transaction has committed (never if it rolls back). */
    void countOnCommit() {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          synchronized (Commits.this) {
            count++;
            Commits.this.notifyAll();
          }
        }
      });
    }

    synchronized long count() {
      return count;
    }

    /** Waits until {@code target} jobs have committed, at most {@link #PATIENCE}. */
    synchronized void await(String what, long target) {
      long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
      try {
        while (count < target) {
          long left = giveUpAt - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError(what + ": " + count + " of " + target + " committed after " + PATIENCE);
          }
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what + ": interrupted", e);
      }
    }
  }

  @Test
  void compareWithTheBareEngine() throws IOException {
    String loadBefore = load();
    SqlCounter.testThread = Thread.currentThread();
    Cpu.postmaster = Cpu.parentOf(jdbc.queryForObject("select pg_backend_pid()", Integer.class));
    jdbc.execute("create table if not exists benchmark_row (id varchar(64) primary key, process_instance_id varchar(64))");
    deployBare();
    setClock(REGISTERED);
    filter();
    starts();
    burst();
    board();
    assessment();
    System.out.printf("%n=== Duban against the bare Camunda engine (PostgreSQL %s, same JVM, same engine configuration)"
        + " ===%n", jdbc.queryForObject("show server_version", String.class));
    System.out.printf("load average at start: %s; at end: %s%n", loadBefore, load());
    System.out.printf("job executor: %s%n%n", jobExecutorSettings());
    System.out.printf("| measure | bare engine | Duban | ratio |%n|---|---|---|---|%n");
    table.forEach(System.out::println);
    System.out.println();
  }

  // ---------------------------------------------------------------- row 1: starts

  private void starts() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("benchmark-bare-start")
        .latestVersion().singleResult().getId();
    // warm both paths up: the first of each loads models, forms and caches, the rest let the JIT compile them
    bareStart(definition, WARMUP);
    duban(WARMUP);
    if (Boolean.getBoolean("duban.benchmark.trace")) {
      traceOne("bare start", () -> bareStart(definition, 1));
      traceOne("registration", () -> duban(1));
    }
    // the statements, counted in a round of their own
    long[] bareSql = counted(() -> bareStart(definition, COUNTED));
    long[] sql = counted(() -> duban(COUNTED));
    // rounds alternating between the two, timed without the counter: the ratio is the median of the rounds'
    // ratios, so that a burst of the machine's load during a round or two does not decide it
    int perRound = Math.max(1, STARTS / ROUNDS);
    CountingSwitch.counting = false;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // bare first in even rounds, Duban first in odd ones: neither side is always the one that follows
        long[] bareRound = new long[TIMED];
        long[] dubanRound = new long[TIMED];
        if (round % 2 == 0) {
          timed(bareRound, Cpu::testThread, () -> bareStart(definition, perRound));
          timed(dubanRound, Cpu::testThread, () -> duban(perRound));
        } else {
          timed(dubanRound, Cpu::testThread, () -> duban(perRound));
          timed(bareRound, Cpu::testThread, () -> bareStart(definition, perRound));
        }
        startRounds.add(bareRound, dubanRound);
      }
    } finally {
      CountingSwitch.counting = true;
    }
    int n = perRound * ROUNDS;
    table.add(String.format("| start a process (bare: start → user task, 12 variables) vs register a case through its"
        + " start form as ducha, N = %d in %d rounds (ratio: their median; lowest, highest) | %s |", n, ROUNDS,
        startRounds.figures(n)));
    table.add(String.format("| SQL statements (round trips) per start, counted in %d more of each | %.1f (%.1f) | %.1f"
        + " (%.1f) | |", COUNTED, bareSql[0] / (double) COUNTED, bareSql[1] / (double) COUNTED,
        sql[0] / (double) COUNTED, sql[1] / (double) COUNTED));
    table.add(String.format("| CPU per start in the timed rounds: the test thread's; PostgreSQL's (ratio: bare's sum over"
        + " Duban's) | %s |", startRounds.cpu(n)));
    removeStarts();
  }

  /**
   * The instances this row started go again before the burst: registered at the burst's cases'
   * moment, their sign-for limits would lapse in the bare half of the burst and their deadlines in
   * Duban's, where their yellow notices would count towards the burst's.
   */
  private void removeStarts() {
    for (String key : List.of("benchmark-bare-start", "supervision-case")) {
      remove(runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .map(ProcessInstance::getId).toList());
    }
  }

  /**
   * Deletes instances (their history stays), and clears their dead rows now rather than by
   * autovacuum while the next row or round is timed on the same two cores.
   */
  private void remove(List<String> ids) {
    for (int from = 0; from < ids.size(); from += 200) {
      runtime.deleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 200)), "基准测试", true, true, true);
    }
    jdbc.execute("vacuum analyze act_ru_execution, act_ru_task, act_ru_variable, act_ru_job, act_ru_identitylink,"
        + " act_ru_authorization, act_ru_event_subscr");
  }

  /** How many figures {@link #timed} adds up: time, the JIT's compiling, the JVM's CPU, PostgreSQL's CPU. */
  private static final int TIMED = 4;

  /**
   * Runs {@code work}, and adds to {@code into} its time (ns), the JIT's compiling meanwhile (ms),
   * the JVM's CPU time as {@code jvmCpu} reads it (ns) and PostgreSQL's (ns). The CPU is read
   * outside the time, the JVM's nearer to it: reading PostgreSQL's, from /proc, costs the test's
   * thread some milliseconds.
   */
  private static void timed(long[] into, LongSupplier jvmCpu, Runnable work) {
    long p0 = Cpu.postgres();
    long c0 = jvmCpu.getAsLong();
    long j0 = jit();
    long t0 = System.nanoTime();
    work.run();
    into[0] += System.nanoTime() - t0;
    into[1] += jit() - j0;
    into[2] += jvmCpu.getAsLong() - c0;
    into[3] += Cpu.postgres() - p0;
  }

  /**
   * CPU time (ns), to see where a row's time goes. Both sides run on the same two cores: a start
   * takes about the CPU the test's thread and PostgreSQL spend on it, one after the other; a burst
   * keeps both cores busy, its job threads and PostgreSQL side by side (the JIT's time aside, on its
   * own row).
   */
  static final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The kernel's clock ticks per second in /proc's times (USER_HZ, 100 on Linux). */
    private static final long CLOCK_TICKS = 100;
    /** The PostgreSQL server's main process, whose children are its backends and workers. */
    static volatile int postmaster;

    /** The test's own thread, which makes the starts. */
    static long testThread() {
      return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Every live Java thread of the JVM: the job executor's, which run the timers, among them (its
     * pool keeps them for the run). The JIT's and the collector's threads are not Java threads.
     */
    static long javaThreads() {
      long sum = 0;
      for (long id : THREADS.getAllThreadIds()) {
        sum += Math.max(0, THREADS.getThreadCpuTime(id));
      }
      return sum;
    }

    /**
     * The server's processes, from /proc: the main process's own time and that of its exited
     * children (autovacuum's workers), and each live child's.
     */
    static long postgres() {
      long ticks = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          String name = dir.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          String[] stat = stat(dir);
          if (stat == null) {
            continue;
          }
          int pid = Integer.parseInt(name);
          if (pid == postmaster) {
            // utime, stime, cutime, cstime (the fields after the command's name, from the third)
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                + Long.parseLong(stat[14]);
          } else if (Integer.parseInt(stat[1]) == postmaster) {
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    /** /proc/[pid]/stat's fields after the command's name (which may hold spaces), or null if gone. */
    private static String[] stat(Path dir) {
      try {
        String stat = Files.readString(dir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** The main process of the server a backend belongs to: its parent. */
    static int parentOf(int backend) {
      String[] stat = stat(Path.of("/proc", String.valueOf(backend)));
      if (stat == null) {
        throw new IllegalStateException("PostgreSQL's backend " + backend + " is not in /proc: the CPU rows need"
            + " the embedded server on this machine");
      }
      return Integer.parseInt(stat[1]);
    }
  }

  /**
   * A row's timed rounds: each side's time (ns), the JIT's compiling meanwhile (ms), the JVM's and
   * PostgreSQL's CPU (ns) over all of them, as {@link #timed} adds them up, and each round's ratio
   * (bare's time over Duban's).
   */
  private static final class Rounds {
    final long[] bare = new long[TIMED];
    final long[] duban = new long[TIMED];
    private final List<Double> ratios = new ArrayList<>();

    void add(long[] bareRound, long[] dubanRound) {
      for (int i = 0; i < TIMED; i++) {
        bare[i] += bareRound[i];
        duban[i] += dubanRound[i];
      }
      ratios.add(bareRound[0] / (double) dubanRound[0]);
    }

    /**
     * The table's cells for {@code n} of each: bare's rate, Duban's, the rounds' median ratio (lowest,
     * highest). The median to three places: a goal is judged on it, and two places read 0.595 as 0.60.
     */
    String figures(int n) {
      return String.format("%.0f/s | %.0f/s | %.3f (%.2f, %.2f)", n / (bare[0] / 1e9), n / (duban[0] / 1e9),
          median(ratios), java.util.Collections.min(ratios), java.util.Collections.max(ratios));
    }

    /** The CPU cells for {@code n} of each: each side's JVM and PostgreSQL time per one, bare's sum over Duban's. */
    String cpu(int n) {
      return String.format("%.2f ms; %.2f ms | %.2f ms; %.2f ms | %.2f", bare[2] / 1e6 / n, bare[3] / 1e6 / n,
          duban[2] / 1e6 / n, duban[3] / 1e6 / n, (bare[2] + bare[3]) / (double) (duban[2] + duban[3]));
    }
  }

  /** The middle value (of an even number, the mean of the middle two). */
  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** The statements and round trips of the test's own thread while {@code work} runs. */
  private static long[] counted(Runnable work) {
    long[] before = SqlCounter.test();
    work.run();
    return since(before, SqlCounter.test());
  }

  /** The statements and round trips between two readings of a counter. */
  private static long[] since(long[] before, long[] after) {
    return new long[] {after[0] - before[0], after[1] - before[1]};
  }

  /** Prints the round trips of one run of {@code work}, to see where a registration's time goes. */
  private static void traceOne(String what, Runnable work) {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    SqlCounter.trace = lines;
    work.run();
    SqlCounter.trace = null;
    System.out.printf("%n--- the round trips of one %s (%d) ---%n", what, lines.size());
    lines.forEach(line -> System.out.println(line.length() > 400 ? line.substring(0, 400) + " …" : line));
  }

  private void bareStart(String definition, int count) {
    authenticate("ducha");
    try {
      for (int i = 0; i < count; i++) {
        Map<String, Object> vars = new HashMap<>();
        for (int v = 0; v < 12; v++) {
          vars.put("v" + v, "值" + v + "-" + i);
        }
        runtime.startProcessInstanceById(definition, vars);
      }
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Registrations through the start form as the supervision office, logged in once as the bare starts are. */
  private List<ProcessInstance> duban(int count) {
    return duban(count, registrationForm());
  }

  /** The same with another form, each case with a title of its own. */
  private List<ProcessInstance> duban(int count, Map<String, Object> filled) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult().getId();
    List<ProcessInstance> out = new ArrayList<>();
    authenticate("ducha");
    try {
      for (int i = 0; i < count; i++) {
        Map<String, Object> form = new HashMap<>(filled);
        form.put("title", "基准测试事项" + i);
        out.add(forms.submitStartForm(definition, form));
      }
    } finally {
      identity.clearAuthentication();
    }
    return out;
  }

  // ---------------------------------------------------------------- row 2: a burst of lapsed deadlines

  /**
   * A burst of lapsed deadlines on a day: its cases, registered with the others, have their deadline
   * lapse at the day's last second, and whatever else their timers do (the co-unit's limit, the
   * milestone's checkpoint) has run before, on the day at noon at the latest. The bare timers lapse
   * ten minutes before the deadlines or ten minutes after them, so that each half runs alone: the
   * clock stops five minutes after the first half's timers, then five minutes after the second's.
   */
  private record BurstDay(LocalDate day, int size, boolean bareFirst, List<String> instances) {
    LocalDateTime beforeIt() {
      return day.atTime(12, 0);
    }

    LocalDateTime bareDue() {
      return bareFirst ? day.atTime(23, 50) : day.plusDays(1).atTime(0, 10);
    }

    LocalDateTime bareLapsed() {
      return bareDue().plusMinutes(5);
    }

    LocalDateTime lapsed() {
      return day.plusDays(1).atTime(0, 5);
    }

    LocalDateTime firstHalfOver() {
      return bareFirst ? bareLapsed() : lapsed();
    }

    LocalDateTime over() {
      return bareFirst ? lapsed() : bareLapsed();
    }
  }

  /** The cases of a burst, registered and signed for (the burst is their deadlines alone), and its bare timers. */
  private BurstDay prepare(LocalDate day, int size, boolean bareFirst) {
    Map<String, Object> form = registrationForm();
    form.put("deadline", day.toString());
    form.put("milestones", MILESTONE_DAY + " 12个小区全部开工");
    List<String> instances = new ArrayList<>();
    for (ProcessInstance pi : duban(size, form)) {
      complete(pi, "signFor", "zjj-lin", Map.of("signConfirmed", true, "coUnitDueDate", CO_UNIT_DAY.toString()));
      instances.add(pi.getId());
    }
    BurstDay burst = new BurstDay(day, size, bareFirst, instances);
    Date due = at(burst.bareDue());
    for (int i = 0; i < size; i++) {
      instances.add(runtime.startProcessInstanceByKey("benchmark-bare-timer", Map.of("due", due)).getId());
    }
    return burst;
  }

  /**
   * A warm-up burst, its statements counted, then the measured rounds, timed without the counter
   * (as the starts are) and bare first in every other round; the ratio is the median of the
   * rounds'. Each round's instances are deleted after it, before their next limits lapse in a later
   * round's.
   */
  private void burst() {
    BurstDay warmup = prepare(WARMUP_DAY, WARMUP_BURST, true);
    int perRound = Math.max(1, BURST / BURST_ROUNDS);
    List<BurstDay> rounds = new ArrayList<>();
    LocalDate day = BURST_DAY;
    for (int round = 0; round < BURST_ROUNDS; round++, day = day.plusDays(1)) {
      while (!calendar.isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      rounds.add(prepare(day, perRound, round % 2 == 0));
    }
    // the registrations' messages, so that the outbox holds only the bursts' afterwards
    outbox.work();
    Halves counted = lapse(warmup);
    remove(warmup.instances());
    Rounds burstRounds = new Rounds();
    CountingSwitch.counting = false;
    try {
      for (BurstDay round : rounds) {
        Halves h = lapse(round);
        remove(round.instances());
        burstRounds.add(h.bare().took(), h.duban().took());
      }
    } finally {
      CountingSwitch.counting = true;
    }
    int n = perRound * BURST_ROUNDS;
    table.add(String.format("| a burst of lapsed timers (bare: timer → one JDBC row → user task) vs yellow notices,"
        + " N = %d in %d rounds of %d each, after a burst of %d of each (ratio: the rounds' median; lowest, highest)"
        + " | %s |", n, BURST_ROUNDS, perRound, WARMUP_BURST, burstRounds.figures(n)));
    table.add(String.format("| SQL statements (round trips) per escalation, job acquisition included, counted in the"
        + " warm-up burst | %.1f (%.1f) | %.1f (%.1f) | |", counted.bare().sql()[0] / (double) WARMUP_BURST,
        counted.bare().sql()[1] / (double) WARMUP_BURST, counted.duban().sql()[0] / (double) WARMUP_BURST,
        counted.duban().sql()[1] / (double) WARMUP_BURST));
    table.add(String.format("| CPU per timer in the timed rounds: the JVM's Java threads'; PostgreSQL's (ratio: bare's"
        + " sum over Duban's) | %s |", burstRounds.cpu(n)));
    table.add(String.format("| the JIT compiling while timed (its threads' time, on the same cores), starts; burst"
        + " | %d ms; %d ms | %d ms; %d ms | |", startRounds.bare[1], burstRounds.bare[1], startRounds.duban[1],
        burstRounds.duban[1]));
    duplicates(WARMUP_BURST + n);
    outboxAfterwards();
    if (Boolean.getBoolean("duban.benchmark.trace")) {
      traceEscalation();
    }
  }

  /**
   * The round trips of one escalation: a case like the bursts', its deadline's timer run on the
   * test's thread (a job runs whenever it is told to), with the job executor stopped meanwhile.
   * Its instance is removed afterwards, as the bursts' are, so that 督办看板's row counts its own.
   */
  private void traceEscalation() {
    JobExecutor jobs = jobExecutor();
    jobs.shutdown();
    ProcessInstance pi = null;
    try {
      Map<String, Object> form = registrationForm();
      LocalDate deadline = BURST_DAY.plusWeeks(2);
      form.put("deadline", deadline.toString());
      form.put("milestones", deadline + " 12个小区全部开工");
      pi = duban(1, form).get(0);
      signFor(pi);
      String timer = management.createJobQuery().processInstanceId(pi.getId()).activityId("stageLimitReached")
          .singleResult().getId();
      traceOne("escalation (green to yellow)", () -> management.executeJob(timer));
    } finally {
      if (pi != null) {
        remove(List.of(pi.getId()));
      }
      jobs.start();
    }
  }

  /**
   * The JIT's compiling so far (ms). Printed beside the timed rows: on two cores a compiler thread
   * busy during a timed part takes a core from it, and it was found busy long after the warm-ups.
   */
  private static long jit() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /**
   * A half of a burst: how long it took (ns), the JIT's compiling meanwhile (ms) and the CPU spent on
   * it (ns), as {@link #timed} adds them; its statements and round trips.
   */
  private record Half(long[] took, long[] sql) {
  }

  private record Halves(Half bare, Half duban) {
  }

  /** Lets a day's burst lapse, a half at a time. */
  private Halves lapse(BurstDay burst) {
    // the day before the burst, until noon
    ClockUtil.setCurrentTime(at(burst.beforeIt()));
    wakeJobExecutor();
    await("the days before the burst", () -> management.createJobQuery().executable().count() == 0);
    // the burst is the burst's alone: every job due by its end is one of its timers
    assertThat(management.createJobQuery().duedateLowerThan(at(burst.over().plusMinutes(1))).count())
        .as("jobs due by the burst's end").isEqualTo(2L * burst.size());
    assertThat(management.createJobQuery().duedateLowerThan(at(burst.firstHalfOver())).count())
        .as("jobs due in the burst's first half").isEqualTo((long) burst.size());
    long bareTasks = bareTasks();
    long yellowNotices = yellowNotices();
    long bareCommits = Commits.BARE.count();
    long yellowCommits = Commits.YELLOW.count();
    Halves halves;
    if (burst.bareFirst()) {
      Half bare = half(burst.bareLapsed(), "bare timers", Commits.BARE, burst.size());
      halves = new Halves(bare, half(burst.lapsed(), "yellow notices", Commits.YELLOW, burst.size()));
    } else {
      Half duban = half(burst.lapsed(), "yellow notices", Commits.YELLOW, burst.size());
      halves = new Halves(half(burst.bareLapsed(), "bare timers", Commits.BARE, burst.size()), duban);
    }
    await("every due job run", () -> management.createJobQuery().executable().count() == 0);
    // what the halves counted as it committed, as the database has it: every bare instance waits at
    // its user task, every case has its yellow notice
    assertThat(bareTasks() - bareTasks).as("the bare half's new user tasks").isEqualTo(burst.size());
    assertThat(yellowNotices() - yellowNotices).as("Duban's half's yellow notices").isEqualTo(burst.size());
    // and no more commits counted than jobs: a half that counted some twice would have ended early
    assertThat(Commits.BARE.count() - bareCommits).as("the bare half's commits").isEqualTo(burst.size());
    assertThat(Commits.YELLOW.count() - yellowCommits).as("Duban's half's commits").isEqualTo(burst.size());
    return halves;
  }

  /**
   * Moves the clock to {@code at}, where a half's timers have lapsed, and times the job executor
   * until {@code size} more of the half's jobs have committed.
   */
  private Half half(LocalDateTime at, String what, Commits done, int size) {
    long target = done.count() + size;
    long[] sql = SqlCounter.others();
    long[] took = new long[TIMED];
    // the timers lapse within the time, after the CPU is read: the jobs start with it
    timed(took, Cpu::javaThreads, () -> {
      ClockUtil.setCurrentTime(at(at));
      wakeJobExecutor();
      done.await(what, target);
    });
    return new Half(took, since(sql, SqlCounter.others()));
  }

  private long bareTasks() {
    return tasks.createTaskQuery().processDefinitionKey("benchmark-bare-timer").count();
  }

  /**
   * Time jumps here, but the job executor, idle, looks again only after its wait: told that jobs
   * are due, both bursts start at once, as when the job executor is already busy at midnight.
   */
  private void wakeJobExecutor() {
    jobExecutor().jobWasAdded();
  }

  private JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  private long yellowNotices() {
    return jdbc.queryForObject("select count(*) from case_notice where kind = ?", Long.class, NoticeKind.YELLOW.name());
  }

  /**
   * What the outbox's poller, off in the tests (application-test.yml), would do for the bursts
   * afterwards: the message events written since the outbox was last worked (the notices', and the
   * new tasks' the cases' other timers opened before each round) expanded into deliveries on the
   * test's thread. Every channel is off here, so none is sent.
   */
  private void outboxAfterwards() {
    Map<String, Long> byType = unexpandedEvents();
    long events = byType.values().stream().mapToLong(Long::longValue).sum();
    long started = System.nanoTime();
    outbox.work();
    double ms = (System.nanoTime() - started) / 1e6;
    assertThat(unexpandedEvents()).as("message events the outbox left").isEmpty();
    String kinds = byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    table.add(String.format("| R33's outbox after the bursts, not timed with them: the message events written since the"
        + " warm-up burst began (%s) expanded, every channel off | – | %d events in %.0f ms, %.2f ms each | |",
        kinds, events, ms, ms / events));
  }

  /** The message events not yet expanded, counted by type (in the order of their names). */
  private Map<String, Long> unexpandedEvents() {
    Map<String, Long> byType = new TreeMap<>();
    jdbc.query("select event_type, count(*) from message_event where expanded_at is null group by event_type",
        (RowCallbackHandler) rs -> byType.put(rs.getString(1), rs.getLong(2)));
    return byType;
  }

  /** Exactly one notice and one ledger entry per case and stage: the bursts booked nothing twice. */
  private void duplicates(int escalated) {
    Long twiceNoticed = jdbc.queryForObject("select count(*) from (select case_id, kind from case_notice"
        + " group by case_id, kind having count(*) > 1) d", Long.class);
    Long yellowCases = jdbc.queryForObject("select count(distinct case_id) from case_notice where kind = 'YELLOW'"
        + " and escalated = true", Long.class);
    Long yellowEntries = jdbc.queryForObject("select count(distinct source_id) from score_ledger"
        + " where source_type = ? and rule_code = 'YELLOW_NOTICE' and subject_type = 'UNIT'", Long.class,
        CaseScoring.SOURCE_TYPE);
    Long twiceBooked = jdbc.queryForObject("select count(*) from (select source_id, rule_code, subject_id"
        + " from score_ledger group by source_id, rule_code, subject_id having count(*) > 1) d", Long.class);
    Long rows = jdbc.queryForObject("select count(*) from benchmark_row", Long.class);
    assertThat(twiceNoticed).as("a notice issued twice").isZero();
    assertThat(twiceBooked).as("an entry booked twice").isZero();
    assertThat(yellowEntries).as("one yellow deduction per yellow case").isEqualTo(yellowCases);
    assertThat(yellowCases).as("the bursts' cases, each escalated").isEqualTo((long) escalated);
    table.add(String.format("| duplicates: notices issued twice, entries booked twice, bare rows written twice"
        + " | %d rows for %d timers | %d, %d (%d yellow cases, %d yellow deductions) | |", rows, escalated, twiceNoticed,
        twiceBooked, yellowCases, yellowEntries));
  }

  // ---------------------------------------------------------------- row 3: the filter 已逾期

  /**
   * Measured first, on a database holding only what this row makes: the unit's own overdue work
   * stays the same ({@link #OWN_OVERDUE} tasks offered to unit-zjj) while the county's other open
   * tasks grow from 1,000 to {@link #TASKS}, all overdue, the worst case for a filter by due date.
   * On the same tasks, the overseeing offices' county-wide 已逾期（全部） as {@code ducha}: once with
   * every task overdue, so that what it counts grows a hundredfold with them, and once
   * with the other units' tasks due as a county's are, one in {@link #COUNTY_OVERDUE_ONE_IN} overdue.
   */
  private void filter() {
    Filter own = visibleFilter("已逾期", "zjj-lin");
    Filter countyWide = visibleFilter("已逾期", "ducha");
    fillTasks(OWN_OVERDUE, "unit-zjj");
    fillTasks(Math.max(0, 1_000 - tasks.createTaskQuery().count()), "unit-fgj");
    FilterTimes small = filterTimes(own, countyWide);
    long smallCount = tasks.createTaskQuery().count();
    allOverdueAgain();
    fillTasks(TASKS - smallCount, "unit-fgj");
    FilterTimes large = filterTimes(own, countyWide);
    long largeCount = tasks.createTaskQuery().count();
    growthRow(String.format("已逾期 filter for zjj-lin (%d overdue tasks of unit-zjj), listPage(0,15) + count, %d vs %d"
        + " open tasks", OWN_OVERDUE, smallCount, largeCount), small.own(), large.own());
    growthRow(String.format("已逾期（全部） for ducha, county-wide, the same open tasks, the other units' one in %d overdue"
        + " (%d vs %d overdue)", COUNTY_OVERDUE_ONE_IN, small.countyOverdue(), large.countyOverdue()), small.county(),
        large.county());
    growthRow(String.format("已逾期（全部） for ducha, every one of them overdue (%d vs %d)", small.allOverdue(),
        large.allOverdue()), small.all(), large.all());
    // the filler goes again, so as not to weigh on what follows
    jdbc.update("delete from act_ru_authorization where resource_id_ like 'benchmark-filler-%'");
    jdbc.update("delete from act_ru_identitylink where task_id_ like 'benchmark-filler-%'");
    jdbc.update("delete from act_ru_task where id_ like 'benchmark-filler-%'");
    // and so does what it leaves behind: the dead rows, which autovacuum would otherwise clear while the starts
    // are timed, on the same two cores
    jdbc.execute("vacuum analyze act_ru_authorization, act_ru_identitylink, act_ru_task");
  }

  private void growthRow(String measure, double small, double large) {
    table.add(String.format("| %s | – | %.0f → %.0f ms | %.1f× growth |", measure, small, large, large / small));
  }

  /** The filter of that name the user sees: a unit's own, or the county-wide one of the overseeing offices. */
  private Filter visibleFilter(String name, String user) {
    authenticate(user);
    try {
      return filters.createFilterQuery().filterName(name).singleResult();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The filters' times in ms at one size: the unit's; the county-wide one with every task overdue
   * ({@code allOverdue} of them); with the other units' tasks due as a county's are
   * ({@code countyOverdue} overdue).
   */
  private record FilterTimes(double own, double all, long allOverdue, double county, long countyOverdue) {
  }

  /**
   * The unit's filter, then the county-wide one with every task overdue, then with the other units'
   * tasks due as a county's are (left so: {@link #allOverdueAgain} makes them overdue again).
   */
  private FilterTimes filterTimes(Filter own, Filter countyWide) {
    double ownMillis = filterMillis(own, "zjj-lin", OWN_OVERDUE);
    long allOverdue = overdue();
    double allMillis = filterMillis(countyWide, "ducha", allOverdue);
    spreadDueDates();
    long countyOverdue = overdue();
    // unit-zjj's own, and one in so many of the others'
    assertThat(countyOverdue).isCloseTo(OWN_OVERDUE + (allOverdue - OWN_OVERDUE) / COUNTY_OVERDUE_ONE_IN,
        within(1L));
    double countyMillis = filterMillis(countyWide, "ducha", countyOverdue);
    return new FilterTimes(ownMillis, allMillis, allOverdue, countyMillis, countyOverdue);
  }

  /** The open tasks due before now, all of them, as the engine counts them without a user's grants. */
  private long overdue() {
    return tasks.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count();
  }

  /**
   * The other units' filler tasks due as in a county: one in {@link #COUNTY_OVERDUE_ONE_IN} overdue,
   * by up to five days, the rest due over the coming ninety days, at minutes spread over the day
   * (their numbers decide which).
   */
  private void spreadDueDates() {
    otherUnitsFiller("cast(? as timestamp) + (case when n % " + COUNTY_OVERDUE_ONE_IN + " = 0 then -1 - n / "
        + COUNTY_OVERDUE_ONE_IN + " % 5 else 1 + n % 90 end) * interval '1 day' + n % 1440 * interval '1 minute'",
        REGISTERED);
  }

  /** The other units' filler tasks back to the one overdue date they were made with. */
  private void allOverdueAgain() {
    otherUnitsFiller("?", FILLER_DUE);
  }

  /** Sets the due date of the other units' filler tasks, an expression of a moment and their number n. */
  private void otherUnitsFiller(String dueDate, LocalDateTime moment) {
    jdbc.update("update act_ru_task t set due_date_ = " + dueDate + " from (select task_id_,"
        + " substr(task_id_, length('benchmark-filler-') + 1)::int n from act_ru_identitylink"
        + " where group_id_ = 'unit-fgj' and task_id_ like 'benchmark-filler-%') f where t.id_ = f.task_id_", at(moment));
    jdbc.execute("vacuum analyze act_ru_task");
  }

  /** The filter as Tasklist runs it for the user: the first page and the count; the median of five. */
  private double filterMillis(Filter filter, String user, long expected) {
    authenticate(user);
    try {
      filters.listPage(filter.getId(), 0, 15);
      filters.count(filter.getId());
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        List<Task> page = filters.listPage(filter.getId(), 0, 15);
        long count = filters.count(filter.getId());
        times.add((System.nanoTime() - t0) / 1e6);
        assertThat(count).isEqualTo(expected);
        assertThat(page).hasSize(15);
      }
      return median(times);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Open tasks of other units, overdue, cheaply: one task made through the engine (its row, its
   * candidate group, the authorization the engine grants that group), then cloned in SQL.
   */
  private void fillTasks(long count, String group) {
    if (count <= 0) {
      return;
    }
    Task template = tasks.newTask("benchmark-filler-template");
    template.setName("benchmark-filler");
    template.setDueDate(at(FILLER_DUE));
    tasks.saveTask(template);
    tasks.addCandidateGroup(template.getId(), group);
    long offset = jdbc.queryForObject("select count(*) from act_ru_task where name_ = 'benchmark-filler'", Long.class);
    clone("act_ru_task", "id_", "id_ = 'benchmark-filler-template'", count, offset);
    clone("act_ru_identitylink", "task_id_", "task_id_ = 'benchmark-filler-template'", count, offset);
    clone("act_ru_authorization", "resource_id_", "resource_id_ = 'benchmark-filler-template'", count, offset);
    jdbc.update("delete from act_ru_authorization where resource_id_ = 'benchmark-filler-template'");
    jdbc.update("delete from act_ru_identitylink where task_id_ = 'benchmark-filler-template'");
    jdbc.update("delete from act_ru_task where id_ = 'benchmark-filler-template'");
    jdbc.update("delete from act_hi_taskinst where id_ = 'benchmark-filler-template'");
    jdbc.update("delete from act_hi_identitylink where task_id_ = 'benchmark-filler-template'");
    // as autovacuum does after a table has grown by a tenth: the planner counts with today's rows
    jdbc.execute("analyze act_ru_task, act_ru_identitylink, act_ru_authorization");
  }

  /** Copies rows {@code count} times, their key column numbered; an {@code id_} column gets a fresh id too. */
  private void clone(String table, String keyColumn, String where, long count, long offset) {
    Map<String, String> set = new HashMap<>();
    set.put("id_", "'benchmark-filler-' || gen_random_uuid()");
    set.put(keyColumn, "'benchmark-filler-' || (g + " + offset + ")");
    copyRows(table, set, "", where, count);
  }

  /**
   * Copies the rows {@code where} selects (of {@code table}, joined with {@code from}) {@code count}
   * times each, numbered g from 1: a column named in {@code set} gets its expression, one set to null
   * is left out (its default), the others are copied.
   */
  private void copyRows(String table, Map<String, String> set, String from, String where, long count) {
    List<String> columns = jdbc.queryForList("select column_name from information_schema.columns where table_name = ?"
        + " order by ordinal_position", String.class, table).stream()
        .filter(c -> !set.containsKey(c) || set.get(c) != null).toList();
    String select = columns.stream().map(c -> set.getOrDefault(c, table + "." + c)).collect(Collectors.joining(", "));
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
        + from + " cross join generate_series(1, " + count + ") g where " + where);
  }

  // ---------------------------------------------------------------- 督办看板 as the open cases grow

  /**
   * 督办看板 for the supervision office with 1,000 open cases, then with {@link #BOARD_CASES}, after
   * the bursts (whose instances are gone by then). One case is registered; the others are copies of
   * it made in SQL, each with a running process instance of its own (as the engine's query of the
   * instances finds a case), spread over the county's units, the four levels and deadlines from
   * nine days ago to eighty days ahead (one in ten overdue); removed again afterwards.
   */
  private void board() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
    Map<String, Object> form = registrationForm();
    form.put("deadline", today.plusDays(60).toString());
    form.put("milestones", today.plusDays(30) + " 全部开工");
    String template = duban(1, form).get(0).getId();
    try {
      copyCases(template, today, 0, 999);
      BoardTime small = boardTime();
      copyCases(template, today, 999, BOARD_CASES - 1_000);
      BoardTime large = boardTime();
      assertThat(small.openCases()).isEqualTo(1_000);
      assertThat(large.openCases()).isEqualTo(BOARD_CASES);
      table.add(String.format("| 督办看板 for ducha (/api/dashboard: open cases by level and unit, the overdue ones listed),"
          + " the answer built and written as JSON, median of five, %d vs %d open cases (%d vs %d overdue) | – |"
          + " %.0f → %.0f ms | %.1f× growth |", small.openCases(), large.openCases(), small.overdue(),
          large.overdue(), small.millis(), large.millis(), large.millis() / small.millis()));
      table.add(String.format("| 督办看板's charts for ducha (/api/cases/charts: the last twelve months' cases by level"
          + " and month, the closures on time by unit), the answer built and written as JSON, median of five, %d vs %d"
          + " cases registered in them | – | %.0f → %.0f ms | %.1f× growth |", small.charted(), large.charted(),
          small.chartMillis(), large.chartMillis(), large.chartMillis() / small.chartMillis()));
      // the copies keep the template's co-unit and people: a handler of another unit reads those his unit leads
      assertThat(large.unitCharted()).isPositive().isLessThan(large.charted() / 3);
      table.add(String.format("| the same charts for jtj-xu, of a unit that leads a quarter of the copies: what he may"
          + " read among them, %d vs %d cases | – | %.0f → %.0f ms | %.1f× growth |", small.unitCharted(),
          large.unitCharted(), small.unitChartMillis(),
          large.unitChartMillis(), large.unitChartMillis() / small.unitChartMillis()));
    } finally {
      jdbc.update("delete from supervision_case where process_instance_id like 'benchmark-case-%'");
      jdbc.update("delete from act_ru_execution where id_ like 'benchmark-case-%'");
      jdbc.execute("vacuum analyze supervision_case, act_ru_execution");
    }
  }

  /** {@code count} copies of the template's case and process instance, numbered from {@code after} + 1. */
  private void copyCases(String template, LocalDate today, long after, long count) {
    String n = "(g + " + after + ")";
    Map<String, String> instance = new HashMap<>();
    for (String column : List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "business_key_")) {
      instance.put(column, "'benchmark-case-' || " + n);
    }
    copyRows("act_ru_execution", instance, "", "act_ru_execution.id_ = '" + template + "'", count);
    Map<String, String> kase = new HashMap<>();
    kase.put("id", null);
    kase.put("case_number", "'benchmark-case-' || " + n);
    kase.put("case_year", "1000");
    kase.put("case_seq", n);
    kase.put("process_instance_id", "'benchmark-case-' || " + n);
    kase.put("lead_unit", "units.codes[1 + " + n + " % array_length(units.codes, 1)]");
    kase.put("warning_level", "(array['GREEN', 'GREEN', 'YELLOW', 'RED'])[1 + " + n + " % 4]");
    kase.put("deadline", "date '" + today + "' + (" + n + " % 90 - 9)");
    // the end of the deadline day in the offices' zone, as LimitClock.endOfDeadline makes it
    kase.put("deadline_at", "(date '" + today + "' + (" + n + " % 90 - 9) + time '23:59:59') at time zone '"
        + SHANGHAI.getId() + "'");
    copyRows("supervision_case", kase, ", (select array_agg(code order by code) codes from org_unit) units",
        "supervision_case.process_instance_id = '" + template + "'", count);
    jdbc.execute("analyze supervision_case, act_ru_execution");
  }

  /**
   * What the board counted, its time and its charts' (the page asks for both), each the median of
   * five after one untimed; the cases the charts counted as registered in the twelve months; the
   * same charts for a unit.
   */
  private record BoardTime(long openCases, long overdue, double millis, long charted, double chartMillis,
      long unitCharted, double unitChartMillis) {
  }

  private BoardTime boardTime() {
    authenticate("ducha");
    Answered<Dashboard.Overview> board;
    Answered<CaseCharts> charts;
    try {
      board = answered(dashboard::overview);
      charts = answered(caseController::charts);
    } finally {
      identity.clearAuthentication();
    }
    authenticate("jtj-xu");
    try {
      Answered<CaseCharts> unit = answered(caseController::charts);
      return new BoardTime(board.answer().openCases(), board.answer().overdueCount(), board.millis(),
          charted(charts.answer()), charts.millis(), charted(unit.answer()), unit.millis());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The cases the charts count as registered in the twelve months. */
  private static long charted(CaseCharts charts) {
    return charts.byLevel().stream().flatMap(l -> l.counts().stream()).mapToLong(Integer::longValue).sum();
  }

  /** An answer of the API and its time in milliseconds. */
  private record Answered<T>(T answer, double millis) {
  }

  /** An answer built and written as JSON: the median of five, after one untimed. */
  private <T> Answered<T> answered(Supplier<T> ask) {
    try {
      T answer = ask.get();
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        answer = ask.get();
        json.writeValueAsBytes(answer);
        times.add((System.nanoTime() - t0) / 1e6);
      }
      return new Answered<>(answer, median(times));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- row 4: the assessment

  private void assessment() {
    List<String> unitCodes = units.findAll().stream().map(Unit::getCode).toList();
    List<String> personIds = people.findAll().stream().map(Person::getId).toList();
    LedgerLoader.load(jdbc, 2024, 1_000, unitCodes, personIds);
    LedgerLoader.load(jdbc, 2025, ENTRIES, unitCodes, personIds);
    // vacuumed as a year's ledger is by then: autovacuum would otherwise visit the freshly loaded rows while they are summed
    jdbc.execute("vacuum analyze score_ledger");
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(s -> assessment.compute(2024));
    String groupBy = "select subject_type, subject_id, sum(points) from score_ledger where score_year = 2025"
        + " group by subject_type, subject_id";
    jdbc.queryForList(groupBy);
    List<Double> bare = new ArrayList<>();
    List<Double> duban = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      jdbc.queryForList(groupBy);
      bare.add((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      tx.executeWithoutResult(s -> assessment.compute(2025));
      duban.add((System.nanoTime() - t1) / 1e9);
    }
    double b = median(bare);
    double d = median(duban);
    table.add(String.format("| assessment of %d ledger entries vs one SQL GROUP BY (median of five) | %.2f s | %.2f s"
        + " | %.2f× |", ENTRIES, b, d, d / b));
  }

  // ---------------------------------------------------------------- the bare engine's models

  private void deployBare() {
    BpmnModelInstance start = Bpmn.createExecutableProcess("benchmark-bare-start").camundaHistoryTimeToLive(1)
        .startEvent().userTask("work").camundaCandidateGroups("unit-zjj").endEvent().done();
    BpmnModelInstance timer = Bpmn.createExecutableProcess("benchmark-bare-timer").camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("wait").timerWithDate("${due}")
        .serviceTask("row").camundaExpression("${benchmarkRows.insert(execution)}")
        .userTask("work").camundaCandidateGroups("unit-zjj").endEvent().done();
    repository.createDeployment().addModelInstance("benchmark-bare-start.bpmn", start)
        .addModelInstance("benchmark-bare-timer.bpmn", timer).deploy();
    // the supervision office starts the bare process as it registers a case: with the same checks
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("supervision-office");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("benchmark-bare-start");
    grant.addPermission(ProcessDefinitionPermissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(grant);
  }

  private static void await(String what, BooleanSupplier condition) {
    // polled on the test's thread, whose statements are not counted among the job executor's
    Awaitility.await(what).pollInSameThread().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  /** The job executor both bursts ran on, as application.yml (or -Dcamunda.bpm.job-execution.*) set it. */
  private String jobExecutorSettings() {
    JobExecutor jobs = jobExecutor();
    String pool = "";
    if (jobs instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor t) {
      pool = String.format(", threads %d to %d, queue %d", t.getCorePoolSize(), t.getMaxPoolSize(), t.getQueueCapacity());
    }
    return String.format("%d jobs per acquisition%s", jobs.getMaxJobsPerAcquisition(), pool);
  }

  private static String load() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }
}
