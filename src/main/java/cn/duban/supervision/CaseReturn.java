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

/** R30: a lead unit returned the case instead of signing for it (退办); the supervision office decides. */
@Entity
@Table(name = "case_return")
public class CaseReturn {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  /** The unit that returned it. */
  @Column(name = "lead_unit", nullable = false)
  private String leadUnit;

  @Column(name = "returned_at", nullable = false)
  private Instant returnedAt;

  @Column(name = "returned_by")
  private String returnedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnReason reason;

  @Column(name = "reason_text", length = 1000)
  private String reasonText;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReturnDecision decision = ReturnDecision.PENDING;

  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "decided_by"))
  @AttributeOverride(name = "at", column = @Column(name = "decided_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "decision_comment", length = 1000))
  private Decision decided;

  /** Found unjustified (推诿扯皮): a deduction was booked for it. */
  @Column(nullable = false)
  private boolean unjustified;

  protected CaseReturn() {
  }

  CaseReturn(String leadUnit, Instant returnedAt, String returnedBy, ReturnReason reason, String reasonText) {
    this.leadUnit = leadUnit;
    this.returnedAt = returnedAt;
    this.returnedBy = returnedBy;
    this.reason = reason;
    this.reasonText = reasonText;
  }

  void decide(ReturnDecision decision, Decision decided, boolean unjustified) {
    this.decision = decision;
    this.decided = decided;
    this.unjustified = unjustified;
  }

  boolean pending() {
    return decision == ReturnDecision.PENDING;
  }

  /** The reason as people read it: the label, and the text given with it. */
  public String reasonDescription() {
    return reasonText == null || reasonText.isBlank() ? reason.label()
        : reason == ReturnReason.OTHER ? reasonText : reason.label() + "：" + reasonText;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getLeadUnit() { return leadUnit; }
  public Instant getReturnedAt() { return returnedAt; }
  public String getReturnedBy() { return returnedBy; }
  public ReturnReason getReason() { return reason; }
  public String getReasonText() { return reasonText; }
  public ReturnDecision getDecision() { return decision; }
  /** Who decided, when, with what comment; null while pending. */
  public Decision getDecided() { return decided; }
  public boolean isUnjustified() { return unjustified; }
}
