package cn.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;

/** A person's score and grade in a year (R21), the reasons behind it, and what follows (R24, R27). */
@Entity
@Table(name = "assessment_person_result",
    uniqueConstraints = @UniqueConstraint(columnNames = {"assessment_year", "person_id"}))
public class PersonResult {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "assessment_year", nullable = false)
  private int year;

  @Column(name = "person_id", nullable = false)
  private String personId;

  @Column(name = "person_name", nullable = false)
  private String personName;

  @Column(name = "unit_code")
  private String unitCode;

  @Column(nullable = false, precision = 8, scale = 2)
  private BigDecimal score;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposed_grade", nullable = false)
  private Grade proposedGrade;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Grade grade;

  /** Why the grade is what it is: caps, quota, the grade table's rule. */
  @Column(nullable = false, length = 2000)
  private String reasons;

  @Column(name = "adjusted_by")
  private String adjustedBy;

  @Column(name = "adjust_reason", length = 2000)
  private String adjustReason;

  @Column(name = "front_line_days")
  private Integer frontLineDays;

  @Column(name = "front_line_target")
  private Integer frontLineTarget;

  /** R24: what the organisation did about a 基本称职 or 不称职 grade. */
  @Column(name = "follow_up_measure")
  private String followUpMeasure;

  @Column(name = "follow_up_note", length = 2000)
  private String followUpNote;

  /** R24: organisational talks two years running (or admonishment talks): rotation or demotion due. */
  @Column(name = "rotation_due", nullable = false)
  private boolean rotationDue;

  protected PersonResult() {
  }

  public PersonResult(int year, String personId, String personName, String unitCode, BigDecimal score, Grade grade,
      String reasons, Integer frontLineDays, Integer frontLineTarget, boolean rotationDue) {
    this.year = year;
    this.personId = personId;
    this.personName = personName;
    this.unitCode = unitCode;
    this.score = score;
    this.proposedGrade = grade;
    this.grade = grade;
    this.reasons = reasons;
    this.frontLineDays = frontLineDays;
    this.frontLineTarget = frontLineTarget;
    this.rotationDue = rotationDue;
  }

  public void limitTo(Grade grade, String reason) {
    this.proposedGrade = grade;
    this.grade = grade;
    this.reasons = reasons.isEmpty() ? reason : reasons + "；" + reason;
  }

  public void adjust(Grade grade, String reason, String by) {
    this.grade = grade;
    this.adjustReason = reason;
    this.adjustedBy = by;
  }

  public void followedUp(String measure, String note, boolean rotationDue) {
    this.followUpMeasure = measure;
    this.followUpNote = note;
    this.rotationDue = this.rotationDue || rotationDue;
  }

  public boolean frontLineShortfall() {
    return frontLineTarget != null && (frontLineDays == null ? 0 : frontLineDays) < frontLineTarget;
  }

  public Long getId() { return id; }
  public int getYear() { return year; }
  public String getPersonId() { return personId; }
  public String getPersonName() { return personName; }
  public String getUnitCode() { return unitCode; }
  public BigDecimal getScore() { return score; }
  public Grade getProposedGrade() { return proposedGrade; }
  public Grade getGrade() { return grade; }
  public String getReasons() { return reasons; }
  public String getAdjustedBy() { return adjustedBy; }
  public String getAdjustReason() { return adjustReason; }
  public Integer getFrontLineDays() { return frontLineDays; }
  public Integer getFrontLineTarget() { return frontLineTarget; }
  public String getFollowUpMeasure() { return followUpMeasure; }
  public String getFollowUpNote() { return followUpNote; }
  public boolean isRotationDue() { return rotationDue; }
}
