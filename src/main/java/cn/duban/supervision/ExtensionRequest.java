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
import java.time.LocalDate;

/** R8: a unit's request to move its deadline, decided by the leader in charge. */
@Entity
@Table(name = "case_extension_request")
public class ExtensionRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "previous_deadline", nullable = false)
  private LocalDate previousDeadline;

  @Column(name = "requested_deadline", nullable = false)
  private LocalDate requestedDeadline;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReviewDecision decision = ReviewDecision.PENDING;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decision_comment", length = 2000)
  private String comment;

  protected ExtensionRequest() {
  }

  public ExtensionRequest(Long caseId, Instant requestedAt, String requestedBy, LocalDate previousDeadline,
      LocalDate requestedDeadline, String reason) {
    this.caseId = caseId;
    this.requestedAt = requestedAt;
    this.requestedBy = requestedBy;
    this.previousDeadline = previousDeadline;
    this.requestedDeadline = requestedDeadline;
    this.reason = reason;
  }

  public void decide(ReviewDecision decision, Instant at, String by, String comment) {
    this.decision = decision;
    this.decidedAt = at;
    this.decidedBy = by;
    this.comment = comment;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getRequestedBy() { return requestedBy; }
  public LocalDate getPreviousDeadline() { return previousDeadline; }
  public LocalDate getRequestedDeadline() { return requestedDeadline; }
  public String getReason() { return reason; }
  public ReviewDecision getDecision() { return decision; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecidedBy() { return decidedBy; }
  public String getComment() { return comment; }
}
