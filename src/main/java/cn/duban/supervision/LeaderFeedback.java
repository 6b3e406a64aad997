package cn.duban.supervision;

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
 * R28: what the instructing leader is told of one step of the case he instructed (registered,
 * signed for, returned, reassigned, a progress report, a notice, an extension, closure). The leader reads them on his
 * list and the case's feedback sheet; {@link #notifiedAt} is for a sender of messages (R33) to
 * mark what it sent. One row per step: its key is unique within the case (principle 5).
 */
@Entity
@Table(name = "leader_feedback", uniqueConstraints = @UniqueConstraint(columnNames = {"case_id", "step_key"}))
public class LeaderFeedback {

  /** The steps a leader is told of. */
  public enum Step {
    REGISTERED("立项"),
    SIGNED_FOR("签收"),
    RETURNED("退办"),
    RETURN_DECIDED("退办审定"),
    REASSIGNED("改派"),
    PROGRESS("进展报告"),
    YELLOW_NOTICE("限期催办（黄牌）"),
    RED_NOTICE("限期具结（红牌）"),
    EXTENSION_REQUESTED("延期申请"),
    EXTENSION_DECIDED("延期审批"),
    CLOSURE_SUBMITTED("报送办结"),
    CLOSURE_REJECTED("验收退回"),
    CLOSED("办结"),
    ACCOUNTABILITY("启动问责"),
    WITHDRAWN("撤销立项"),
    FEEDBACK_SHEET("督办反馈单");

    private final String label;

    Step(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private Long caseId;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  /** The instructing leader (person id). */
  @Column(nullable = false)
  private String leader;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Step step;

  @Column(name = "step_key", nullable = false)
  private String stepKey;

  @Column(name = "happened_at", nullable = false)
  private Instant happenedAt;

  @Column(nullable = false, length = 4000)
  private String message;

  @Column(name = "notified_at")
  private Instant notifiedAt;

  protected LeaderFeedback() {
  }

  LeaderFeedback(SupervisionCase c, Step step, String stepKey, Instant happenedAt, String message) {
    this.caseId = c.getId();
    this.caseNumber = c.getCaseNumber();
    this.leader = c.getInstruction().getLeader();
    this.step = step;
    this.stepKey = stepKey;
    this.happenedAt = happenedAt;
    this.message = message.length() > 4000 ? message.substring(0, 3998) + "……" : message;
  }

  /** A sender of messages marks the entry sent. */
  public void notified(Instant at) {
    if (notifiedAt == null) {
      notifiedAt = at;
    }
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public String getCaseNumber() { return caseNumber; }
  public String getLeader() { return leader; }
  public Step getStep() { return step; }
  public String getStepLabel() { return step.label(); }
  public String getStepKey() { return stepKey; }
  public Instant getHappenedAt() { return happenedAt; }
  public String getMessage() { return message; }
  public Instant getNotifiedAt() { return notifiedAt; }
}
