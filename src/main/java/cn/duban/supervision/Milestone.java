package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 关键节点: a dated step of a case's schedule (定进度), reported on by a progress report. */
@Entity
@Table(name = "case_milestone")
public class Milestone {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Column(name = "seq", nullable = false)
  private int sequence;

  @Column(nullable = false)
  private String name;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "reported_at")
  private Instant reportedAt;

  /** Set when the milestone's checkpoint has been checked (reported or urged). */
  @Column(name = "checked_at")
  private Instant checkedAt;

  protected Milestone() {
  }

  public Milestone(Long caseId, int sequence, String name, LocalDate dueDate) {
    this.caseId = caseId;
    this.sequence = sequence;
    this.name = name;
    this.dueDate = dueDate;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public int getSequence() { return sequence; }
  public String getName() { return name; }
  public LocalDate getDueDate() { return dueDate; }
  public Instant getReportedAt() { return reportedAt; }
  public void setReportedAt(Instant reportedAt) { this.reportedAt = reportedAt; }
  public Instant getCheckedAt() { return checkedAt; }
  public void setCheckedAt(Instant checkedAt) { this.checkedAt = checkedAt; }
}
