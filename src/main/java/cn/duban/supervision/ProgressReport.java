package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** R3: a progress report of the lead unit, periodic or on a milestone. */
@Entity
@Table(name = "case_progress_report")
public class ProgressReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(nullable = false, length = 4000)
  private String content;

  @Column(name = "milestone_id")
  private Long milestoneId;

  protected ProgressReport() {
  }

  ProgressReport(Instant reportedAt, String reportedBy, String content, Long milestoneId) {
    this.reportedAt = reportedAt;
    this.reportedBy = reportedBy;
    this.content = content;
    this.milestoneId = milestoneId;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Instant getReportedAt() { return reportedAt; }
  public String getReportedBy() { return reportedBy; }
  public String getContent() { return content; }
  public Long getMilestoneId() { return milestoneId; }
}
