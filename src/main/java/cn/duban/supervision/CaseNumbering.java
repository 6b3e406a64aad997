package cn.duban.supervision;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R1: case numbers 督〔year〕N号, unique and gap-free per year. The year's counter row is locked for
 * update inside the registering transaction: concurrent registrations queue on the lock, and a
 * registration that fails rolls its number back with everything else, so no number is lost.
 */
@Service
public class CaseNumbering {

  private final CaseNumberCounterRepository counters;
  private final TransactionTemplate separateTransaction;

  public CaseNumbering(CaseNumberCounterRepository counters, PlatformTransactionManager transactions) {
    this.counters = counters;
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
    CaseNumberCounter counter = counters.lockYear(year).orElseGet(() -> {
      createCounter(year);
      return counters.lockYear(year).orElseThrow();
    });
    int sequence = counter.next();
    return new CaseNumber(year, sequence, format(year, sequence));
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
