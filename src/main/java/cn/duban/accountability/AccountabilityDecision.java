package cn.duban.accountability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The decision of one accountability procedure against one subject (a unit or a person). One row
 * per process instance, opened when the procedure starts and completed by the decision.
 */
@Entity
@Table(name = "accountability_decision")
public class AccountabilityDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_instance_id", nullable = false, unique = true)
  private String processInstanceId;

  @Column(name = "subject_type", nullable = false)
  private String subjectType;

  @Column(name = "subject_id", nullable = false)
  private String subjectId;

  @Column(name = "subject_name", nullable = false)
  private String subjectName;

  /** Why accountability started, e.g. RED_LIMIT_LAPSED. */
  @Column(name = "trigger_code", nullable = false)
  private String trigger;

  @Column(name = "source_case")
  private String sourceCase;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(length = 2000)
  private String decision;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  protected AccountabilityDecision() {
  }

  public AccountabilityDecision(String processInstanceId, String subjectType, String subjectId, String subjectName,
      String trigger, String sourceCase, Instant openedAt) {
    this.processInstanceId = processInstanceId;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.subjectName = subjectName;
    this.trigger = trigger;
    this.sourceCase = sourceCase;
    this.openedAt = openedAt;
  }

  public void decide(String decision, Instant at, String by) {
    this.decision = decision;
    this.decidedAt = at;
    this.decidedBy = by;
  }

  public Long getId() { return id; }
  public String getProcessInstanceId() { return processInstanceId; }
  public String getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getSubjectName() { return subjectName; }
  public String getTrigger() { return trigger; }
  public String getSourceCase() { return sourceCase; }
  public Instant getOpenedAt() { return openedAt; }
  public String getDecision() { return decision; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecidedBy() { return decidedBy; }
}
