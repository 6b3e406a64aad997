package cn.duban.benchmark;

import cn.duban.assessment.AssessmentService;
import cn.duban.assessment.LedgerLoader;
import cn.duban.organization.Person;
import cn.duban.organization.PersonRepository;
import cn.duban.organization.Unit;
import cn.duban.organization.UnitRepository;
import cn.duban.PostgresTestSupport;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long computing a year's assessment takes for a large ledger on PostgreSQL. Prints figures;
 * asserts nothing about time. {@code -Dduban.benchmark.entries=N} for another size.
 */
@Tag("benchmark")
class AssessmentBenchmarkTest extends PostgresTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired UnitRepository units;
  @Autowired PersonRepository people;
  @Autowired AssessmentService assessment;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void computeAYear() {
    int n = Integer.getInteger("duban.benchmark.entries", 100_000);
    List<String> unitCodes = units.findAll().stream().map(Unit::getCode).toList();
    List<String> personIds = people.findAll().stream().map(Person::getId).toList();
    LedgerLoader.load(jdbc, 2024, 1_000, unitCodes, personIds);
    LedgerLoader.load(jdbc, 2025, n, unitCodes, personIds);
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(s -> assessment.compute(2024));  // warm-up
    long start = System.nanoTime();
    tx.executeWithoutResult(s -> assessment.compute(2025));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%n=== Duban assessment benchmark (PostgreSQL) ===%n");
    System.out.printf("assessing a year of %d ledger entries, %d units, %d people: %.2f s%n%n",
        n, unitCodes.size(), personIds.size(), seconds);
  }
}
