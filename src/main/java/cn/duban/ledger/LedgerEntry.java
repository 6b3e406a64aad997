package cn.duban.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * R20: one bonus or deduction in the score ledger. {@code eventKey} names the event that booked it
 * (source, rule and subject); it is unique, so an event books once however often it is processed.
 */
@Entity
@Table(name = "score_ledger")
public class LedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_key", nullable = false, unique = true)
  private String eventKey;

  @Column(name = "score_year", nullable = false)
  private int year;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false)
  private SubjectType subjectType;

  @Column(name = "subject_id", nullable = false)
  private String subjectId;

  /** The rule's code, e.g. YELLOW_NOTICE. */
  @Column(name = "rule_code", nullable = false)
  private String rule;

  /** The domain rule it applies, e.g. R4. */
  @Column(name = "rule_ref", nullable = false)
  private String ruleRef;

  @Column(name = "rule_label", nullable = false)
  private String ruleLabel;

  @Column(nullable = false, precision = 8, scale = 2)
  private BigDecimal points;

  @Column(name = "source_type", nullable = false)
  private String sourceType;

  @Column(name = "source_id", nullable = false)
  private String sourceId;

  /** Where the source stood when the entry was booked, e.g. the warning level. */
  @Column(nullable = false)
  private String stage;

  @Column(name = "booked_at", nullable = false)
  private Instant bookedAt;

  protected LedgerEntry() {
  }

  public LedgerEntry(String eventKey, int year, SubjectType subjectType, String subjectId, String rule, String ruleRef,
      String ruleLabel, BigDecimal points, String sourceType, String sourceId, String stage, Instant bookedAt) {
    this.eventKey = eventKey;
    this.year = year;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.rule = rule;
    this.ruleRef = ruleRef;
    this.ruleLabel = ruleLabel;
    this.points = points;
    this.sourceType = sourceType;
    this.sourceId = sourceId;
    this.stage = stage;
    this.bookedAt = bookedAt;
  }

  /** The entry as written by {@link Ledger}, with the key the database gave it. */
  LedgerEntry booked(long id) {
    this.id = id;
    return this;
  }

  public Long getId() { return id; }
  public String getEventKey() { return eventKey; }
  public int getYear() { return year; }
  public SubjectType getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getRule() { return rule; }
  public String getRuleRef() { return ruleRef; }
  public String getRuleLabel() { return ruleLabel; }
  public BigDecimal getPoints() { return points; }
  public String getSourceType() { return sourceType; }
  public String getSourceId() { return sourceId; }
  public String getStage() { return stage; }
  public Instant getBookedAt() { return bookedAt; }
}
