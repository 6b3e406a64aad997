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

/** R7: a closure report (具结) and its checklist acceptance (照单验收). */
@Entity
@Table(name = "case_closure_report")
public class ClosureReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
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

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  /** Why it was rejected. */
  @Column(length = 2000)
  private String reasons;

  /** The checklist items the reviewer found met, one a line. */
  @Column(name = "checklist_met", length = 4000)
  private String checklistMet;

  @Column(name = "exceeds_standard", nullable = false)
  private boolean exceedsStandard;

  protected ClosureReport() {
  }

  public ClosureReport(Long caseId, Instant submittedAt, String submittedBy, String report, String evidence) {
    this.caseId = caseId;
    this.submittedAt = submittedAt;
    this.submittedBy = submittedBy;
    this.report = report;
    this.evidence = evidence;
  }

  public void review(ReviewDecision decision, Instant at, String by, String reasons, String checklistMet,
      boolean exceedsStandard) {
    this.decision = decision;
    this.reviewedAt = at;
    this.reviewedBy = by;
    this.reasons = reasons;
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
  public Instant getReviewedAt() { return reviewedAt; }
  public String getReviewedBy() { return reviewedBy; }
  public String getReasons() { return reasons; }
  public String getChecklistMet() { return checklistMet; }
  public boolean isExceedsStandard() { return exceedsStandard; }
}
