package cn.duban.benchmark;

import cn.duban.PostgresTestSupport;
import cn.duban.supervision.SupervisionCaseRepository;
import cn.duban.supervision.WarningLevel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast registrations go and how fast the job executor works off a burst of lapsed deadlines
 * (every deadline of a day runs out at the same second) on PostgreSQL with the production
 * settings. Prints figures; asserts nothing about time. Run with {@code ./mvnw test -Pbenchmark}
 * ({@code -Dduban.benchmark.cases=N} for another size).
 */
@Tag("benchmark")
class EscalationBenchmarkTest extends PostgresTestSupport {

  @Autowired SupervisionCaseRepository caseRepository;

  @Test
  void burstOfLapsedDeadlines() throws InterruptedException {
    int n = Integer.getInteger("duban.benchmark.cases", 300);
    register();  // warm-up
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      register();
    }
    Duration registering = Duration.ofNanos(System.nanoTime() - start);

    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 21, 0, 5).atZone(SHANGHAI).toInstant()));
    Instant lapse = Instant.now();
    long yellow = 0;
    while (yellow < n + 1) {
      Thread.sleep(200);
      yellow = caseRepository.findAll().stream().filter(c -> c.getWarningLevel() == WarningLevel.YELLOW).count();
      if (Duration.between(lapse, Instant.now()).toMinutes() > 10) {
        break;
      }
    }
    Duration escalating = Duration.between(lapse, Instant.now());
    System.out.printf("%n=== Duban escalation benchmark (PostgreSQL, %d cases) ===%n", n);
    System.out.printf("registration: %.1f cases/s (%.1f ms each)%n",
        n / (registering.toMillis() / 1000.0), registering.toMillis() / (double) n);
    System.out.printf("burst of %d lapsed deadlines: %d yellow notices in %.1f s, %.1f escalations/s%n%n",
        n + 1, yellow, escalating.toMillis() / 1000.0, yellow / (escalating.toMillis() / 1000.0));
  }
}
