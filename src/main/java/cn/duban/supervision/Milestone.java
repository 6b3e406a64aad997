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

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
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

  Milestone(int sequence, String name, LocalDate dueDate) {
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

  public Instant getCheckedAt() { return checkedAt; }

  /** The first report that names the milestone counts. */
  void reported(Instant at) {
    if (reportedAt == null) {
      reportedAt = at;
    }
  }

  void checked(Instant at) {
    checkedAt = at;
  }

}
