package cn.duban.supervision;

import cn.duban.common.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** R7: a closure report (具结) and its checklist acceptance (照单验收). */
@Entity
@Table(name = "case_closure_report")
public class ClosureReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(nullable = false, length = 4000)
  private String report;

  @Column(length = 2000)
  private String evidence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReviewDecision decision = ReviewDecision.PENDING;

  /** Who reviewed it, when, and (rejected) why. */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "reviewed_by"))
  @AttributeOverride(name = "at", column = @Column(name = "reviewed_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "reasons", length = 2000))
  private Decision reviewed;

  /** The checklist items the reviewer found met, one a line. */
  @Column(name = "checklist_met", length = 4000)
  private String checklistMet;

  @Column(name = "exceeds_standard", nullable = false)
  private boolean exceedsStandard;

  protected ClosureReport() {
  }

  ClosureReport(Instant submittedAt, String submittedBy, String report, String evidence) {
    this.submittedAt = submittedAt;
    this.submittedBy = submittedBy;
    this.report = report;
    this.evidence = evidence;
  }

  void review(ReviewDecision decision, Decision reviewed, String checklistMet, boolean exceedsStandard) {
    this.decision = decision;
    this.reviewed = reviewed;
    this.checklistMet = checklistMet;
    this.exceedsStandard = exceedsStandard;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Instant getSubmittedAt() { return submittedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public String getReport() { return report; }
  public String getEvidence() { return evidence; }
  public ReviewDecision getDecision() { return decision; }
  /** Who reviewed it, when, and the reasons of a rejection; null while pending. */
  public Decision getReviewed() { return reviewed; }
  public String getChecklistMet() { return checklistMet; }
  public boolean isExceedsStandard() { return exceedsStandard; }
}
