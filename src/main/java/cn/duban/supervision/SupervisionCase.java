package cn.duban.supervision;

import cn.duban.organization.Groups;
import cn.duban.organization.InstanceViewers;
import cn.duban.organization.Viewer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** 督查事项: a supervised item, from registration to closure or withdrawal. */
@Entity
@Table(name = "supervision_case")
public class SupervisionCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version
  private long version;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  @Column(name = "case_year", nullable = false)
  private int year;

  @Column(name = "case_seq", nullable = false)
  private int sequence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseSource source;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false, length = 4000)
  private String content;

  @Column(name = "leader_in_charge", nullable = false)
  private String leaderInCharge;

  @Column(name = "lead_unit", nullable = false)
  private String leadUnit;

  /** Comma-separated unit codes. */
  @Column(name = "co_units", nullable = false)
  private String coUnits = "";

  @Column(name = "responsible_person", nullable = false)
  private String responsiblePerson;

  /** One quality standard a line (照单验收 checks each). */
  @Column(name = "quality_checklist", nullable = false, length = 4000)
  private String qualityChecklist;

  @Column(name = "original_deadline", nullable = false)
  private LocalDate originalDeadline;

  @Column(nullable = false)
  private LocalDate deadline;

  /** The moment the deadline runs out (end of the deadline day, or the demo clock). */
  @Column(name = "deadline_at", nullable = false)
  private Instant deadlineAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "initial_level", nullable = false)
  private WarningLevel initialLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "warning_level", nullable = false)
  private WarningLevel warningLevel;

  /** The limit of the current level: the deadline, then the yellow, then the red limit. */
  @Column(name = "stage_limit_at", nullable = false)
  private Instant stageLimitAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Column(name = "sign_for_days", nullable = false)
  private int signForDays;

  @Column(name = "yellow_days", nullable = false)
  private int yellowDays;

  @Column(name = "red_days", nullable = false)
  private int redDays;

  /** Working days between periodic progress reports; 0 for none. */
  @Column(name = "report_interval_days", nullable = false)
  private int reportIntervalDays;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "registered_by")
  private String registeredBy;

  @Column(name = "sign_for_due_at", nullable = false)
  private Instant signForDueAt;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "signed_by")
  private String signedBy;

  /** The last report checkpoint that was checked (periodic reports are due after it). */
  @Column(name = "last_checkpoint_at")
  private Instant lastCheckpointAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_on_time")
  private Boolean closedOnTime;

  @Column(name = "accountability_started_at")
  private Instant accountabilityStartedAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_by")
  private String withdrawnBy;

  @Column(name = "withdrawal_reason", length = 1000)
  private String withdrawalReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  /** R25: a limit the case waits on was counted across a year without an official holiday table. */
  @Column(name = "limits_provisional", nullable = false)
  private boolean limitsProvisional;

  protected SupervisionCase() {
  }

  public SupervisionCase(String caseNumber, int year, int sequence) {
    this.caseNumber = caseNumber;
    this.year = year;
    this.sequence = sequence;
    this.status = CaseStatus.REGISTERED;
  }

  /** The lead unit and the co-units. */
  public List<String> unitCodes() {
    List<String> all = new ArrayList<>(List.of(leadUnit));
    all.addAll(coUnitList());
    return all;
  }

  /** Who sees the case besides the overseeing offices: its units, its leader in charge, its responsible person. */
  public InstanceViewers viewers() {
    return new InstanceViewers(processInstanceId, unitCodes().stream().map(Groups::ofUnit).toList(),
        Stream.of(leaderInCharge, responsiblePerson).filter(Objects::nonNull).toList());
  }

  public boolean visibleTo(Viewer v) {
    return v.overseesAll() || unitCodes().stream().anyMatch(v::ofUnit)
        || v.userId().equals(leaderInCharge) || v.userId().equals(responsiblePerson);
  }

  public List<String> coUnitList() {
    return coUnits.isBlank() ? List.of() : Arrays.asList(coUnits.split(","));
  }

  public List<String> checklistItems() {
    return qualityChecklist.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public int getYear() { return year; }
  public int getSequence() { return sequence; }
  public CaseSource getSource() { return source; }
  public void setSource(CaseSource source) { this.source = source; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getContent() { return content; }
  public void setContent(String content) { this.content = content; }
  public String getLeaderInCharge() { return leaderInCharge; }
  public void setLeaderInCharge(String leaderInCharge) { this.leaderInCharge = leaderInCharge; }
  public String getLeadUnit() { return leadUnit; }
  public void setLeadUnit(String leadUnit) { this.leadUnit = leadUnit; }
  public String getCoUnits() { return coUnits; }
  public void setCoUnits(List<String> coUnits) { this.coUnits = String.join(",", coUnits); }
  public String getResponsiblePerson() { return responsiblePerson; }
  public void setResponsiblePerson(String responsiblePerson) { this.responsiblePerson = responsiblePerson; }
  public String getQualityChecklist() { return qualityChecklist; }
  public void setQualityChecklist(String qualityChecklist) { this.qualityChecklist = qualityChecklist; }
  public LocalDate getOriginalDeadline() { return originalDeadline; }
  public LocalDate getDeadline() { return deadline; }
  public Instant getDeadlineAt() { return deadlineAt; }

  public void setDeadline(LocalDate deadline, Instant deadlineAt) {
    if (this.originalDeadline == null) {
      this.originalDeadline = deadline;
    }
    this.deadline = deadline;
    this.deadlineAt = deadlineAt;
  }

  public WarningLevel getInitialLevel() { return initialLevel; }
  public void setInitialLevel(WarningLevel initialLevel) { this.initialLevel = initialLevel; }
  public WarningLevel getWarningLevel() { return warningLevel; }
  public void setWarningLevel(WarningLevel warningLevel) { this.warningLevel = warningLevel; }
  public Instant getStageLimitAt() { return stageLimitAt; }
  public void setStageLimitAt(Instant stageLimitAt) { this.stageLimitAt = stageLimitAt; }
  public CaseStatus getStatus() { return status; }
  public void setStatus(CaseStatus status) { this.status = status; }
  public int getSignForDays() { return signForDays; }
  public int getYellowDays() { return yellowDays; }
  public int getRedDays() { return redDays; }
  public int getReportIntervalDays() { return reportIntervalDays; }

  public void setLimits(int signForDays, int yellowDays, int redDays, int reportIntervalDays) {
    this.signForDays = signForDays;
    this.yellowDays = yellowDays;
    this.redDays = redDays;
    this.reportIntervalDays = reportIntervalDays;
  }

  public Instant getRegisteredAt() { return registeredAt; }
  public String getRegisteredBy() { return registeredBy; }

  public void setRegistered(Instant at, String by) {
    this.registeredAt = at;
    this.registeredBy = by;
  }

  public Instant getSignForDueAt() { return signForDueAt; }
  public void setSignForDueAt(Instant signForDueAt) { this.signForDueAt = signForDueAt; }
  public Instant getSignedAt() { return signedAt; }
  public String getSignedBy() { return signedBy; }

  public void setSigned(Instant at, String by) {
    this.signedAt = at;
    this.signedBy = by;
  }

  public Instant getLastCheckpointAt() { return lastCheckpointAt; }
  public void setLastCheckpointAt(Instant lastCheckpointAt) { this.lastCheckpointAt = lastCheckpointAt; }
  public Instant getClosedAt() { return closedAt; }
  public Boolean getClosedOnTime() { return closedOnTime; }

  public void setClosed(Instant at, boolean onTime) {
    this.closedAt = at;
    this.closedOnTime = onTime;
    this.status = CaseStatus.CLOSED;
  }

  public Instant getAccountabilityStartedAt() { return accountabilityStartedAt; }
  public void setAccountabilityStartedAt(Instant at) { this.accountabilityStartedAt = at; }
  public Instant getWithdrawnAt() { return withdrawnAt; }
  public String getWithdrawnBy() { return withdrawnBy; }
  public String getWithdrawalReason() { return withdrawalReason; }

  public void setWithdrawn(Instant at, String by, String reason) {
    this.withdrawnAt = at;
    this.withdrawnBy = by;
    this.withdrawalReason = reason;
    this.status = CaseStatus.WITHDRAWN;
  }

  public String getProcessInstanceId() { return processInstanceId; }
  public boolean isLimitsProvisional() { return limitsProvisional; }
  public void setLimitsProvisional(boolean limitsProvisional) { this.limitsProvisional = limitsProvisional; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
}
