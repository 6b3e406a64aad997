package cn.duban.accountability;

import cn.duban.organization.Groups;
import cn.duban.organization.InstanceViewers;
import cn.duban.common.Decision;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.Objects;
import java.util.List;
import java.util.ArrayList;

import cn.duban.organization.SubjectKind;
/**
 * One accountability procedure against one subject, from its opening to its final measure (R11,
 * R14). Once final or revoked the record does not change: every mutator refuses.
 */
@Entity
@Table(name = "accountability_record")
public class AccountabilityRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "process_instance_id", nullable = false, unique = true)
  private String processInstanceId;

  /** R12: the procedure whose upward trace opened this one. */
  @Column(name = "parent_id")
  private Long parentId;

  /** 0 for the original subject, 1 for the leader in charge, 2 for the principal leader. */
  @Column(name = "trace_level", nullable = false)
  private int traceLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false)
  private SubjectKind subjectType;

  @Column(name = "subject_id", nullable = false)
  private String subjectId;

  @Column(name = "subject_name", nullable = false)
  private String subjectName;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_code", nullable = false)
  private Trigger trigger;

  @Column(name = "source_case")
  private String sourceCase;

  @Column(name = "source_title")
  private String sourceTitle;

  @Column(nullable = false, length = 2000)
  private String description;

  @Column(name = "record_year", nullable = false)
  private int year;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "opened_by")
  private String openedBy;

  /** The source case's leader in charge, when there is a case. */
  @Column(name = "case_leader")
  private String caseLeader;

  /** Who approves the measure: a leader, or null when the approving group decides. */
  @Column(name = "competent_leader")
  private String competentLeader;

  @Enumerated(EnumType.STRING)
  private Severity severity;

  @Column(name = "direct_responsibility")
  private Boolean directResponsibility;

  /** Who assessed the fault, when, and the facts found. */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "assessed_by"))
  @AttributeOverride(name = "at", column = @Column(name = "assessed_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "facts", length = 4000))
  private Decision assessed;

  @Enumerated(EnumType.STRING)
  @Column(name = "proposed_measure")
  private Measure proposedMeasure;

  @Column(name = "to_discipline", nullable = false)
  private boolean toDiscipline;

  @Enumerated(EnumType.STRING)
  private Sanction sanction;

  /** Who decided the sanction, when, and why (discipline inspection). */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "sanction_by"))
  @AttributeOverride(name = "at", column = @Column(name = "sanction_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "sanction_reason", length = 2000))
  private Decision sanctioned;

  @Enumerated(EnumType.STRING)
  @Column(name = "approved_measure")
  private Measure approvedMeasure;

  /** Who approved the measure, when, and why it was changed if it was. */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "approved_by"))
  @AttributeOverride(name = "at", column = @Column(name = "approved_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "change_reason", length = 2000))
  private Decision approved;

  @Column(name = "notice_text", length = 4000)
  private String noticeText;

  @Column(name = "notified_at")
  private Instant notifiedAt;

  @Column(name = "appeal_deadline_at")
  private Instant appealDeadlineAt;

  @Column(name = "appeal_reason", length = 2000)
  private String appealReason;

  @Column(name = "appealed_at")
  private Instant appealedAt;

  @Column(name = "appeal_upheld")
  private Boolean appealUpheld;

  /** Who reviewed the appeal, when, and the review. */
  @Embedded
  @AttributeOverride(name = "by", column = @Column(name = "appeal_reviewed_by"))
  @AttributeOverride(name = "at", column = @Column(name = "appeal_reviewed_at"))
  @AttributeOverride(name = "comment", column = @Column(name = "appeal_review", length = 2000))
  private Decision appealReviewed;

  /** The measure an upheld appeal put in place of the approved one. */
  @Enumerated(EnumType.STRING)
  @Column(name = "revised_measure")
  private Measure revisedMeasure;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AccountabilityStatus status = AccountabilityStatus.OPEN;

  @Enumerated(EnumType.STRING)
  @Column(name = "final_measure")
  private Measure finalMeasure;

  @Enumerated(EnumType.STRING)
  @Column(name = "final_sanction")
  private Sanction finalSanction;

  @Column(name = "final_at")
  private Instant finalAt;

  /** R13: the head of a unit under rectification, who may not be transferred or promoted meanwhile. */
  @Column(name = "rectifying_head")
  private String rectifyingHead;

  @Column(name = "rectification_report", length = 4000)
  private String rectificationReport;

  @Column(name = "rectification_accepted_at")
  private Instant rectificationAcceptedAt;

  protected AccountabilityRecord() {
  }

  public AccountabilityRecord(String processInstanceId, Long parentId, int traceLevel, SubjectKind subjectType,
      String subjectId, String subjectName, Trigger trigger, String sourceCase, String sourceTitle, String description,
      int year, Instant openedAt, String openedBy, String caseLeader, String competentLeader) {
    this.processInstanceId = processInstanceId;
    this.parentId = parentId;
    this.traceLevel = traceLevel;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.subjectName = subjectName;
    this.trigger = trigger;
    this.sourceCase = sourceCase;
    this.sourceTitle = sourceTitle;
    this.description = description;
    this.year = year;
    this.openedAt = openedAt;
    this.openedBy = openedBy;
    this.caseLeader = caseLeader;
    this.competentLeader = competentLeader;
  }

  private void requireUndecided() {
    if (status == AccountabilityStatus.FINAL || status == AccountabilityStatus.REVOKED) {
      throw new IllegalStateException("accountability record " + id + " is " + status + " and cannot change");
    }
  }

  /** {@code assessed}: who, when, and the facts found. */
  public void assess(Severity severity, boolean directResponsibility, Decision assessed) {
    requireUndecided();
    this.severity = severity;
    this.directResponsibility = directResponsibility;
    this.assessed = assessed;
  }

  public void propose(Measure measure, boolean toDiscipline) {
    requireUndecided();
    this.proposedMeasure = measure;
    this.toDiscipline = toDiscipline;
    this.status = AccountabilityStatus.PROPOSED;
  }

  public void sanction(Sanction sanction, Decision sanctioned) {
    requireUndecided();
    this.sanction = sanction;
    this.sanctioned = sanctioned;
  }

  /** {@code approved}: who, when, and (a changed measure) why. */
  public void approve(Measure measure, Decision approved) {
    requireUndecided();
    this.approvedMeasure = measure;
    this.approved = approved;
  }

  public void notifySubject(String text, Instant at, Instant appealDeadline) {
    requireUndecided();
    this.noticeText = text;
    this.notifiedAt = at;
    this.appealDeadlineAt = appealDeadline;
    this.status = AccountabilityStatus.NOTIFIED;
  }

  /** R25: the appeal window counted again (a holiday table arrived); the notice states the new date. */
  public void retimeAppeal(Instant appealDeadline, String text) {
    if (status != AccountabilityStatus.NOTIFIED) {
      throw new IllegalStateException("the appeal window of " + processInstanceId + " is not open");
    }
    this.appealDeadlineAt = appealDeadline;
    this.noticeText = text;
  }

  public void appeal(String reason, Instant at) {
    requireUndecided();
    this.appealReason = reason;
    this.appealedAt = at;
    this.status = AccountabilityStatus.APPEALED;
  }

  public void reviewAppeal(boolean upheld, Measure revisedMeasure, Decision reviewed) {
    requireUndecided();
    this.appealUpheld = upheld;
    this.revisedMeasure = revisedMeasure;
    this.appealReviewed = reviewed;
  }

  /** The measure takes effect; from now on the record is immutable (but for the rectification). */
  public void makeFinal(Measure measure, Sanction sanction, Instant at, String rectifyingHead) {
    requireUndecided();
    this.finalMeasure = measure;
    this.finalSanction = sanction == Sanction.NONE ? null : sanction;
    this.finalAt = at;
    this.rectifyingHead = rectifyingHead;
    this.status = AccountabilityStatus.FINAL;
  }

  public void revoke(Instant at) {
    requireUndecided();
    this.finalAt = at;
    this.status = AccountabilityStatus.REVOKED;
  }

  /** R13: the rectification is the one part of a final unit measure that still moves. */
  public void reportRectification(String report) {
    if (status != AccountabilityStatus.FINAL || rectifyingHead == null) {
      throw new IllegalStateException("no rectification is due on accountability record " + id);
    }
    this.rectificationReport = report;
  }

  public void acceptRectification(Instant at) {
    if (status != AccountabilityStatus.FINAL || rectifyingHead == null) {
      throw new IllegalStateException("no rectification is due on accountability record " + id);
    }
    this.rectificationAcceptedAt = at;
  }

  public boolean underRectification() {
    return status == AccountabilityStatus.FINAL && rectifyingHead != null && rectificationAcceptedAt == null;
  }

  public Long getId() { return id; }
  public String getProcessInstanceId() { return processInstanceId; }
  public Long getParentId() { return parentId; }
  public int getTraceLevel() { return traceLevel; }
  /** Who sees the procedure besides the overseeing offices: its subject (a unit's handlers, or the person) and its leaders. */
  public InstanceViewers viewers() {
    List<String> users = new ArrayList<>();
    if (subjectType == SubjectKind.PERSON) {
      users.add(subjectId);
    }
    Stream.of(caseLeader, competentLeader).filter(Objects::nonNull).forEach(users::add);
    return new InstanceViewers("accountability", processInstanceId,
        subjectType == SubjectKind.UNIT ? List.of(Groups.ofUnit(subjectId)) : List.of(), users);
  }

  public SubjectKind getSubjectType() { return subjectType; }
  public String getSubjectId() { return subjectId; }
  public String getSubjectName() { return subjectName; }
  public Trigger getTrigger() { return trigger; }
  public String getSourceCase() { return sourceCase; }
  public String getSourceTitle() { return sourceTitle; }
  public String getDescription() { return description; }
  public int getYear() { return year; }
  public Instant getOpenedAt() { return openedAt; }
  public String getOpenedBy() { return openedBy; }
  public String getCaseLeader() { return caseLeader; }
  public String getCompetentLeader() { return competentLeader; }
  public Severity getSeverity() { return severity; }
  public Boolean getDirectResponsibility() { return directResponsibility; }
  public Measure getProposedMeasure() { return proposedMeasure; }
  public boolean isToDiscipline() { return toDiscipline; }
  public Sanction getSanction() { return sanction; }
  public Measure getApprovedMeasure() { return approvedMeasure; }
  public String getNoticeText() { return noticeText; }
  public Instant getNotifiedAt() { return notifiedAt; }
  public Instant getAppealDeadlineAt() { return appealDeadlineAt; }
  public String getAppealReason() { return appealReason; }
  public Instant getAppealedAt() { return appealedAt; }
  public Boolean getAppealUpheld() { return appealUpheld; }
  public Measure getRevisedMeasure() { return revisedMeasure; }
  public AccountabilityStatus getStatus() { return status; }
  public Measure getFinalMeasure() { return finalMeasure; }
  public Sanction getFinalSanction() { return finalSanction; }
  public Instant getFinalAt() { return finalAt; }
  public Decision getAssessed() { return assessed; }
  public Decision getSanctioned() { return sanctioned; }
  public Decision getApproved() { return approved; }
  public Decision getAppealReviewed() { return appealReviewed; }
  public String getRectifyingHead() { return rectifyingHead; }
  public String getRectificationReport() { return rectificationReport; }
  public Instant getRectificationAcceptedAt() { return rectificationAcceptedAt; }
}
