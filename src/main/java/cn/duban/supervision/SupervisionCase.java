package cn.duban.supervision;

import cn.duban.common.Decision;
import cn.duban.common.InputException;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.organization.Groups;
import cn.duban.organization.InstanceViewers;
import cn.duban.organization.Subject;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * 督查事项: a supervised item from registration to closure or withdrawal, with its record: the
 * milestones, progress reports, urgings, extension requests and closure reports are its parts,
 * added and decided only through it. The rules that change its state (signing for, escalating,
 * extending, closing, withdrawing) are its methods; what needs the calendar or the organisation
 * (limits in working days, who may be responsible) is worked out by {@link SupervisionService} and
 * handed in.
 */
@Entity
@Table(name = "supervision_case")
public class SupervisionCase {

  /** The process that works on a case, supervision-case.bpmn. */
  public static final String PROCESS_KEY = "supervision-case";

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

  /** R30: comma-separated codes of the units that led the case before a reassignment. */
  @Column(name = "former_lead_units", nullable = false)
  private String formerLeadUnits = "";

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

  /** R28: the leader's instruction the case comes from; null unless its source is 领导批示. */
  @Embedded
  private Instruction instruction;

  // a case's records never move to another case: their key is written with them, never updated
  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("sequence")
  private List<Milestone> milestones = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("reportedAt, id")
  private List<ProgressReport> progressReports = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("recordedAt, id")
  private List<UrgingRecord> urgings = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("requestedAt, id")
  private List<ExtensionRequest> extensionRequests = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("submittedAt, id")
  private List<ClosureReport> closureReports = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("returnedAt, id")
  private List<CaseReturn> returns = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  @OrderBy("reassignedAt, id")
  private List<CaseReassignment> reassignments = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false)
  @OrderBy("id")
  private List<CoUnitPart> coUnitParts = new ArrayList<>();

  /**
   * The notices of this case already looked up through this instance, that is within one
   * transaction: a step that issues or re-times a notice counts the stage's limit several times,
   * and each count asked the database for the same notice again.
   */
  @Transient
  private final Map<NoticeKind, Optional<Notice>> noticesSeen = new EnumMap<>(NoticeKind.class);

  protected SupervisionCase() {
  }

  /** The case's notice of a kind: looked up once while this instance is in use, then remembered. */
  Optional<Notice> notice(NoticeKind kind, Supplier<Optional<Notice>> lookup) {
    return noticesSeen.computeIfAbsent(kind, k -> lookup.get());
  }

  /** A notice just issued or found by issuing: later lookups through this instance find it. */
  Notice noticed(Notice notice) {
    noticesSeen.put(notice.getKind(), Optional.of(notice));
    return notice;
  }

  /** A case's limits in working days (R2–R5), as registered. */
  public record Limits(int signForDays, int yellowDays, int redDays, int reportIntervalDays) {
  }

  /** A milestone as registered: its name and date (定进度). */
  public record PlannedMilestone(String name, LocalDate date) {
  }

  /** What registration (R1) establishes, checked by {@link SupervisionService#register}. */
  public record Terms(CaseSource source, String title, String content, String leaderInCharge, String leadUnit,
      List<String> coUnits, String responsiblePerson, String qualityChecklist, LocalDate deadline, Instant deadlineAt,
      WarningLevel initialLevel, Limits limits, List<PlannedMilestone> milestones, Instruction instruction) {
  }

  /** R1: a registered case, numbered, at its initial level, its limit the deadline. */
  SupervisionCase(CaseNumbering.CaseNumber number, Terms terms, Instant at, String by, Instant signForDueAt,
      String processInstanceId) {
    this.caseNumber = number.text();
    this.year = number.year();
    this.sequence = number.sequence();
    this.status = CaseStatus.REGISTERED;
    this.source = terms.source();
    this.title = terms.title();
    this.content = terms.content();
    this.leaderInCharge = terms.leaderInCharge();
    this.leadUnit = terms.leadUnit();
    this.coUnits = String.join(",", terms.coUnits());
    this.responsiblePerson = terms.responsiblePerson();
    this.qualityChecklist = terms.qualityChecklist();
    this.originalDeadline = terms.deadline();
    this.deadline = terms.deadline();
    this.deadlineAt = terms.deadlineAt();
    this.initialLevel = terms.initialLevel();
    this.warningLevel = terms.initialLevel();
    this.stageLimitAt = terms.deadlineAt();
    this.signForDays = terms.limits().signForDays();
    this.yellowDays = terms.limits().yellowDays();
    this.redDays = terms.limits().redDays();
    this.reportIntervalDays = terms.limits().reportIntervalDays();
    this.registeredAt = at;
    this.registeredBy = by;
    this.signForDueAt = signForDueAt;
    this.processInstanceId = processInstanceId;
    this.instruction = terms.instruction();
    for (int i = 0; i < terms.milestones().size(); i++) {
      PlannedMilestone m = terms.milestones().get(i);
      milestones.add(new Milestone(i + 1, m.name(), m.date()));
    }
  }

  // ---------------------------------------------------------------- who sees it

  /** The lead unit and the co-units. */
  public List<String> unitCodes() {
    List<String> all = new ArrayList<>(List.of(leadUnit));
    all.addAll(coUnitList());
    return all;
  }

  /**
   * Who sees the case besides the overseeing offices: its units, its leader in charge, its
   * responsible person; an instructed case also its instructing leader and his secretaries (R28);
   * and (R30) every unit that led it before a reassignment, which keeps reading what it did.
   */
  public InstanceViewers viewers() {
    return viewers(processInstanceId, leadUnit, coUnits, formerLeadUnits, leaderInCharge, responsiblePerson,
        instructingLeader());
  }

  /**
   * The same, of a case's columns read without the case: 督办看板's charts ({@link CaseCharts.Row}) and
   * a unit's scan of the done parents ({@link ParentItemRepository.ChildReaders}).
   */
  static InstanceViewers viewers(String processInstanceId, String leadUnit, String coUnits, String formerLeadUnits,
      String leaderInCharge, String responsiblePerson, String instructing) {
    List<String> units = new ArrayList<>(List.of(leadUnit));
    units.addAll(listed(coUnits));
    listed(formerLeadUnits).stream().filter(u -> !units.contains(u)).forEach(units::add);
    return new InstanceViewers(PROCESS_KEY, processInstanceId,
        Stream.concat(units.stream().map(Groups::ofUnit),
            Stream.ofNullable(instructing).map(Groups::instructionReaders)).toList(),
        Stream.of(leaderInCharge, responsiblePerson, instructing).filter(Objects::nonNull).toList());
  }

  /** R6: accountability starts against the lead unit and the responsible person. */
  public List<Subject> accountabilitySubjects() {
    return List.of(Subject.unit(leadUnit), Subject.person(responsiblePerson));
  }

  /** R28: the leader whose instruction the case comes from; null unless its source is 领导批示. */
  String instructingLeader() {
    return instruction == null ? null : instruction.getLeader();
  }

  /** R30: the column of the units that led the case before, comma-separated ({@link #formerLeadUnitList}). */
  String getFormerLeadUnits() {
    return formerLeadUnits;
  }

  /** R30: the units that led the case before it was reassigned, first to last. */
  public List<String> formerLeadUnitList() {
    return listed(formerLeadUnits);
  }

  public List<String> coUnitList() {
    return listed(coUnits);
  }

  /** The unit codes of a column that lists them separated by commas. */
  private static List<String> listed(String codes) {
    return codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
  }

  public List<String> checklistItems() {
    return qualityChecklist.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  // ---------------------------------------------------------------- R2, R3: signing for and reporting

  /** R2: the lead unit signs for the case; a second signature changes nothing. */
  boolean signFor(Instant at, String by) {
    if (signedAt != null) {
      return false;
    }
    signedAt = at;
    signedBy = by;
    status = CaseStatus.IN_PROGRESS;
    return true;
  }

  /** R3: a progress report, naming the milestone it reaches if any (one of this case's). */
  ProgressReport reportProgress(Instant at, String by, String text, Long milestoneId) {
    Long milestone = null;
    if (milestoneId != null) {
      Milestone m = milestones.stream().filter(x -> milestoneId.equals(x.getId())).findFirst()
          .orElseThrow(() -> new InputException("milestoneReached", "所选关键节点不属于本事项（milestoneReached）"));
      m.reported(at);
      milestone = m.getId();
    }
    ProgressReport report = new ProgressReport(at, by, text, milestone);
    progressReports.add(report);
    return report;
  }

  /** Whether a progress report came in after {@code after} and until {@code until}. */
  boolean reportedBetween(Instant after, Instant until) {
    return progressReports.stream().anyMatch(r -> r.getReportedAt().isAfter(after) && !r.getReportedAt().isAfter(until));
  }

  /** R3: a report checkpoint was checked: its milestones with it; the next periodic report is due after it. */
  void checkpointChecked(Instant checkpoint, Collection<Milestone> due, Instant at) {
    due.forEach(m -> m.checked(at));
    lastCheckpointAt = checkpoint;
  }

  /** R2, R3, R9: what the supervision office did to urge, once per urging task. */
  Optional<UrgingRecord> recordUrging(String activityInstanceId, UrgingReason reason, UrgingMethod method,
      String outcome, Boolean effective, Instant at, String by) {
    if (urgings.stream().anyMatch(u -> u.getActivityInstanceId().equals(activityInstanceId))) {
      return Optional.empty();
    }
    UrgingRecord record = new UrgingRecord(activityInstanceId, reason, method, outcome, effective, at, by);
    urgings.add(record);
    return Optional.of(record);
  }

  // ---------------------------------------------------------------- R30: return and reassignment

  /**
   * R30: instead of signing for it, the lead unit returns the case, within the sign-for limit and
   * only once the office has not already told it to sign for.
   */
  CaseReturn returnCase(Instant at, String by, ReturnReason reason, String reasonText) {
    if (signedAt != null) {
      throw new InputException("signForAction", "本事项已签收，不能退办（signForAction）");
    }
    if (at.isAfter(signForDueAt)) {
      throw new InputException("signForAction", "签收时限已过，不能退办，请签收办理（signForAction）");
    }
    if (returns.stream().anyMatch(r -> r.getLeadUnit().equals(leadUnit) && r.getDecision() == ReturnDecision.INSIST)) {
      throw new InputException("signForAction", "督查室已审定由本单位承办，不能再次退办，请签收办理（signForAction）");
    }
    if (pendingReturn().isPresent()) {
      throw new InputException("signForAction", "退办申请正在审定中（signForAction）");
    }
    CaseReturn r = new CaseReturn(leadUnit, at, by, reason, reasonText);
    returns.add(r);
    return r;
  }

  Optional<CaseReturn> pendingReturn() {
    return returns.stream().filter(CaseReturn::pending).findFirst();
  }

  /**
   * R30: the office keeps the case with the unit that returned it: the dispute is recorded, and
   * the unit signs for it within a fresh limit ({@code signForDue}).
   */
  CaseReturn insist(Decision decision, boolean unjustified, Instant signForDue) {
    CaseReturn r = pendingReturn()
        .orElseThrow(() -> new IllegalStateException("no return awaits a decision in " + caseNumber));
    r.decide(ReturnDecision.INSIST, decision, unjustified);
    signForDueAt = signForDue;
    return r;
  }

  /** What a reassignment changes, checked by {@link SupervisionService#checkReassignment}. */
  record Reassignment(String toUnit, String toPerson, String reason, LocalDate deadline, Instant deadlineAt,
      Instant signForDue) {
  }

  /**
   * R30: another unit leads the case from now on, with a responsible person of its own and a fresh
   * sign-for; a co-unit that becomes the lead unit is no longer a co-unit. The deadline stays
   * unless the office set another. An extension request the leader has not decided lapses with
   * the unit that made it.
   */
  CaseReassignment reassign(Reassignment to, Instant at, String by) {
    CaseReassignment record = new CaseReassignment(at, by, leadUnit, to.toUnit(), responsiblePerson, to.toPerson(),
        to.reason(), deadline, to.deadline() == null ? deadline : to.deadline());
    reassignments.add(record);
    pendingReturn().ifPresent(r -> r.decide(ReturnDecision.REASSIGN, Decision.of(by, at, to.reason()), false));
    pendingExtension().ifPresent(e -> e.decide(ReviewDecision.REJECTED,
        Decision.of(by, at, "事项已改派，延期申请未经审批即失效")));
    List<String> co = new ArrayList<>(coUnitList());
    co.remove(to.toUnit());
    coUnits = String.join(",", co);
    coUnitParts.removeIf(p -> p.getUnitCode().equals(to.toUnit()));
    if (!formerLeadUnitList().contains(leadUnit)) {
      formerLeadUnits = formerLeadUnits.isBlank() ? leadUnit : formerLeadUnits + "," + leadUnit;
    }
    leadUnit = to.toUnit();
    responsiblePerson = to.toPerson();
    signedAt = null;
    signedBy = null;
    signForDueAt = to.signForDue();
    status = CaseStatus.REGISTERED;
    if (to.deadline() != null && !to.deadline().equals(deadline)) {
      deadline = to.deadline();
      deadlineAt = to.deadlineAt();
      stageLimitAt = to.deadlineAt();
    }
    return record;
  }

  // ---------------------------------------------------------------- R31: co-units

  /** R31: every co-unit's part falls due at a limit set as a date (the lead unit's, or the deadline). */
  void planCoUnitParts(Instant dueAt) {
    planCoUnitParts(dueAt, null);
  }

  /**
   * R31: at sign-for, every co-unit's part falls due at the limit the lead unit set, or by default
   * at one counted back from the deadline {@code countedFrom} (R25: counted again when a holiday
   * table arrives; null for a limit set as a date).
   */
  void planCoUnitParts(Instant dueAt, Instant countedFrom) {
    for (String unit : coUnitList()) {
      Optional<CoUnitPart> part = coUnitPart(unit);
      if (part.isPresent()) {
        part.get().due(dueAt, countedFrom);
      } else {
        coUnitParts.add(new CoUnitPart(unit, dueAt, countedFrom));
      }
    }
  }

  Optional<CoUnitPart> coUnitPart(String unit) {
    return coUnitParts.stream().filter(p -> p.getUnitCode().equals(unit)).findFirst();
  }

  /** R31: a co-unit reports its part to the lead unit. */
  CoUnitPart reportCoUnitPart(String unit, Instant at, String by, String text) {
    CoUnitPart part = coUnitPart(unit)
        .orElseThrow(() -> new IllegalStateException(unit + " has no part in " + caseNumber));
    part.reported(at, by, text);
    return part;
  }

  /** R31: the lead unit's account of a co-unit's contribution and its rating, with the closure report. */
  CoUnitPart rateCoUnit(String unit, String contribution, CoUnitRating rating, Instant at, String by) {
    CoUnitPart part = coUnitPart(unit)
        .orElseThrow(() -> new IllegalStateException(unit + " has no part in " + caseNumber));
    part.rated(contribution, rating, at, by);
    return part;
  }

  // ---------------------------------------------------------------- R4–R6: escalation

  /** Whether the case waits on its deadline itself, at the level it was registered with. */
  boolean deadlineIsCurrentLimit() {
    return warningLevel == initialLevel && stageLimitAt.equals(deadlineAt);
  }

  /** R4, R5: the limit of {@code from} lapsed: the case turns {@code to} with a new limit. False when it had moved on. */
  boolean escalate(WarningLevel from, WarningLevel to, Instant newLimit) {
    if (warningLevel != from) {
      return false;
    }
    warningLevel = to;
    stageLimitAt = newLimit;
    return true;
  }

  /** R6: the red limit lapsed. False when accountability had already started. */
  boolean startAccountability(Instant at) {
    if (warningLevel == WarningLevel.ACCOUNTABILITY) {
      return false;
    }
    warningLevel = WarningLevel.ACCOUNTABILITY;
    accountabilityStartedAt = at;
    limitsProvisional = false;
    return true;
  }

  /** R25: a holiday table arrived: the limits the case waits on, counted again. */
  void relimit(Instant signForDue, Instant stageLimit) {
    this.signForDueAt = signForDue;
    this.stageLimitAt = stageLimit;
  }

  /** R25: whether a limit it waits on was counted across a year without an official table. */
  void markLimitsProvisional(boolean provisional) {
    this.limitsProvisional = provisional;
  }

  // ---------------------------------------------------------------- R8: extension

  /** R8: the unit asks for more time, while the deadline is the case's limit and before it lapses. */
  ExtensionRequest requestExtension(Instant at, String by, LocalDate requested, String reason) {
    if (!deadlineIsCurrentLimit()) {
      throw new InputException("extensionDeadline",
          "本事项已发出" + (warningLevel == WarningLevel.YELLOW ? "限期催办单" : "限期具结单或启动问责")
              + "，不能再申请延期（extensionDeadline）");
    }
    if (at.isAfter(deadlineAt)) {
      throw new InputException("extensionDeadline", "完成时限已过，不能再申请延期（extensionDeadline）");
    }
    if (pendingExtension().isPresent()) {
      throw new InputException("extensionDeadline", "已有延期申请待审批（extensionDeadline）");
    }
    if (!requested.isAfter(deadline)) {
      throw new InputException("extensionDeadline",
          "申请延期的日期须晚于现完成时限" + deadline + "（extensionDeadline）");
    }
    ExtensionRequest request = new ExtensionRequest(at, by, deadline, requested, reason);
    extensionRequests.add(request);
    return request;
  }

  Optional<ExtensionRequest> pendingExtension() {
    return extensionRequests.stream().filter(ExtensionRequest::pending).findFirst();
  }

  /**
   * R8: the leader in charge decides the pending request. Approved while the deadline is still the
   * case's limit, the deadline moves to the requested day ({@code newDeadlineAt}, when it runs
   * out); approved too late, it is recorded but moves nothing. True when the deadline moved.
   */
  boolean decideExtension(boolean approved, Decision decision, Instant newDeadlineAt) {
    ExtensionRequest request = pendingExtension()
        .orElseThrow(() -> new IllegalStateException("no pending extension request for " + caseNumber));
    if (!approved) {
      request.decide(ReviewDecision.REJECTED, decision);
      return false;
    }
    if (!deadlineIsCurrentLimit()) {
      request.decide(ReviewDecision.ACCEPTED, new Decision(decision.by(), decision.at(),
          (decision.comment() == null ? "" : decision.comment() + "；") + "审批时已发出限期催办单，延期未生效"));
      return false;
    }
    request.decide(ReviewDecision.ACCEPTED, decision);
    deadline = request.getRequestedDeadline();
    deadlineAt = newDeadlineAt;
    stageLimitAt = newDeadlineAt;
    return true;
  }

  // ---------------------------------------------------------------- R7: closure and acceptance

  /** R7: the unit reports the item done; the clocks wait for the acceptance. */
  ClosureReport submitClosure(Instant at, String by, String report, String evidence) {
    status = CaseStatus.UNDER_REVIEW;
    ClosureReport closure = new ClosureReport(at, by, report, evidence);
    closureReports.add(closure);
    return closure;
  }

  ClosureReport pendingClosure() {
    return closureReports.stream().filter(r -> r.getDecision() == ReviewDecision.PENDING).findFirst()
        .orElseThrow(() -> new IllegalStateException("no closure report awaits review in " + caseNumber));
  }

  /** R7: accepted against every item of the checklist: the case closes, on time if reported by the deadline. */
  ClosureReport acceptClosure(Collection<String> checklistMet, boolean exceedsStandard, Decision decision) {
    ClosureReport report = pendingClosure();
    List<String> unmet = checklistItems().stream().filter(item -> !checklistMet.contains(item)).toList();
    if (!unmet.isEmpty()) {
      throw new InputException("checklistMet",
          "验收通过须逐项达到质量标准，未勾选：" + String.join("；", unmet) + "（checklistMet）");
    }
    report.review(ReviewDecision.ACCEPTED, decision, String.join("\n", checklistItems()), exceedsStandard);
    closedAt = decision.at();
    closedOnTime = !report.getSubmittedAt().isAfter(deadlineAt);
    status = CaseStatus.CLOSED;
    limitsProvisional = false;
    return report;
  }

  /**
   * R7: a rejected report waited for review at the level the case was registered with: the
   * deadline moves on by the review's working days, to {@code deadline}, running out at {@code deadlineAt}.
   */
  void moveDeadlineForReview(LocalDate deadline, Instant deadlineAt) {
    this.deadline = deadline;
    this.deadlineAt = deadlineAt;
    this.stageLimitAt = deadlineAt;
  }

  /** R7: rejected with reasons: back to the unit; the clocks run on from where they stood. */
  ClosureReport rejectClosure(Collection<String> checklistMet, Decision decision) {
    ClosureReport report = pendingClosure();
    report.review(ReviewDecision.REJECTED, decision, String.join("\n", checklistMet), false);
    status = CaseStatus.IN_PROGRESS;
    return report;
  }

  // ---------------------------------------------------------------- R10: withdrawal

  /** R10: withdrawn with a reason; every record of the case stays. False when already withdrawn. */
  boolean withdraw(Instant at, String by, String reason) {
    if (status == CaseStatus.WITHDRAWN) {
      return false;
    }
    withdrawnAt = at;
    withdrawnBy = by;
    withdrawalReason = reason;
    status = CaseStatus.WITHDRAWN;
    limitsProvisional = false;
    return true;
  }

  // ---------------------------------------------------------------- reading

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public int getYear() { return year; }
  public int getSequence() { return sequence; }
  public CaseSource getSource() { return source; }
  public String getTitle() { return title; }
  public String getContent() { return content; }
  public String getLeaderInCharge() { return leaderInCharge; }
  public String getLeadUnit() { return leadUnit; }
  public String getCoUnits() { return coUnits; }
  public String getResponsiblePerson() { return responsiblePerson; }
  public String getQualityChecklist() { return qualityChecklist; }
  public LocalDate getOriginalDeadline() { return originalDeadline; }
  public LocalDate getDeadline() { return deadline; }
  public Instant getDeadlineAt() { return deadlineAt; }
  public WarningLevel getInitialLevel() { return initialLevel; }
  public WarningLevel getWarningLevel() { return warningLevel; }
  public Instant getStageLimitAt() { return stageLimitAt; }
  public CaseStatus getStatus() { return status; }
  public int getSignForDays() { return signForDays; }
  public int getYellowDays() { return yellowDays; }
  public int getRedDays() { return redDays; }
  public int getReportIntervalDays() { return reportIntervalDays; }
  public Instant getRegisteredAt() { return registeredAt; }
  public String getRegisteredBy() { return registeredBy; }
  public Instant getSignForDueAt() { return signForDueAt; }
  public Instant getSignedAt() { return signedAt; }
  public String getSignedBy() { return signedBy; }
  public Instant getLastCheckpointAt() { return lastCheckpointAt; }
  public Instant getClosedAt() { return closedAt; }
  public Boolean getClosedOnTime() { return closedOnTime; }
  public Instant getAccountabilityStartedAt() { return accountabilityStartedAt; }
  public Instant getWithdrawnAt() { return withdrawnAt; }
  public String getWithdrawnBy() { return withdrawnBy; }
  public String getWithdrawalReason() { return withdrawalReason; }
  public String getProcessInstanceId() { return processInstanceId; }
  public boolean isLimitsProvisional() { return limitsProvisional; }
  public Instruction getInstruction() { return instruction; }
  public List<Milestone> getMilestones() { return Collections.unmodifiableList(milestones); }
  public List<ProgressReport> getProgressReports() { return Collections.unmodifiableList(progressReports); }
  public List<UrgingRecord> getUrgings() { return Collections.unmodifiableList(urgings); }
  public List<ExtensionRequest> getExtensionRequests() { return Collections.unmodifiableList(extensionRequests); }
  public List<ClosureReport> getClosureReports() { return Collections.unmodifiableList(closureReports); }
  public List<CaseReturn> getReturns() { return Collections.unmodifiableList(returns); }
  public List<CaseReassignment> getReassignments() { return Collections.unmodifiableList(reassignments); }
  public List<CoUnitPart> getCoUnitParts() { return Collections.unmodifiableList(coUnitParts); }
}
