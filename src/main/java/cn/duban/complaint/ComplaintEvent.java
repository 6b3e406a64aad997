package cn.duban.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * What happened to a complaint's handling on the clock: the reminder, the urging notice
 * (催办通知书), the circulated criticism, the transfer notice. One of each kind per complaint.
 */
@Entity
@Table(name = "complaint_event", uniqueConstraints = @UniqueConstraint(columnNames = {"complaint_id", "kind"}))
public class ComplaintEvent {

  public enum Kind {
    REMINDER("到期提醒"),
    URGING_NOTICE("催办通知书"),
    CIRCULATED_CRITICISM("通报批评"),
    TRANSFER_NOTICE("转办告知");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "complaint_id", nullable = false)
  private Long complaintId;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "addressee")
  private String addressee;

  @Column(nullable = false, length = 2000)
  private String text;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected ComplaintEvent() {
  }

  public ComplaintEvent(Long complaintId, Kind kind, String addressee, String text, Instant occurredAt) {
    this.complaintId = complaintId;
    this.kind = kind;
    this.addressee = addressee;
    this.text = text;
    this.occurredAt = occurredAt;
  }

  public Long getId() { return id; }
  public Long getComplaintId() { return complaintId; }
  public Kind getKind() { return kind; }
  public String getAddressee() { return addressee; }
  public String getText() { return text; }
  public Instant getOccurredAt() { return occurredAt; }
}
