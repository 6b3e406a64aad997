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
 * R28: a 督办反馈单 to the instructing leader: the instruction, what was done, the state, the next
 * step, as they stood when it was issued (at closure, or on the supervision office's demand). Its
 * page is made from these fields and does not change afterwards.
 */
@Entity
@Table(name = "feedback_sheet", uniqueConstraints = @UniqueConstraint(columnNames = {"case_id", "seq"}))
public class FeedbackSheet {

  /** Why a sheet was issued. */
  public enum Occasion {
    CLOSURE("办结反馈"),
    ON_DEMAND("阶段反馈");

    private final String label;

    Occasion(String label) {
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

  /** 1, 2, …: the sheets of one case in the order issued (第N期). */
  @Column(name = "seq", nullable = false)
  private int sequence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Occasion occasion;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "issued_by")
  private String issuedBy;

  /** The leader as the sheet addresses him: 赵振邦县长. */
  @Column(nullable = false)
  private String addressee;

  @Column(nullable = false, length = 4000)
  private String instruction;

  @Column(name = "work_done", nullable = false, length = 4000)
  private String workDone;

  @Column(name = "state_text", nullable = false, length = 1000)
  private String state;

  @Column(name = "next_step", nullable = false, length = 1000)
  private String nextStep;

  /** The lead unit as it was when the sheet was issued (a later reassignment leaves it); null on sheets issued before V17. */
  @Column(name = "lead_unit_name")
  private String leadUnitName;

  /** The responsible person as he was when the sheet was issued; null on sheets issued before V17. */
  @Column(name = "responsible_person_name")
  private String responsiblePersonName;

  protected FeedbackSheet() {
  }

  FeedbackSheet(Long caseId, int sequence, Occasion occasion, Instant issuedAt, String issuedBy, String addressee,
      String instruction, String leadUnitName, String responsiblePersonName, String workDone, String state,
      String nextStep) {
    this.caseId = caseId;
    this.sequence = sequence;
    this.occasion = occasion;
    this.issuedAt = issuedAt;
    this.issuedBy = issuedBy;
    this.addressee = addressee;
    this.instruction = cut(instruction, 4000);
    this.workDone = cut(workDone, 4000);
    this.state = cut(state, 1000);
    this.nextStep = cut(nextStep, 1000);
    this.leadUnitName = cut(leadUnitName, 255);
    this.responsiblePersonName = cut(responsiblePersonName, 255);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 2) + "……";
  }

  public Long getId() { return id; }
  public Long getCaseId() { return caseId; }
  public int getSequence() { return sequence; }
  public Occasion getOccasion() { return occasion; }
  public Instant getIssuedAt() { return issuedAt; }
  public String getIssuedBy() { return issuedBy; }
  public String getAddressee() { return addressee; }
  public String getInstruction() { return instruction; }
  public String getWorkDone() { return workDone; }
  public String getState() { return state; }
  public String getNextStep() { return nextStep; }
  public String getLeadUnitName() { return leadUnitName; }
  public String getResponsiblePersonName() { return responsiblePersonName; }
}
