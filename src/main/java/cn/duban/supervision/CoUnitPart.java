package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * R31: a co-unit's part of the case (协办事项): the limit the lead unit set at sign-for, what the
 * co-unit reported, and at closure the lead unit's account of its contribution and its rating.
 */
@Entity
@Table(name = "case_co_unit_part")
public class CoUnitPart {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  /**
   * R25: the deadline the default limit was counted back from, in working days; null when the lead
   * unit chose the limit, which a holiday table does not move.
   */
  @Column(name = "counted_from")
  private Instant countedFrom;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(length = 2000)
  private String report;

  @Column(length = 2000)
  private String contribution;

  @Enumerated(EnumType.STRING)
  private CoUnitRating rating;

  @Column(name = "rated_at")
  private Instant ratedAt;

  @Column(name = "rated_by")
  private String ratedBy;

  protected CoUnitPart() {
  }

  CoUnitPart(String unitCode, Instant dueAt, Instant countedFrom) {
    this.unitCode = unitCode;
    this.dueAt = dueAt;
    this.countedFrom = countedFrom;
  }

  void due(Instant at, Instant countedFrom) {
    this.dueAt = at;
    this.countedFrom = countedFrom;
  }

  /** R25: the default limit counted again (a holiday table arrived or changed). */
  void retimed(Instant at) {
    this.dueAt = at;
  }

  void reported(Instant at, String by, String text) {
    this.reportedAt = at;
    this.reportedBy = by;
    this.report = text;
  }

  void rated(String contribution, CoUnitRating rating, Instant at, String by) {
    this.contribution = contribution;
    this.rating = rating;
    this.ratedAt = at;
    this.ratedBy = by;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getUnitCode() { return unitCode; }
  public Instant getDueAt() { return dueAt; }
  public Instant getCountedFrom() { return countedFrom; }
  public Instant getReportedAt() { return reportedAt; }
  public String getReportedBy() { return reportedBy; }
  public String getReport() { return report; }
  public String getContribution() { return contribution; }
  public CoUnitRating getRating() { return rating; }
  public Instant getRatedAt() { return ratedAt; }
  public String getRatedBy() { return ratedBy; }
}
