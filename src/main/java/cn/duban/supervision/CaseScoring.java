package cn.duban.supervision;

import cn.duban.ledger.Ledger;
import cn.duban.ledger.Ledger.Booking;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.calendar.LimitClock;
import cn.duban.engine.Decisions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a case event into ledger entries: asks {@code processes/rules/case-score.dmn} for the
 * points of each role (the lead unit, each co-unit, the responsible person) and books what it
 * answers. A role without a row gets nothing, so an analyst adds a rule by adding a row.
 */
@Component
public class CaseScoring {

  public static final String DECISION_KEY = "case-score";
  public static final String SOURCE_TYPE = "SUPERVISION_CASE";

  /** Who a row of the scoring table is about. */
  public enum Role {
    LEAD_UNIT,
    CO_UNIT,
    /** R32: the case's responsible person (责任人), booked as a person. */
    RESPONSIBLE_PERSON
  }

  private final Decisions decisions;
  private final Ledger ledger;
  private final LimitClock clock;

  public CaseScoring(Decisions decisions, Ledger ledger, LimitClock clock) {
    this.decisions = decisions;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The table's answer for one role, or null when it has no row for it. */
  public record Rule(String code, String ref, String label, BigDecimal points) {
  }

  public Rule rule(ScoreEvent event, Role role) {
    return decisions.firstResult(DECISION_KEY, Map.of("event", event.name(), "role", role.name()))
        .map(r -> new Rule(event.name(), (String) r.get("ruleRef"), (String) r.get("ruleLabel"),
            BigDecimal.valueOf(((Number) r.get("points")).doubleValue())))
        .orElse(null);
  }

  /**
   * Books the event for the lead unit, every co-unit and (R32) the responsible person.
   *
   * @param occurrence tells repeated events of one kind apart (the closure report of a rejection);
   *     empty for events that happen once per case
   */
  public List<LedgerEntry> score(SupervisionCase c, ScoreEvent event, String occurrence) {
    List<LedgerEntry> booked = new ArrayList<>();
    bookFor(c, event, occurrence, Role.LEAD_UNIT, c.getLeadUnit(), booked);
    for (String coUnit : c.coUnitList()) {
      bookFor(c, event, occurrence, Role.CO_UNIT, coUnit, booked);
    }
    if (c.getResponsiblePerson() != null) {
      bookFor(c, event, occurrence, Role.RESPONSIBLE_PERSON, c.getResponsiblePerson(), booked);
    }
    return booked;
  }

  /**
   * Books an event of one co-unit (R31: the lead unit's rating of it), once per case. A row that
   * answers 0 points (一般, by default) books nothing: the rating itself stays with the co-unit's part.
   */
  public List<LedgerEntry> scoreCoUnit(SupervisionCase c, ScoreEvent event, String coUnit) {
    List<LedgerEntry> booked = new ArrayList<>();
    Rule rule = rule(event, Role.CO_UNIT);
    if (rule != null && rule.points().signum() != 0) {
      bookFor(c, event, "", Role.CO_UNIT, coUnit, booked);
    }
    return booked;
  }

  private void bookFor(SupervisionCase c, ScoreEvent event, String occurrence, Role role, String subject,
      List<LedgerEntry> booked) {
    Rule rule = rule(event, role);
    if (rule == null) {
      return;
    }
    SubjectType type = role == Role.RESPONSIBLE_PERSON ? SubjectType.PERSON : SubjectType.UNIT;
    String key = SOURCE_TYPE + ":" + c.getCaseNumber() + ":" + event.name()
        + (occurrence.isEmpty() ? "" : "#" + occurrence) + ":" + type + ":" + subject;
    booked.add(ledger.book(new Booking(key, type, subject, rule.code(), rule.ref(), rule.label(),
        rule.points(), SOURCE_TYPE, c.getCaseNumber(), c.getWarningLevel().name()), clock.now(), clock.zone()));
  }
}
