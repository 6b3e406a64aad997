package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.duban.ProcessTestSupport;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R32: a case's outcomes book points for its responsible person (责任人) as well as for the units,
 * by the RESPONSIBLE_PERSON rows of case-score.dmn, as person entries of the ledger.
 */
class ResponsiblePersonScoringTest extends ProcessTestSupport {

  @Autowired CaseScoring scoring;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  @DisplayName("R32 a case closed early rewards its responsible person: on time +1 and early +0.5, booked to the person")
  void closedEarly() {
    ProcessInstance pi = register();
    signFor(pi);
    submitClosure(pi);
    accept(pi, true);
    SupervisionCase c = caseOf(pi);
    assertThat(personBookings(c)).containsExactly("CLOSED_ON_TIME zjj-lin 1", "CLOSED_EARLY zjj-lin 0.5");
    assertThat(ledgerOf(c)).filteredOn(e -> e.getSubjectType() == SubjectType.PERSON)
        .extracting(LedgerEntry::getRuleRef, LedgerEntry::getRuleLabel, LedgerEntry::getYear)
        .containsExactly(tuple("R32", "按期办结（责任人）", 2026), tuple("R32", "提前办结（责任人）", 2026));
    // the units are booked as before
    assertThat(bookings(c)).containsExactly("CLOSED_ON_TIME zjj 2", "CLOSED_ON_TIME fgj 1", "CLOSED_EARLY zjj 0.5",
        "EXCEEDS_STANDARD zjj 1");
  }

  @Test
  @DisplayName("R32 a case closed on time but not early: the responsible person's on-time bonus only")
  void closedOnTime() {
    assertThat(personBookings(caseOf(closedOnTimeNotEarly()))).containsExactly("CLOSED_ON_TIME zjj-lin 1");
  }

  @Test
  @DisplayName("R32 the yellow and red notices cost the responsible person -0.5 and -1; accountability is left to its measures")
  void yellowAndRed() {
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    assertThat(personBookings(caseOf(pi))).containsExactly("YELLOW_NOTICE zjj-lin -0.5");
    fire(pi, "stageLimitReached");
    assertThat(personBookings(caseOf(pi))).containsExactly("YELLOW_NOTICE zjj-lin -0.5", "RED_NOTICE zjj-lin -1");
    fire(pi, "stageLimitReached");
    // R6: the person's accountability procedure books its measure; the case books nothing more for the person
    assertThat(personBookings(caseOf(pi))).containsExactly("YELLOW_NOTICE zjj-lin -0.5", "RED_NOTICE zjj-lin -1");
    assertThat(bookings(caseOf(pi))).contains("ACCOUNTABILITY zjj -5");
  }

  @Test
  @DisplayName("R32 a case closed late after its yellow notice: the person's deduction stands and no on-time bonus")
  void closedLate() {
    ProcessInstance pi = register();
    signFor(pi);
    fire(pi, "stageLimitReached");
    setClock(LocalDateTime.of(2026, 3, 24, 9, 0));
    submitClosure(pi);
    accept(pi, false);
    assertThat(caseOf(pi).getClosedOnTime()).isFalse();
    assertThat(personBookings(caseOf(pi))).containsExactly("YELLOW_NOTICE zjj-lin -0.5");
  }

  @Test
  @DisplayName("R32 R20 the responsible person's entry is booked once, however often the event is scored")
  void bookedOnce() {
    ProcessInstance pi = closedOnTimeNotEarly();
    SupervisionCase c = caseOf(pi);
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(s -> scoring.score(c, ScoreEvent.CLOSED_ON_TIME, ""));
    assertThat(personBookings(c)).containsExactly("CLOSED_ON_TIME zjj-lin 1");
  }
}
