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

/** 催办: what the supervision office did to urge a unit, and with what result. One per task. */
@Entity
@Table(name = "case_urging")
public class UrgingRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  /** The urging task's activity instance: a task's outcome is recorded once. */
  @Column(name = "activity_instance_id", nullable = false, unique = true)
  private String activityInstanceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UrgingReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UrgingMethod method;

  @Column(nullable = false, length = 2000)
  private String outcome;

  /** For interviews: whether it cured the slow progress. */
  private Boolean effective;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by")
  private String recordedBy;

  protected UrgingRecord() {
  }

  UrgingRecord(String activityInstanceId, UrgingReason reason, UrgingMethod method, String outcome,
      Boolean effective, Instant recordedAt, String recordedBy) {
    this.activityInstanceId = activityInstanceId;
    this.reason = reason;
    this.method = method;
    this.outcome = outcome;
    this.effective = effective;
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getActivityInstanceId() { return activityInstanceId; }
  public UrgingReason getReason() { return reason; }
  public UrgingMethod getMethod() { return method; }
  public String getOutcome() { return outcome; }
  public Boolean getEffective() { return effective; }
  public Instant getRecordedAt() { return recordedAt; }
  public String getRecordedBy() { return recordedBy; }
}
