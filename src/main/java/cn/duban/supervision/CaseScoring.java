package cn.duban.supervision;

import cn.duban.ledger.Ledger;
import cn.duban.ledger.Ledger.Booking;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.calendar.LimitClock;
import cn.duban.engine.Decisions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final SupervisionCaseRepository caseRecords;
  private final LimitClock clock;

  public CaseScoring(Decisions decisions, Ledger ledger, SupervisionCaseRepository caseRecords, LimitClock clock) {
    this.decisions = decisions;
    this.ledger = ledger;
    this.caseRecords = caseRecords;
    this.clock = clock;
  }

  /** The table's answer for one role, or null when it has no row for it. */
  public record Rule(String code, String ref, String label, BigDecimal points) {
  }

  /** The deployed table's rules, its latest version looked up once for all the roles an event books. */
  private Rules deployed() {
    return rulesOf(decisions.answers(DECISION_KEY));
  }

  private static Map<String, Object> inputs(ScoreEvent event, Role role) {
    return Map.of("event", event.name(), "role", role.name());
  }

  private static Rule rule(ScoreEvent event, Map<String, Object> r) {
    return new Rule(event.name(), (String) r.get("ruleRef"), (String) r.get("ruleLabel"),
        BigDecimal.valueOf(((Number) r.get("points")).doubleValue()));
  }

  /** Where a role's rule comes from: the deployed table (booking) or another version of it (the preview). */
  private interface Rules {
    Rule of(ScoreEvent event, Role role);
  }

  private static Rules rulesOf(Decisions.Answers table) {
    return (event, role) -> table.firstResult(inputs(event, role)).map(r -> rule(event, r)).orElse(null);
  }

  /** Who an event of a case is about: the lead unit, the co-units, the responsible person (any may be absent). */
  record Participants(String leadUnit, List<String> coUnits, String responsiblePerson) {

    static Participants of(SupervisionCase c) {
      return new Participants(c.getLeadUnit(), c.coUnitList(), c.getResponsiblePerson());
    }
  }

  /**
   * Books the event for the lead unit, every co-unit and (R32) the responsible person.
   *
   * @param occurrence tells repeated events of one kind apart (the closure report of a rejection);
   *     empty for events that happen once per case
   * @return how many entries were booked (an event booked before books nothing again)
   */
  public int score(SupervisionCase c, ScoreEvent event, String occurrence) {
    return book(bookings(c.getCaseNumber(), c.getWarningLevel().name(), event, occurrence, Participants.of(c),
        deployed()));
  }

  /**
   * R31 at acceptance: each co-unit's rating, as the closure report gave it. A row that answers 0
   * points (一般, by default) books nothing: the rating itself stays with the co-unit's part.
   */
  public int scoreRatings(SupervisionCase c) {
    return book(ratingBookings(c, deployed()));
  }

  /**
   * The preview of a changed case-score.dmn (issue 15): what the case events of a year would book
   * under another version of the table, booked nowhere. The events are those the ledger holds for
   * the year (an event is known by its key, whoever it booked), each for the participants it
   * booked, completed from the case (a co-unit, say, for which the table had no row); the co-unit
   * ratings, which book nothing at 0 points, are read from the cases accepted in the year.
   */
  public List<Booking> rescore(int year, Decisions.Table table) {
    Rules rules = rulesOf(table);
    Map<String, List<LedgerEntry>> events = new LinkedHashMap<>();
    for (LedgerEntry e : ledger.ofYear(year, SOURCE_TYPE)) {
      String key = e.getEventKey();
      String event = key.substring(0, key.lastIndexOf(':', key.lastIndexOf(':') - 1));
      events.computeIfAbsent(event, k -> new ArrayList<>()).add(e);
    }
    List<Booking> bookings = new ArrayList<>();
    Map<String, SupervisionCase> cases = new HashMap<>();
    for (Map.Entry<String, List<LedgerEntry>> e : events.entrySet()) {
      // SUPERVISION_CASE:<case number>:<EVENT>[#occurrence]
      String rest = e.getKey().substring(SOURCE_TYPE.length() + 1);
      String caseNumber = rest.substring(0, rest.lastIndexOf(':'));
      String[] eventAndOccurrence = rest.substring(rest.lastIndexOf(':') + 1).split("#", 2);
      ScoreEvent event = ScoreEvent.valueOf(eventAndOccurrence[0]);
      if (RATINGS.contains(event)) {
        continue;
      }
      SupervisionCase c = cases.computeIfAbsent(caseNumber, n -> caseRecords.findByCaseNumber(n).orElse(null));
      if (c == null) {
        continue;
      }
      bookings.addAll(bookings(caseNumber, e.getValue().get(0).getStage(), event,
          eventAndOccurrence.length > 1 ? eventAndOccurrence[1] : "", participants(c, e.getValue()), rules));
    }
    ZoneId zone = clock.zone();
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    for (SupervisionCase c : caseRecords.findByClosedAtGreaterThanEqualAndClosedAtLessThan(from, to)) {
      bookings.addAll(ratingBookings(c, rules));
    }
    return bookings;
  }

  private static final Set<ScoreEvent> RATINGS = EnumSet.of(ScoreEvent.CO_UNIT_RATED_GOOD,
      ScoreEvent.CO_UNIT_RATED_FAIR, ScoreEvent.CO_UNIT_RATED_POOR);

  /** An event's participants as it booked them; whom it did not book, as the case names them now. */
  private static Participants participants(SupervisionCase c, List<LedgerEntry> booked) {
    List<String> coUnits = c.coUnitList();
    String lead = booked.stream().filter(b -> b.getSubjectType() == SubjectType.UNIT)
        .map(LedgerEntry::getSubjectId).filter(u -> !coUnits.contains(u)).findFirst().orElse(c.getLeadUnit());
    String person = booked.stream().filter(b -> b.getSubjectType() == SubjectType.PERSON)
        .map(LedgerEntry::getSubjectId).findFirst().orElse(c.getResponsiblePerson());
    return new Participants(lead, coUnits.stream().filter(u -> !u.equals(lead)).toList(), person);
  }

  private List<Booking> ratingBookings(SupervisionCase c, Rules rules) {
    List<Booking> bookings = new ArrayList<>();
    for (CoUnitPart part : c.getCoUnitParts()) {
      if (part.getRating() != null && c.coUnitList().contains(part.getUnitCode())) {
        bookings.addAll(coUnitBookings(c, part.getRating().event(), part.getUnitCode(), rules));
      }
    }
    return bookings;
  }

  private List<Booking> coUnitBookings(SupervisionCase c, ScoreEvent event, String coUnit, Rules rules) {
    Rule rule = rules.of(event, Role.CO_UNIT);
    if (rule == null || rule.points().signum() == 0) {
      return List.of();
    }
    return bookings(c.getCaseNumber(), c.getWarningLevel().name(), event, "",
        new Participants(null, List.of(coUnit), null), rules);
  }

  /** What an event books by these rules: one booking per participant whose role has a row. */
  private static List<Booking> bookings(String caseNumber, String stage, ScoreEvent event, String occurrence,
      Participants p, Rules rules) {
    List<Booking> bookings = new ArrayList<>();
    if (p.leadUnit() != null) {
      bookFor(caseNumber, stage, event, occurrence, Role.LEAD_UNIT, p.leadUnit(), rules, bookings);
    }
    for (String coUnit : p.coUnits()) {
      bookFor(caseNumber, stage, event, occurrence, Role.CO_UNIT, coUnit, rules, bookings);
    }
    if (p.responsiblePerson() != null) {
      bookFor(caseNumber, stage, event, occurrence, Role.RESPONSIBLE_PERSON, p.responsiblePerson(), rules, bookings);
    }
    return bookings;
  }

  private static void bookFor(String caseNumber, String stage, ScoreEvent event, String occurrence, Role role,
      String subject, Rules rules, List<Booking> bookings) {
    Rule rule = rules.of(event, role);
    if (rule == null) {
      return;
    }
    SubjectType type = role == Role.RESPONSIBLE_PERSON ? SubjectType.PERSON : SubjectType.UNIT;
    String key = SOURCE_TYPE + ":" + caseNumber + ":" + event.name()
        + (occurrence.isEmpty() ? "" : "#" + occurrence) + ":" + type + ":" + subject;
    bookings.add(new Booking(key, type, subject, rule.code(), rule.ref(), rule.label(), rule.points(), SOURCE_TYPE,
        caseNumber, stage));
  }

  private int book(List<Booking> bookings) {
    return ledger.bookAll(bookings, clock.now(), clock.zone());
  }
}
