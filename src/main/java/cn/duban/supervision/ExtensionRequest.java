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
import java.time.LocalDate;

/** R8: a unit's request to move its deadline, decided by the leader in charge. */
@Entity
@Table(name = "case_extension_request")
public class ExtensionRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
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

  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "decided_by"))
  @AttributeOverride(name = "at", column = @Column(name = "decided_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "decision_comment", length = 2000))
  private Decision decided;

  protected ExtensionRequest() {
  }

  ExtensionRequest(Instant requestedAt, String requestedBy, LocalDate previousDeadline,
      LocalDate requestedDeadline, String reason) {
    this.requestedAt = requestedAt;
    this.requestedBy = requestedBy;
    this.previousDeadline = previousDeadline;
    this.requestedDeadline = requestedDeadline;
    this.reason = reason;
  }

  void decide(ReviewDecision decision, Decision decided) {
    this.decision = decision;
    this.decided = decided;
  }

  boolean pending() {
    return decision == ReviewDecision.PENDING;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Instant getRequestedAt() { return requestedAt; }
  public String getRequestedBy() { return requestedBy; }
  public LocalDate getPreviousDeadline() { return previousDeadline; }
  public LocalDate getRequestedDeadline() { return requestedDeadline; }
  public String getReason() { return reason; }
  public ReviewDecision getDecision() { return decision; }
  /** Who decided, when, with what comment; null while pending. */
  public Decision getDecided() { return decided; }
}
