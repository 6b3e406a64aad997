package cn.duban.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R20: books bonuses and deductions, each event exactly once, and keeps the register of closed
 * years. Every part of the domain books here; the annual assessment reads it. It knows no domain.
 */
@Service
public class Ledger {

  private static final String INSERT = "insert into score_ledger (event_key, score_year, subject_type, subject_id,"
      + " rule_code, rule_ref, rule_label, points, source_type, source_id, stage, booked_at)"
      + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from score_ledger where event_key = ?)";

  private final LedgerRepository entries;
  private final ClosedYearRepository closedYears;
  private final JdbcTemplate jdbc;

  public Ledger(LedgerRepository entries, ClosedYearRepository closedYears, JdbcTemplate jdbc) {
    this.entries = entries;
    this.closedYears = closedYears;
    this.jdbc = jdbc;
  }

  /** An event that may earn or cost points: what happened, to whom, from which source. */
  public record Booking(String eventKey, SubjectType subjectType, String subjectId, String rule, String ruleRef,
      String ruleLabel, BigDecimal points, String sourceType, String sourceId, String stage) {
  }

  /**
   * Books the entry unless its event is already booked, and returns the booked entry. The check
   * runs inside the caller's transaction; the unique event key stops a concurrent twin. The entry
   * is written at once, on the transaction's connection, beside the persistence context: the
   * ledger's rows are never changed once written.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public LedgerEntry book(Booking b, Instant at, ZoneId zone) {
    return book(b, at, at.atZone(zone).getYear());
  }

  /**
   * Books into a given assessment year, for an event that belongs to a period already over. A
   * published year is closed (R20): the entry then counts in the year it is booked in, and says so.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public LedgerEntry book(Booking b, Instant at, int year, ZoneId zone) {
    int bookedYear = at.atZone(zone).getYear();
    boolean closed = year != bookedYear && closedYears.existsById(year);
    return book(closed ? new Booking(b.eventKey(), b.subjectType(), b.subjectId(), b.rule(), b.ruleRef(),
        b.ruleLabel() + "（" + year + "年度考核已发布，计入" + bookedYear + "年度）", b.points(), b.sourceType(),
        b.sourceId(), b.stage()) : b, at, closed ? bookedYear : year);
  }

  private LedgerEntry book(Booking b, Instant at, int year) {
    LedgerEntry entry = entry(b, at, year);
    // one statement books the event unless it is booked: a look-up first and the entity's insert
    // cost an escalation two round trips per entry and a good part of its CPU
    KeyHolder key = new GeneratedKeyHolder();
    int booked = jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"});
      bind(insert, entry, at);
      return insert;
    }, key);
    return booked == 0 ? entries.findByEventKey(b.eventKey()).orElseThrow() : entry.booked(key.getKey().longValue());
  }

  /**
   * Books the entries of one event (one for each party it counts for), each unless it is booked,
   * in one round trip (none for an event that books nobody); returns how many were booked.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int bookAll(List<Booking> bookings, Instant at, ZoneId zone) {
    if (bookings.isEmpty()) {
      return 0;
    }
    int year = at.atZone(zone).getYear();
    List<LedgerEntry> made = bookings.stream().map(b -> entry(b, at, year)).toList();
    int[] booked = jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement insert, int i) throws SQLException {
        bind(insert, made.get(i), at);
      }

      @Override
      public int getBatchSize() {
        return made.size();
      }
    });
    // each statement's count, as PostgreSQL's and H2's drivers report them: 1 booked, 0 booked before
    return (int) Arrays.stream(booked).filter(n -> n > 0).count();
  }

  private static LedgerEntry entry(Booking b, Instant at, int year) {
    return new LedgerEntry(b.eventKey(), year, b.subjectType(), b.subjectId(), b.rule(), b.ruleRef(), b.ruleLabel(),
        b.points(), b.sourceType(), b.sourceId(), b.stage(), at);
  }

  private static void bind(PreparedStatement insert, LedgerEntry entry, Instant at) throws SQLException {
    Object[] values = {entry.getEventKey(), entry.getYear(), entry.getSubjectType().name(), entry.getSubjectId(),
        entry.getRule(), entry.getRuleRef(), entry.getRuleLabel(), entry.getPoints(), entry.getSourceType(),
        entry.getSourceId(), entry.getStage(), at.atOffset(ZoneOffset.UTC), entry.getEventKey()};
    for (int i = 0; i < values.length; i++) {
      insert.setObject(i + 1, values[i]);
    }
  }

  /** A year's assessment is published: the year takes no more entries (once closed, always closed). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void close(int year, Instant at, String by) {
    if (!closedYears.existsById(year)) {
      closedYears.saveAndFlush(new ClosedYear(year, at, by));
    }
  }

  @Transactional(readOnly = true)
  public boolean isClosed(int year) {
    return closedYears.existsById(year);
  }

  /** A year's entries of one kind of source, e.g. every case event's (the rule preview re-evaluates them). */
  @Transactional(readOnly = true)
  public List<LedgerEntry> ofYear(int year, String sourceType) {
    return entries.findByYearAndSourceTypeOrderById(year, sourceType);
  }

  @Transactional(readOnly = true)
  public List<LedgerEntry> ofSource(String sourceType, String sourceId) {
    return entries.findBySourceTypeAndSourceIdOrderById(sourceType, sourceId);
  }
}
