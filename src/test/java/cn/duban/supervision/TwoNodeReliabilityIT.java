package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import cn.duban.EmbeddedPostgres;
/**
 * The deployment docker-compose.yml describes, under a crash: two application processes started
 * from the packaged jar with the production profile on one real PostgreSQL, cases registered
 * through both at once, their deadlines lapsing together, and one node killed with SIGKILL (as
 * {@code kill -9}) while its job executor holds escalation jobs, then restarted. Asserts what an
 * office must be able to rely on and prints the figures. Run with {@code ./mvnw verify -Preliability}
 * ({@code -Dduban.reliability.cases=N} for another size); not part of the default build.
 */
class TwoNodeReliabilityIT {

  private static final int CASES = Integer.getInteger("duban.reliability.cases", 200);
  private static final Path JAR = Path.of(System.getProperty("duban.reliability.jar", "target/duban-0.1.0-SNAPSHOT.jar"));
  private static final Path WORK = Path.of("target", "reliability");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** What cn.duban.EmbeddedPostgres gives the administrator. */
  private static final String ADMIN_PASSWORD = "pg-admin-secret";
  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  /**
   * Time for the work itself, beyond waiting for locks and for the job executor's next look: the two
   * nodes escalated 5 to 20 cases a second on the 2-core build machine shared with other builds.
   */
  private static final Duration MARGIN = Duration.ofSeconds(Math.max(30, CASES / 5));

  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, String> database = new HashMap<>();
  private Connection db;

  @AfterEach
  void stopEverything() throws SQLException {
    nodes.forEach(Node::stop);
    if (db != null) {
      db.close();
    }
  }

  @Test
  void twoNodesOnePostgresKillNineDuringTheEscalation() throws Exception {
    assertThat(JAR).as("the packaged application (./mvnw verify -Preliability packages it first)").isRegularFile();
    Files.createDirectories(WORK);
    Duration lockTime = Duration.ofMillis(Long.parseLong(production("camunda.bpm.job-execution.lock-time-in-millis", "300000")));
    // the job executor's longest pause between two looks for due jobs while it finds none (Camunda's default)
    Duration maxWait = Duration.ofMillis(Long.parseLong(production("camunda.bpm.job-execution.max-wait", "60000")));
    assertThat(lockTime).as("job lock time (issue 10: at most a minute)").isLessThanOrEqualTo(Duration.ofMinutes(1));

    // a real PostgreSQL and a fresh database, given to the nodes the way the README configures the postgres profile
    EmbeddedPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())));
    db = DriverManager.getConnection(database.get("DUBAN_DB_URL"), database.get("DUBAN_DB_USER"), database.get("DUBAN_DB_PASSWORD"));

    // the first node creates the schema and the organisation alone, as docker-compose.yml starts them
    Node a = start("node-a", freePort());
    a.awaitReady();
    Node b = start("node-b", freePort());
    b.awaitReady();

    // R1 numbering under load: every registration a REST request to one node or the other, at once
    LocalDate today = LocalDate.now(SHANGHAI);
    Instant registering = Instant.now();
    List<Long> requestMillis = registerAtOnce(List.of(a, b), today);
    Duration registration = Duration.between(registering, Instant.now());

    // The deadlines lapse. Each case's stage timer is due at the end of its deadline, today 23:59:59; the
    // job executors learn that a deadline has passed only from ACT_RU_JOB.DUEDATE_. Setting the due dates
    // of these timers to now in one statement is what midnight on the deadline day looks like to both
    // nodes; the yellow notices and their limits are then computed by the application as on that night
    // (from the deadline, on the real working-day calendar). The demonstration working day would shorten
    // every limit instead and is refused outside the demo profile; a fake clock would need a hook in the
    // production code.
    Instant lapse;
    try (PreparedStatement lapseNow = db.prepareStatement("update act_ru_job set duedate_ = ? where job_def_id_ in "
        + "(select id_ from act_ru_jobdef where act_id_ = 'stageLimitReached')")) {
      lapse = Instant.now();
      lapseNow.setObject(1, LocalDateTime.ofInstant(lapse, SHANGHAI));
      assertThat(lapseNow.executeUpdate()).as("stage timers lapsed").isEqualTo(CASES);
    }

    // Watch the escalation: which job executor (lock owner) holds which job, and which node ran it (the
    // job log names the node by its engine hostname). Kill node-a as soon as it is known to hold jobs:
    // the escalation of 200 cases takes seconds now, and waiting for a fifth of the notices missed it.
    Map<String, Lock> lastLock = new HashMap<>();
    Map<String, String> hostOfOwner = new HashMap<>();
    Kill kill = null;
    Instant giveUp = lapse.plus(lockTime).plus(maxWait).plus(MARGIN).plus(Duration.ofMinutes(1));
    while (yellowNotices() < CASES) {
      assertThat(Instant.now()).as("all %d escalated before giving up (%d so far)", CASES, yellowNotices()).isBefore(giveUp);
      Map<String, Lock> locks = locks();
      lastLock.putAll(locks);
      if (kill == null) {
        successes().forEach((job, host) -> {
          if (lastLock.containsKey(job)) {
            hostOfOwner.put(lastLock.get(job).owner(), host);
          }
        });
        // node-a's lock owner: known from a job it ran, or the one that is not node-b's (each node's job
        // executor has one); node-b may run many before node-a has finished one
        Set<String> ownersOfB = hostOfOwner.entrySet().stream().filter(e -> e.getValue().equals("node-b"))
            .map(Map.Entry::getKey).collect(Collectors.toSet());
        Optional<String> heldByA = locks.values().stream().map(Lock::owner)
            .filter(o -> "node-a".equals(hostOfOwner.get(o)) || !ownersOfB.isEmpty() && !ownersOfB.contains(o))
            .findFirst();
        int done = yellowNotices();
        if (heldByA.isPresent() && done > 0) {
          Instant killedAt = a.killNine();
          String ownerA = heldByA.get();
          Set<String> held = locks().entrySet().stream().filter(e -> e.getValue().owner().equals(ownerA))
              .map(Map.Entry::getKey).collect(Collectors.toSet());
          kill = new Kill(killedAt, yellowNotices(), held);
          assertThat(held).as("jobs node-a held when killed").isNotEmpty();
          a = start("node-a-restarted", a.port);
        }
      }
      pause(Duration.ofMillis(kill == null ? 20 : 100));
    }
    assertThat(kill).as("node-a was killed during the escalation").isNotNull();
    assertThat(kill.done()).as("yellow notices when node-a was killed").isLessThan(CASES);
    a.awaitReady();
    Instant restarted = Instant.now();

    // --- what an office relies on ---
    List<Integer> sequences = ints("select case_seq from supervision_case order by case_seq");
    assertThat(sequences).as("case numbers 1..N, no gap, no duplicate")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, CASES).boxed().toList());
    Map<String, Integer> noticesPerCaseAndStage = counts(
        "select c.case_number, n.kind, count(*) from supervision_case c join case_notice n on n.case_id = c.id group by 1, 2");
    Map<String, Integer> ledgerPerCaseAndStage = counts(
        "select source_id, stage, count(*) from score_ledger where source_type = '" + CaseScoring.SOURCE_TYPE + "' group by 1, 2");
    List<String> caseNumbers = strings("select case_number from supervision_case order by case_seq");
    Map<String, Integer> expectedNotices = new TreeMap<>();
    Map<String, Integer> expectedLedger = new TreeMap<>();
    for (String number : caseNumbers) {
      expectedNotices.put(number + " GREEN", 1);
      expectedNotices.put(number + " YELLOW", 1);
      // the green stage books nothing; the yellow notice books the lead unit's deduction (R4) and
      // the responsible person's (R32)
      expectedLedger.put(number + " YELLOW", 2);
    }
    assertThat(new TreeMap<>(noticesPerCaseAndStage)).as("notices per case and stage").isEqualTo(expectedNotices);
    assertThat(new TreeMap<>(ledgerPerCaseAndStage)).as("ledger entries per case and stage").isEqualTo(expectedLedger);
    int incidents = ints("select count(*) from act_ru_incident").get(0);
    int failedAttempts = ints("select count(*) from act_hi_job_log where job_state_ = 1").get(0);
    assertThat(incidents).as("incidents").isZero();
    assertThat(ints("select count(*) from act_ru_job where exception_msg_ is not null").get(0)).as("jobs with an error").isZero();
    assertThat(ints("select count(*) from act_ru_job where lock_owner_ is not null").get(0))
        .as("jobs still locked (the killed node's included)").isZero();

    Map<String, Instant> escalatedAt = instants("select case_number, issued_at from case_notice where kind = 'YELLOW'");
    Duration slowest = escalatedAt.values().stream().map(t -> Duration.between(lapse, t)).max(Duration::compareTo).orElseThrow();
    Duration fastest = escalatedAt.values().stream().map(t -> Duration.between(lapse, t)).min(Duration::compareTo).orElseThrow();
    // the last case may wait for the job executor's next look (at most maxWait), then for the lock of
    // the killed node to expire (lockTime), and then its own turn in the work
    Duration bound = lockTime.plus(maxWait).plus(MARGIN);
    assertThat(slowest).as("every case escalated within lock time %s + acquisition wait %s + %s", lockTime, maxWait, MARGIN)
        .isLessThanOrEqualTo(bound);

    // the jobs node-a held: run again by another node once their lock expired
    Map<String, JobRun> runs = jobRuns();
    List<JobRun> recovered = kill.held().stream().map(runs::get).toList();
    assertThat(recovered).as("the jobs node-a held, run again").doesNotContainNull();
    final Kill k = kill;
    // locked at the latest when node-a died: free a lock time later, taken at the next look of a node
    assertThat(recovered).allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(k.at())
        .isBeforeOrEqualTo(k.at().plus(lockTime).plus(maxWait).plus(Duration.ofSeconds(20))));

    // how long a job holds its lock on PostgreSQL: from acquisition (lock expiry minus lock time, for the
    // jobs caught locked) to done, and the work itself (timer fired to done) for all
    List<Duration> work = runs.values().stream().map(JobRun::work).sorted().toList();
    List<Duration> held = new ArrayList<>();
    runs.forEach((job, run) -> {
      Lock lock = lastLock.get(job);
      if (lock != null) {
        Duration h = Duration.between(lock.expires().minus(lockTime), run.at());
        if (!h.isNegative() && h.compareTo(lockTime) < 0) {
          held.add(h);
        }
      }
    });
    held.sort(Duration::compareTo);

    Map<String, Long> ranOn = runs.values().stream().collect(Collectors.groupingBy(JobRun::host, TreeMap::new, Collectors.counting()));
    Map<String, Long> recoveredBy = recovered.stream().collect(Collectors.groupingBy(JobRun::host, TreeMap::new, Collectors.counting()));
    System.out.printf("%n=== Duban reliability: two nodes, one PostgreSQL, kill -9 during the escalation ===%n");
    System.out.printf("registered %d cases through node-a and node-b at once in %.1f s (%.1f/s; slowest request %d ms)%n",
        CASES, seconds(registration), CASES / seconds(registration), requestMillis.stream().mapToLong(Long::longValue).max().orElse(0));
    System.out.printf("case numbers %s .. %s: 1..%d, no gap, no duplicate%n", caseNumbers.get(0), caseNumbers.get(CASES - 1), CASES);
    System.out.printf("deadlines of all %d cases lapsed at once; node-a killed (SIGKILL) at +%.1f s holding %d escalation jobs, "
        + "%d notices out by then%n", CASES, since(lapse, kill.at()), kill.held().size(), kill.done());
    System.out.printf("node-a restarted on the same port, serving again at +%.1f s%n", since(lapse, restarted));
    System.out.printf("the %d jobs node-a held ran at +%.1f .. +%.1f s after the kill, on %s (lock time %d s)%n",
        recovered.size(), recovered.stream().mapToDouble(r -> since(k.at(), r.at())).min().orElse(0),
        recovered.stream().mapToDouble(r -> since(k.at(), r.at())).max().orElse(0), recoveredBy, lockTime.toSeconds());
    System.out.printf("all %d escalated: first +%.1f s, last +%.1f s after the lapse (bound %d s = lock time %d + acquisition wait %d + %d)%n",
        CASES, seconds(fastest), seconds(slowest), bound.toSeconds(), lockTime.toSeconds(), maxWait.toSeconds(), MARGIN.toSeconds());
    System.out.printf("escalations run per node: %s%n", ranOn);
    System.out.printf("every case: 1 green and 1 yellow notice, 1 ledger entry for the yellow stage; incidents %d; "
        + "failed job attempts %d%n", incidents, failedAttempts);
    System.out.printf("escalation job on PostgreSQL, timer fired to done: median %d ms, max %d ms; lock held, acquired to done "
        + "(%d jobs caught locked): median %d ms, max %d ms%n%n",
        work.get(work.size() / 2).toMillis(), work.get(work.size() - 1).toMillis(), held.size(),
        held.isEmpty() ? 0 : held.get(held.size() / 2).toMillis(), held.isEmpty() ? 0 : held.get(held.size() - 1).toMillis());
  }

  // --- the application processes ---

  private Node start(String name, int port) throws IOException {
    Node node = new Node(name, port);
    nodes.add(node);
    return node.start();
  }

  private final class Node {
    final String name;
    final int port;
    final Http http;
    Process process;

    Node(String name, int port) {
      this.name = name;
      this.port = port;
      this.http = new Http(port);
    }

    Node start() throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Duser.timezone=Asia/Shanghai", "-Xmx1g", "-jar", JAR.toString(),
          "--server.address=127.0.0.1", "--server.port=" + port,
          // names the node in the job log (ACT_HI_JOB_LOG.HOSTNAME_), so that the test knows who ran what
          "--camunda.bpm.generic-properties.properties.hostname=" + name)
          .redirectErrorStream(true).redirectOutput(WORK.resolve(name + ".log").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("DUBAN_") || k.startsWith("CAMUNDA_"));
      env.putAll(database);
      env.put("SPRING_PROFILES_ACTIVE", "postgres,demo-organization");
      env.put("DUBAN_DEMO_PASSWORD", Http.DEMO_PASSWORD);
      env.put("DUBAN_HOLIDAY_DIR", "target/no-holiday-overrides");
      process = builder.start();
      // whatever happens to the test JVM short of SIGKILL, no node outlives it
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
      return this;
    }

    /**
     * Up and set up: the organisation exists (asked as the administrator, so no failed login is counted
     * against anyone) and the supervision office sees its Tasklist filters, the last thing a start sets up.
     */
    void awaitReady() {
      await(name + " ready", START_PATIENCE, () -> {
        assertThat(process.isAlive()).as("%s running (see %s)", name, WORK.resolve(name + ".log")).isTrue();
        try {
          HttpResponse<String> users = http.get("/engine-rest/user/count?id=ducha", "admin", ADMIN_PASSWORD);
          return users.statusCode() == 200 && users.body().contains("\"count\":1")
              && http.get("/engine-rest/filter/count", "ducha").body().matches(".*\"count\":[1-9].*");
        } catch (UncheckedIOException notListeningYet) {
          return false;
        }
      });
    }

    /** SIGKILL, as {@code kill -9}: no shutdown, no rollback but the database's own. */
    Instant killNine() throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      process.waitFor();
      return Instant.now();
    }

    void stop() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private List<Long> registerAtOnce(List<Node> through, LocalDate deadline) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Long> millis = new ArrayList<>();
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        Node node = through.get(i % through.size());
        String body = registration(i, deadline);
        results.add(pool.submit(() -> {
          go.await();
          long start = System.nanoTime();
          HttpResponse<String> r = node.http.post("/engine-rest/process-definition/key/supervision-case/submit-form", body, "ducha");
          assertThat(r.statusCode()).as("registration through %s: %s", node.name, r.body()).isEqualTo(200);
          return (System.nanoTime() - start) / 1_000_000;
        }));
      }
      go.countDown();
      for (Future<Long> f : results) {
        millis.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    return millis;
  }

  /** The start form as the supervision office fills it in, for the housing or the transport bureau. */
  private static String registration(int i, LocalDate deadline) {
    boolean housing = i % 2 == 0;
    return """
        {"variables": {"source": {"value": "LEADER_ASSIGNMENT"}, "title": {"value": "可靠性测试事项%d"},
         "leaderInCharge": {"value": "%s"}, "leadUnit": {"value": "%s"}, "responsiblePerson": {"value": "%s"},
         "deadline": {"value": "%s"}, "content": {"value": "按期完成督办事项%d"}, "milestones": {"value": "%s 按期办结"},
         "qualityChecklist": {"value": "按要求办结"}, "initialLevel": {"value": "GREEN"},
         "reportIntervalDays": {"value": 0}}}""".formatted(i + 1, housing ? "wangfxz" : "lifxz",
        housing ? "zjj" : "jtj", housing ? "zjj-lin" : "jtj-xu", deadline, i + 1, deadline);
  }

  // --- the database, as the test reads it ---

  private record Lock(String owner, Instant expires) {
  }

  private record Kill(Instant at, int done, Set<String> held) {
  }

  /** A stage timer's successful run: when it ended, on which node, and how long its work took. */
  private record JobRun(Instant at, String host, Duration work) {
  }

  private Map<String, Lock> locks() throws SQLException {
    Map<String, Lock> locks = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")) {
      while (rs.next()) {
        locks.put(rs.getString(1), new Lock(rs.getString(2), nodeTime(rs, 3)));
      }
    }
    return locks;
  }

  private Map<String, String> successes() throws SQLException {
    Map<String, String> hosts = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select job_id_, hostname_ from act_hi_job_log where job_state_ = 2")) {
      while (rs.next()) {
        hosts.put(rs.getString(1), rs.getString(2));
      }
    }
    return hosts;
  }

  /** Each stage timer's run: the job log's success entry, and when its timer event ended in the same job. */
  private Map<String, JobRun> jobRuns() throws SQLException {
    Map<String, JobRun> runs = new HashMap<>();
    // the clock's timer event is entered again when it has fired (the next stage's limit): that
    // instance of it is still open, and not the run's
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
        select l.job_id_, l.timestamp_, l.hostname_, a.end_time_ from act_hi_job_log l
        join act_hi_actinst a on a.proc_inst_id_ = l.process_instance_id_ and a.act_id_ = l.act_id_
          and a.end_time_ is not null
        where l.job_state_ = 2 and l.act_id_ = 'stageLimitReached'""")) {
      while (rs.next()) {
        Instant done = nodeTime(rs, 2);
        runs.put(rs.getString(1), new JobRun(done, rs.getString(3), Duration.between(nodeTime(rs, 4), done)));
      }
    }
    assertThat(runs).as("one run per stage timer").hasSize(CASES);
    return runs;
  }

  private int yellowNotices() throws SQLException {
    return ints("select count(*) from case_notice where kind = 'YELLOW'").get(0);
  }

  /** The engine keeps times without zone, in its JVM's: the nodes run in Asia/Shanghai. */
  private static Instant nodeTime(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).atZone(SHANGHAI).toInstant();
  }

  private List<Integer> ints(String sql) throws SQLException {
    List<Integer> values = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
    }
    return values;
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** Rows of (a, b, count) as "a b" → count. */
  private Map<String, Integer> counts(String sql) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3));
      }
    }
    return counts;
  }

  private Map<String, Instant> instants(String sql) throws SQLException {
    Map<String, Instant> values = new ConcurrentHashMap<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
      }
    }
    return values;
  }

  // --- helpers ---

  /** A setting of the packaged application's own configuration (application.yml), or the engine's default. */
  private static String production(String key, String otherwise) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return yaml.getObject().getProperty(key, otherwise);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls a condition of another process, at most for the given time. */
  private static void await(String what, Duration patience, BooleanSupplier condition) {
    Awaitility.await(what).atMost(patience).pollInterval(Duration.ofMillis(500)).until(condition::getAsBoolean);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static double since(Instant from, Instant to) {
    return seconds(Duration.between(from, to));
  }
}
