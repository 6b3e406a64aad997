package cn.duban.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** R30: the case went from one lead unit to another (改派), after a return or by the office's decision. */
@Entity
@Table(name = "case_reassignment")
public class CaseReassignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The case it belongs to; written by the case's mapping of its children. */
  @Column(name = "case_id", insertable = false, updatable = false)
  private Long caseId;

  @Column(name = "reassigned_at", nullable = false)
  private Instant reassignedAt;

  @Column(name = "reassigned_by")
  private String reassignedBy;

  @Column(name = "from_unit", nullable = false)
  private String fromUnit;

  @Column(name = "to_unit", nullable = false)
  private String toUnit;

  @Column(name = "from_person", nullable = false)
  private String fromPerson;

  @Column(name = "to_person", nullable = false)
  private String toPerson;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Column(name = "previous_deadline", nullable = false)
  private LocalDate previousDeadline;

  @Column(name = "new_deadline", nullable = false)
  private LocalDate newDeadline;

  protected CaseReassignment() {
  }

  CaseReassignment(Instant reassignedAt, String reassignedBy, String fromUnit, String toUnit, String fromPerson,
      String toPerson, String reason, LocalDate previousDeadline, LocalDate newDeadline) {
    this.reassignedAt = reassignedAt;
    this.reassignedBy = reassignedBy;
    this.fromUnit = fromUnit;
    this.toUnit = toUnit;
    this.fromPerson = fromPerson;
    this.toPerson = toPerson;
    this.reason = reason;
    this.previousDeadline = previousDeadline;
    this.newDeadline = newDeadline;
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public Instant getReassignedAt() { return reassignedAt; }
  public String getReassignedBy() { return reassignedBy; }
  public String getFromUnit() { return fromUnit; }
  public String getToUnit() { return toUnit; }
  public String getFromPerson() { return fromPerson; }
  public String getToPerson() { return toPerson; }
  public String getReason() { return reason; }
  public LocalDate getPreviousDeadline() { return previousDeadline; }
  public LocalDate getNewDeadline() { return newDeadline; }
}
