package cn.duban.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** An issued notice. A case has at most one notice of each kind (principle 5, docs/architecture.md). */
@Entity
@Table(name = "case_notice", uniqueConstraints = @UniqueConstraint(columnNames = {"case_id", "kind"}))
public class Notice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NoticeKind kind;

  @Column(name = "addressee_unit", nullable = false)
  private String addresseeUnit;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  /** The limit the notice sets. */
  @Column(name = "limit_at", nullable = false)
  private Instant limitAt;

  /** True when issued because a limit lapsed, false when an item was registered at this level. */
  @Column(nullable = false)
  private boolean escalated;

  @Embedded
  private NoticeFields fields;

  /**
   * The whole notice as plain text, written from {@link #fields} when issued: kept for the record
   * and for API clients that read it, never parsed back.
   */
  @Column(nullable = false)
  private String body;

  /** R25: the limit was counted across a year without an official holiday table. */
  @Column(nullable = false)
  private boolean provisional;

  protected Notice() {
  }

  public Notice(Long caseId, String caseNumber, NoticeKind kind, String addresseeUnit, Instant issuedAt,
      Instant limitAt, boolean escalated, boolean provisional, NoticeFields fields, String body) {
    this.caseId = caseId;
    this.caseNumber = caseNumber;
    this.kind = kind;
    this.addresseeUnit = addresseeUnit;
    this.issuedAt = issuedAt;
    this.limitAt = limitAt;
    this.escalated = escalated;
    this.provisional = provisional;
    this.fields = fields;
    this.body = body;
  }

  /** R25: the limit counted again once the year's holiday table arrived; the notice states the new date. */
  void relimit(Instant limitAt, boolean provisional, NoticeFields fields, String body) {
    this.limitAt = limitAt;
    this.provisional = provisional;
    this.fields = fields;
    this.body = body;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getCaseNumber() { return caseNumber; }
  public NoticeKind getKind() { return kind; }
  public String getAddresseeUnit() { return addresseeUnit; }
  public Instant getIssuedAt() { return issuedAt; }
  public Instant getLimitAt() { return limitAt; }
  public boolean isEscalated() { return escalated; }
  public NoticeFields getFields() { return fields; }
  public String getBody() { return body; }
  public boolean isProvisional() { return provisional; }
}
