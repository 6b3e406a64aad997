package cn.duban.supervision;

import cn.duban.common.Databases;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R1: case numbers 督〔year〕N号, unique and gap-free per year. The year's counter row is locked for
 * update inside the registering transaction: concurrent registrations queue on the lock, and a
 * registration that fails rolls its number back with everything else, so no number is lost. One
 * statement takes the lock and the number (a registration's round trips are its cost).
 */
@Service
public class CaseNumbering {

  private final CaseNumberCounterRepository counters;
  private final JdbcTemplate jdbc;
  private final String increment;
  private final TransactionTemplate separateTransaction;

  public CaseNumbering(CaseNumberCounterRepository counters, JdbcTemplate jdbc, DataSource dataSource,
      PlatformTransactionManager transactions) throws Exception {
    this.counters = counters;
    this.jdbc = jdbc;
    String update = "update case_number_counter set last_number = last_number + 1 where counter_year = ?";
    // PostgreSQL returns the updated row; H2 reads it from the update's final table
    this.increment = Databases.isPostgres(dataSource)
        ? update + " returning last_number" : "select last_number from final table (" + update + ")";
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public record CaseNumber(int year, int sequence, String text) {
  }

  static String format(int year, int sequence) {
    return "督〔" + year + "〕" + sequence + "号";
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public CaseNumber next(int year) {
    List<Integer> taken = take(year);
    if (taken.isEmpty()) {
      createCounter(year);
      taken = take(year);
    }
    int sequence = taken.get(0);
    return new CaseNumber(year, sequence, format(year, sequence));
  }

  /** The year's next number, its counter row locked until the registration commits; none without a counter. */
  private List<Integer> take(int year) {
    return jdbc.queryForList(increment, Integer.class, year);
  }

  /** The first registration of a year creates its counter; two at once both try, one wins. */
  private void createCounter(int year) {
    try {
      separateTransaction.executeWithoutResult(status -> counters.saveAndFlush(new CaseNumberCounter(year)));
    } catch (DataIntegrityViolationException alreadyCreated) {
      // another registration created it first; its row is what we lock next
    }
  }
}
