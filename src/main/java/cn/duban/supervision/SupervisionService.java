package cn.duban.supervision;

import static cn.duban.common.Inputs.choice;
import static cn.duban.common.Inputs.date;
import static cn.duban.common.Inputs.optionalText;
import static cn.duban.common.Inputs.text;
import static cn.duban.common.Inputs.wholeNumber;

import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitClock;
import cn.duban.common.Decision;
import cn.duban.common.InputException;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.notice.NoticeService;
import cn.duban.notice.NoticeService.NoticeContent;
import cn.duban.organization.InstanceViewers;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.Subject;
import cn.duban.organization.Unit;
import cn.duban.supervision.Registration.MilestoneInput;
import cn.duban.supervision.SupervisionCase.PlannedMilestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the supervision pipeline (R1–R10) that need more than the case itself: the
 * organisation (who may be responsible), the calendar (limits in working days), the numbering, the
 * notices and the ledger. The case's own state changes are {@link SupervisionCase}'s. Every method
 * that changes a case returns it, so that the delegates publish what they hold. The delegates of
 * supervision-case.bpmn call it inside the engine's transaction: a failure leaves nothing behind.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class SupervisionService {

  static final int TITLE_MAX = 200;
  static final int TEXT_MAX = 4000;
  static final int LIMIT_MAX_DAYS = 60;
  private static final String WORKING_DAYS = "个工作日";

  private final SupervisionCaseRepository cases;
  private final UrgingRecordRepository urgings;
  private final CaseNumbering numbering;
  private final OrganizationService organization;
  private final NoticeService notices;
  private final CaseScoring scoring;
  private final LimitClock clock;
  private final SupervisionProperties limits;
  private final LeaderInstructions instructions;
  private final CaseMessages messages;

  public SupervisionService(SupervisionCaseRepository cases, UrgingRecordRepository urgings, CaseNumbering numbering,
      OrganizationService organization, NoticeService notices, CaseScoring scoring, LimitClock clock,
      SupervisionProperties limits, LeaderInstructions instructions, CaseMessages messages) {
    this.messages = messages;
    this.cases = cases;
    this.urgings = urgings;
    this.numbering = numbering;
    this.organization = organization;
    this.notices = notices;
    this.scoring = scoring;
    this.clock = clock;
    this.limits = limits;
    this.instructions = instructions;
  }

  /** A step's outcome: the case as the step left it, and the record the step added. */
  public record Recorded<T>(SupervisionCase supervisionCase, T record) {
  }

  // ---------------------------------------------------------------- R1 registration

  /** Checks the registration form, numbers the case and stores it with its milestones. */
  public SupervisionCase register(Registration in, String registeredBy, String processInstanceId) {
    SupervisionCase.Terms terms = terms(in);
    CaseNumbering.CaseNumber number = numbering.next(clock.today().getYear());
    Instant now = clock.now();
    SupervisionCase c = new SupervisionCase(number, terms, now, registeredBy,
        clock.endOfWorkingDays(Date.from(now), terms.limits().signForDays()).toInstant(), processInstanceId);
    c.markLimitsProvisional(provisionalLimits(c));
    return cases.save(c);
  }

  /**
   * R29: checks a registration as {@link #register} would, storing nothing and taking no number:
   * a breakdown's rows are checked all before the first of them is registered.
   */
  void check(Registration in) {
    terms(in);
  }

  /** R1: the registration form checked field by field, each refusal naming its field in Chinese. */
  private SupervisionCase.Terms terms(Registration in) {
    LocalDate today = clock.today();
    CaseSource source = choice(CaseSource.class, "source", in.source(), "请选择督查事项来源");
    String title = text("title", in.title(), "项目名称", TITLE_MAX);
    String content = text("content", in.content(), "工作内容和要求", TEXT_MAX);
    Person leader = organization.person("leaderInCharge", in.leaderInCharge());
    if (!leader.isCountyLeader()) {
      throw new InputException("leaderInCharge", "“" + leader.getName() + "”不是县领导，不能作为分管领导（leaderInCharge）");
    }
    Unit leadUnit = organization.unit("leadUnit", in.leadUnit());
    List<String> coUnits = new ArrayList<>();
    for (String code : in.coUnits() == null ? List.<String>of() : in.coUnits()) {
      Unit co = organization.unit("coUnits", code);
      if (co.getCode().equals(leadUnit.getCode())) {
        throw new InputException("coUnits", "协办单位不能与牵头承办单位相同：" + co.getName() + "（coUnits）");
      }
      if (coUnits.contains(co.getCode())) {
        throw new InputException("coUnits", "协办单位重复：" + co.getName() + "（coUnits）");
      }
      coUnits.add(co.getCode());
    }
    Person responsible = organization.person("responsiblePerson", in.responsiblePerson());
    if (!leadUnit.getCode().equals(responsible.getUnitCode())) {
      throw new InputException("responsiblePerson",
          "责任人须为牵头承办单位“" + leadUnit.getName() + "”的人员（responsiblePerson）");
    }
    LocalDate deadline = date("deadline", in.deadline(), "完成时限");
    if (deadline.isBefore(today)) {
      throw new InputException("deadline", "完成时限不能早于今天（" + today + "）（deadline）");
    }
    countable("deadline", deadline, "完成时限");
    String checklist = text("qualityChecklist", in.qualityChecklist(), "质量标准", TEXT_MAX);
    List<PlannedMilestone> milestones = new ArrayList<>();
    for (MilestoneInput m : in.milestones() == null ? List.<MilestoneInput>of() : in.milestones()) {
      String name = text("milestones", m.name(), "关键节点名称", TITLE_MAX);
      LocalDate d = date("milestones", m.date(), "关键节点“" + m.name() + "”的日期");
      if (d.isBefore(today) || d.isAfter(deadline)) {
        throw new InputException("milestones",
            "关键节点“" + m.name() + "”的日期须在今天至完成时限之间（milestones）");
      }
      milestones.add(new PlannedMilestone(name, d));
    }
    WarningLevel initial = in.initialLevel() == null || in.initialLevel().isBlank()
        ? WarningLevel.GREEN : choice(WarningLevel.class, "initialLevel", in.initialLevel(), "请选择起始督办级别");
    if (initial == WarningLevel.ACCOUNTABILITY) {
      throw new InputException("initialLevel", "起始督办级别只能是绿灯、黄灯或红灯（initialLevel）");
    }
    // R28: an instruction's leader, text, number and date; a principal leader's starts at yellow at least
    Instruction instruction = source == CaseSource.LEADER_INSTRUCTION ? instructions.check(in.instruction()) : null;
    initial = instructions.initialLevel(instruction, initial, in.instruction() == null ? null : in.instruction().keepLevel());
    SupervisionCase.Limits caseLimits = new SupervisionCase.Limits(
        wholeNumber("signForDays", in.signForDays(), limits.signForDays(), 1, LIMIT_MAX_DAYS, "签收时限", WORKING_DAYS),
        wholeNumber("yellowDays", in.yellowDays(), limits.yellowDays(), 1, LIMIT_MAX_DAYS, "黄牌催办时限", WORKING_DAYS),
        wholeNumber("redDays", in.redDays(), limits.redDays(), 1, LIMIT_MAX_DAYS, "红牌具结时限", WORKING_DAYS),
        wholeNumber("reportIntervalDays", in.reportIntervalDays(), limits.reportIntervalDays(), 0, LIMIT_MAX_DAYS,
            "进展报送周期", WORKING_DAYS));
    if (milestones.isEmpty() && caseLimits.reportIntervalDays() == 0) {
      // R1: 定进度 — the schedule is a milestone or a reporting interval, never neither
      throw new InputException("milestones", "请至少填写一个关键节点（milestones），或设定进展报送周期"
          + "（reportIntervalDays，1至" + LIMIT_MAX_DAYS + "个工作日）：三定要求每个督查事项定进度");
    }
    return new SupervisionCase.Terms(source, title, content, leader.getId(), leadUnit.getCode(), coUnits,
        responsible.getId(), checklist, deadline, clock.endOfDeadline(deadline).toInstant(), initial, caseLimits,
        milestones, instruction);
  }

  /**
   * R25: a date whose limits can be counted: within next year, or in a later year whose holiday
   * table is already official. Beyond that nobody can say which days will be working days.
   */
  void countable(String field, LocalDate day, String label) {
    int lastYear = clock.today().getYear() + 1;
    if (day.getYear() > lastYear && !clock.calendar().isOfficial(day.getYear())) {
      throw new InputException(field, label + "不能晚于" + lastYear + "年12月31日：" + day.getYear()
          + "年的节假日安排尚未发布，无法按工作日计算时限（" + field + "）");
    }
  }

  /** R1: the green notice, with the deadline as its limit, issued in the transaction that registers the case. */
  public Notice issueGreenNotice(SupervisionCase c) {
    Notice green = c.noticed(notices.issue(NoticeKind.GREEN, noticeContent(c, c.getDeadlineAt()), false, false,
        clock.now()));
    messages.notice(c, green);   // R33
    instructions.registered(c);
    return green;
  }

  // ---------------------------------------------------------------- R4–R6 escalation

  /**
   * R4: the yellow notice. {@code escalated}: the deadline lapsed (new limit, deduction); otherwise
   * the item was registered at yellow and the notice carries the deadline as its limit.
   */
  public Recorded<Notice> issueYellowNotice(Long caseId, boolean escalated) {
    return issueLimitNotice(caseId, escalated, WarningLevel.GREEN, WarningLevel.YELLOW, NoticeKind.YELLOW,
        ScoreEvent.YELLOW_NOTICE);
  }

  /** R5: the red notice, the last limit before accountability. */
  public Recorded<Notice> issueRedNotice(Long caseId, boolean escalated) {
    return issueLimitNotice(caseId, escalated, WarningLevel.YELLOW, WarningLevel.RED, NoticeKind.RED,
        ScoreEvent.RED_NOTICE);
  }

  private Recorded<Notice> issueLimitNotice(Long caseId, boolean escalated, WarningLevel from, WarningLevel to,
      NoticeKind kind, ScoreEvent event) {
    SupervisionCase c = get(caseId);
    if (escalated && c.getWarningLevel() == from) {
      // Levels only rise, and a stage's notice is issued as the case enters the stage: a case still at
      // `from` has no notice of `to` to look for (the table's unique key on case and kind stands behind this).
      c.notice(kind, Optional::empty);
    }
    if (escalated && c.escalate(from, to, stageLimit(c, to))) {
      c.markLimitsProvisional(provisionalLimits(c));
      scoring.score(c, event, "");
    }
    // the case remembers whether it has this notice (counting the limit asked already)
    Notice notice = notice(c, kind).orElseGet(() -> c.noticed(notices.issue(kind,
        noticeContent(c, c.getStageLimitAt()), escalated, stageProvisional(c), clock.now())));
    messages.notice(c, notice);   // R33
    instructions.notice(c, notice);
    return new Recorded<>(c, notice);
  }

  /**
   * Where a stage's limit is counted from and how many working days. R7: an escalated stage counts
   * from the day its notice is issued (while it is being issued, today), never from before the
   * previous limit ran out (the deadline; for red, the yellow notice's limit): a notice issued late
   * (a review that outlasted the limit, a job that ran late) does not set a limit already past.
   * The working days the office spent reviewing closure reports it rejected in this stage are added:
   * they are not the unit's. Null while the limit is the deadline itself.
   */
  private record StageStart(Instant at, int workingDays) {
  }

  /** The case's notice of a kind, asked of the database once per transaction. */
  private Optional<Notice> notice(SupervisionCase c, NoticeKind kind) {
    return c.notice(kind, () -> notices.find(c.getId(), kind));
  }

  /** The notice whose limit the case's present stage runs to (the yellow or the red one), or null before one. */
  private Notice stageNotice(SupervisionCase c) {
    NoticeKind kind = switch (c.getWarningLevel()) {
      case YELLOW -> NoticeKind.YELLOW;
      case RED -> NoticeKind.RED;
      default -> null;
    };
    return kind == null ? null : notice(c, kind).orElse(null);
  }

  private StageStart stageStart(SupervisionCase c, WarningLevel level) {
    if (level.compareTo(c.getInitialLevel()) <= 0) {
      return null;
    }
    return switch (level) {
      case YELLOW -> escalatedStart(c, NoticeKind.YELLOW, c.getDeadlineAt(), c.getYellowDays());
      case RED -> escalatedStart(c, NoticeKind.RED, notice(c, NoticeKind.YELLOW).map(Notice::getLimitAt)
          .orElseThrow(() -> new IllegalStateException("red without a yellow notice in " + c.getCaseNumber())),
          c.getRedDays());
      default -> null;
    };
  }

  private StageStart escalatedStart(SupervisionCase c, NoticeKind kind, Instant previousLimit, int workingDays) {
    Instant issued = notice(c, kind).map(Notice::getIssuedAt).orElseGet(clock::now);
    Instant lapsed = previousLimit.plusSeconds(1);
    Instant from = issued.isAfter(lapsed) ? issued : lapsed;
    int reviewed = c.getClosureReports().stream()
        .filter(r -> r.getDecision() == ReviewDecision.REJECTED && !r.getSubmittedAt().isBefore(from))
        .mapToInt(this::reviewWorkingDays).sum();
    return new StageStart(from, workingDays + reviewed);
  }

  /**
   * R7: the working days a closure report waited for the office's review (those ending after it was
   * submitted, up to the day of the decision): a rejection gives them back to the unit.
   */
  public int reviewWorkingDays(ClosureReport report) {
    return report.getReviewed() == null ? 0
        : clock.workingDaysBefore(report.getSubmittedAt(), Date.from(report.getReviewed().at()));
  }

  /** The limit of the stage {@code level} of the case: the deadline, or counted from the stage before. */
  private Instant stageLimit(SupervisionCase c, WarningLevel level) {
    StageStart start = stageStart(c, level);
    return start == null ? c.getDeadlineAt()
        : clock.endOfWorkingDays(Date.from(start.at()), start.workingDays()).toInstant();
  }

  private boolean stageProvisional(SupervisionCase c) {
    StageStart start = stageStart(c, c.getWarningLevel());
    return start != null && clock.provisional(start.at(), c.getStageLimitAt());
  }

  /**
   * R25: whether a limit the open case waits on (signing for, the stage limit, the next periodic
   * report) was counted across a year without an official holiday table.
   */
  private boolean provisionalLimits(SupervisionCase c) {
    if (!c.getStatus().isOpen() || c.getWarningLevel() == WarningLevel.ACCOUNTABILITY) {
      return false;
    }
    boolean signFor = c.getSignedAt() == null && clock.provisional(signForStart(c), c.getSignForDueAt());
    Instant nextReport = c.getSignedAt() == null ? null
        : nextPeriodic(c, c.getLastCheckpointAt() != null ? c.getLastCheckpointAt() : c.getRegisteredAt());
    boolean coUnits = c.getSignedAt() != null && c.getCoUnitParts().stream()
        .anyMatch(p -> p.getReportedAt() == null && p.getCountedFrom() != null
            && clock.provisional(p.getDueAt(), p.getCountedFrom()));
    return signFor || stageProvisional(c) || clock.provisional(c.getRegisteredAt(), nextReport) || coUnits;
  }

  /**
   * R31: the default limit of a co-unit's part: working days before the deadline it counts from,
   * or the deadline itself when that day had passed when it was counted ({@code countedAt}).
   */
  private Instant coUnitDefaultDue(Instant deadlineAt, Instant countedAt) {
    Instant usual = clock.workingDaysBefore(Date.from(deadlineAt), limits.coUnitDaysBeforeDeadline()).toInstant();
    return usual.isBefore(countedAt) ? deadlineAt : usual;
  }

  /**
   * R2, R30: when the sign-for limit of a case not yet signed for was counted from: its
   * registration, or the later of its last reassignment and the last return the office insisted
   * on, each of which gave the lead unit a fresh limit.
   */
  private Instant signForStart(SupervisionCase c) {
    Instant start = c.getRegisteredAt();
    for (CaseReassignment r : c.getReassignments()) {
      start = r.getReassignedAt().isAfter(start) ? r.getReassignedAt() : start;
    }
    for (CaseReturn r : c.getReturns()) {
      if (r.getDecision() == ReturnDecision.INSIST && r.getDecided() != null && r.getDecided().at().isAfter(start)) {
        start = r.getDecided().at();
      }
    }
    return start;
  }

  /**
   * R25: the case's pending limits counted again with the calendar as it is now (a holiday table
   * arrived or changed): signing for, the stage limit and its notice. A limit that has lapsed is
   * history and stays as it was.
   */
  public List<LimitChange> retime(SupervisionCase c) {
    List<LimitChange> changes = new ArrayList<>();
    if (c.getStatus().isOpen() && c.getWarningLevel() != WarningLevel.ACCOUNTABILITY) {
      Instant signFor = c.getSignedAt() != null ? c.getSignForDueAt()
          : clock.endOfWorkingDays(Date.from(signForStart(c)), c.getSignForDays()).toInstant();
      if (!signFor.equals(c.getSignForDueAt())) {
        changes.add(new LimitChange("签收时限", c.getSignForDueAt(), signFor));
      }
      Instant limit = stageLimit(c, c.getWarningLevel());
      if (!limit.equals(c.getStageLimitAt())) {
        changes.add(new LimitChange(c.getWarningLevel().label() + "阶段办理时限", c.getStageLimitAt(), limit));
      }
      c.relimit(signFor, limit);
      // R31: a co-unit's default limit still to come, counted back from the deadline (one the lead unit chose stays)
      for (CoUnitPart part : c.getSignedAt() == null ? List.<CoUnitPart>of() : c.getCoUnitParts()) {
        if (part.getCountedFrom() != null && part.getReportedAt() == null && part.getDueAt().isAfter(clock.now())) {
          Instant due = coUnitDefaultDue(part.getCountedFrom(), c.getSignedAt());
          if (!due.equals(part.getDueAt())) {
            changes.add(new LimitChange(organization.unitName(part.getUnitCode()) + "协办事项报送时限",
                part.getDueAt(), due));
            part.retimed(due);
          }
        }
      }
      Notice notice = stageNotice(c);
      if (notice != null && notice.isEscalated()
          && (!notice.getLimitAt().equals(limit) || notice.isProvisional() != stageProvisional(c))) {
        if (!notice.getLimitAt().equals(limit)) {
          changes.add(new LimitChange(notice.getKind().title() + "所载时限", notice.getLimitAt(), limit));
        }
        notices.relimit(notice, noticeContent(c, limit), stageProvisional(c));
      }
    }
    c.markLimitsProvisional(provisionalLimits(c));
    return changes;
  }

  /** R6: the red limit lapsed: the case turns to accountability and the deduction is booked. */
  public SupervisionCase startAccountability(Long caseId) {
    SupervisionCase c = get(caseId);
    if (c.startAccountability(clock.now())) {
      scoring.score(c, ScoreEvent.ACCOUNTABILITY, "");
      instructions.accountabilityStarted(c);
    }
    return c;
  }

  /** R6, for the multi-instance call of accountability in supervision-case.bpmn: whom it starts against. */
  public List<String> accountabilitySubjects(Long caseId) {
    return get(caseId).accountabilitySubjects().stream().map(Subject::key).toList();
  }

  // ---------------------------------------------------------------- R2 signing for, R3 reports

  public SupervisionCase signFor(Long caseId, String userId) {
    return signFor(caseId, userId, null);
  }

  /**
   * R2: the lead unit signs for the case; R31: with co-units, it sets the limit by which each
   * reports its part ({@code coUnitDueDate}, a date; empty: the default number of working days
   * before the deadline, or the deadline itself when that day has passed).
   */
  public SupervisionCase signFor(Long caseId, String userId, String coUnitDueDate) {
    SupervisionCase c = get(caseId);
    Instant coUnitDue = c.coUnitList().isEmpty() || c.getSignedAt() != null ? null : coUnitDue(c, coUnitDueDate);
    if (c.signFor(clock.now(), userId)) {
      if (coUnitDue != null) {
        c.planCoUnitParts(coUnitDue, coUnitDueDate == null || coUnitDueDate.isBlank() ? c.getDeadlineAt() : null);
      }
      c.markLimitsProvisional(provisionalLimits(c));
      instructions.signedFor(c);
    }
    return c;
  }

  private Instant coUnitDue(SupervisionCase c, String date) {
    if (date == null || date.isBlank()) {
      Instant usual = clock.workingDaysBefore(Date.from(c.getDeadlineAt()), limits.coUnitDaysBeforeDeadline())
          .toInstant();
      return usual.isBefore(clock.now()) ? c.getDeadlineAt() : usual;
    }
    LocalDate day = date("coUnitDueDate", date, "协办单位报送时限");
    if (day.isBefore(clock.today()) || day.isAfter(c.getDeadline())) {
      throw new InputException("coUnitDueDate",
          "协办单位报送时限须在今天至完成时限" + c.getDeadline() + "之间（coUnitDueDate）");
    }
    return clock.endOfDeadline(day).toInstant();
  }

  public Recorded<ProgressReport> recordProgress(Long caseId, String content, Object milestoneId, String userId) {
    SupervisionCase c = get(caseId);
    String text = text("progressContent", content, "进展情况", TEXT_MAX);
    Long milestone = null;
    if (milestoneId != null && !milestoneId.toString().isBlank()) {
      try {
        milestone = Long.valueOf(milestoneId.toString().strip());
      } catch (NumberFormatException e) {
        throw new InputException("milestoneReached", "所选关键节点不属于本事项（milestoneReached）");
      }
    }
    ProgressReport report = c.reportProgress(clock.now(), userId, text, milestone);
    instructions.progress(c, report);
    return new Recorded<>(c, report);
  }

  /** A checkpoint of the reporting schedule: when, and what is due then. */
  public record Checkpoint(Instant at, boolean periodic, List<Milestone> milestones) {
  }

  /** The outcome of checking a checkpoint: whether a report was missed, and when the next one is. */
  public record CheckResult(boolean missed, UrgingReason reason, String missedWhat, Instant next) {
  }

  /** R3: the next checkpoint after the last one checked, or empty when nothing more is scheduled. */
  public Optional<Checkpoint> nextCheckpoint(SupervisionCase c) {
    Instant after = c.getLastCheckpointAt() != null ? c.getLastCheckpointAt() : c.getRegisteredAt();
    Instant periodic = nextPeriodic(c, after);
    List<Milestone> open = c.getMilestones().stream().filter(m -> m.getCheckedAt() == null).toList();
    Instant milestoneAt = open.stream().map(m -> clock.endOf(m.getDueDate()).toInstant())
        .min(Comparator.naturalOrder()).orElse(null);
    Instant at = periodic == null ? milestoneAt
        : milestoneAt == null ? periodic : (periodic.isBefore(milestoneAt) ? periodic : milestoneAt);
    if (at == null) {
      return Optional.empty();
    }
    List<Milestone> due = open.stream().filter(m -> !clock.endOf(m.getDueDate()).toInstant().isAfter(at)).toList();
    return Optional.of(new Checkpoint(at, at.equals(periodic), due));
  }

  /** The start of the reporting period that ends at {@code at}: the periodic checkpoint before it. */
  private Instant previousPeriodic(SupervisionCase c, Instant at) {
    Instant previous = c.getRegisteredAt();
    for (Instant p = nextPeriodic(c, previous); p != null && p.isBefore(at); p = nextPeriodic(c, p)) {
      previous = p;
    }
    return previous;
  }

  private Instant nextPeriodic(SupervisionCase c, Instant after) {
    if (c.getReportIntervalDays() <= 0) {
      return null;
    }
    Date anchor = Date.from(c.getRegisteredAt());
    for (int k = 1; ; k++) {
      Instant at = clock.endOfWorkingDays(anchor, k * c.getReportIntervalDays()).toInstant();
      if (at.isAfter(after)) {
        return at;
      }
    }
  }

  /**
   * R3: checks the due checkpoint. A periodic report is missed when no report came in its period
   * (since the previous periodic checkpoint), a milestone when no report named it. Nothing is
   * missed once a closure report is in.
   */
  public CheckResult checkProgressReports(Long caseId) {
    SupervisionCase c = get(caseId);
    Checkpoint cp = nextCheckpoint(c).orElse(null);
    if (cp == null || cp.at().isAfter(clock.now())) {
      return new CheckResult(false, null, null, cp == null ? null : cp.at());
    }
    boolean closing = c.getStatus() == CaseStatus.UNDER_REVIEW || !c.getStatus().isOpen();
    List<String> missed = new ArrayList<>();
    UrgingReason reason = null;
    for (Milestone m : cp.milestones()) {
      if (m.getReportedAt() == null && !closing) {
        missed.add("关键节点“" + m.getName() + "”（" + m.getDueDate() + "）");
        reason = UrgingReason.MILESTONE_MISSED;
      }
    }
    if (cp.periodic() && !closing && !c.reportedBetween(previousPeriodic(c, cp.at()), cp.at())) {
      missed.add("定期进展报告（截至" + LocalDate.ofInstant(cp.at(), clock.zone()) + "）");
      reason = reason == null ? UrgingReason.REPORT_MISSED : reason;
    }
    c.checkpointChecked(cp.at(), cp.milestones(), clock.now());
    c.markLimitsProvisional(provisionalLimits(c));
    Instant next = nextCheckpoint(c).map(Checkpoint::at).orElse(null);
    return new CheckResult(!missed.isEmpty(), reason, String.join("、", missed), next);
  }

  /** Records what the supervision office did to urge; once per urging task. */
  public Recorded<Optional<UrgingRecord>> recordUrging(Long caseId, String activityInstanceId, String reason,
      String method,
      String outcome, Boolean effective, String userId) {
    SupervisionCase c = get(caseId);
    UrgingReason why = choice(UrgingReason.class, "urgingReason", reason, "催办原因不明");
    UrgingMethod how = choice(UrgingMethod.class, "urgingMethod", method, "请选择催办方式");
    boolean interview = how.name().startsWith("INTERVIEW");
    String text = text(interview ? "interviewOutcome" : "urgingOutcome", outcome, interview ? "约谈情况" : "催办情况",
        2000);
    return new Recorded<>(c, c.recordUrging(activityInstanceId, why, how, text, effective, clock.now(), userId));
  }

  // ---------------------------------------------------------------- R8 extension

  public Recorded<ExtensionRequest> requestExtension(Long caseId, String requestedDeadline, String reason,
      String userId) {
    SupervisionCase c = get(caseId);
    LocalDate requested = date("extensionDeadline", requestedDeadline, "申请延期至");
    countable("extensionDeadline", requested, "申请延期的日期");
    ExtensionRequest request = c.requestExtension(clock.now(), userId, requested,
        text("extensionReason", reason, "延期理由", 2000));
    instructions.extensionRequested(c, request);
    return new Recorded<>(c, request);
  }

  /** The outcome of a leader's decision: the request decided, and whether the deadline moved. */
  public record ExtensionOutcome(boolean moved, SupervisionCase supervisionCase, ExtensionRequest request) {
  }

  /**
   * R8: the leader in charge decides. Approved while the deadline is still the case's limit, the
   * deadline moves; the caller moves the timers and due dates that depend on it.
   */
  public ExtensionOutcome decideExtension(Long caseId, Boolean approved, String comment, String leaderId) {
    SupervisionCase c = get(caseId);
    if (approved == null) {
      throw new InputException("extensionApproved", "请选择是否同意延期（extensionApproved）");
    }
    ExtensionRequest request = c.pendingExtension()
        .orElseThrow(() -> new IllegalStateException("no pending extension request for " + c.getCaseNumber()));
    boolean moved = c.decideExtension(approved, Decision.of(leaderId, clock.now(), comment),
        clock.endOfDeadline(request.getRequestedDeadline()).toInstant());
    if (moved) {
      c.markLimitsProvisional(provisionalLimits(c));
    }
    instructions.extensionDecided(c, request);
    return new ExtensionOutcome(moved, c, request);
  }

  // ---------------------------------------------------------------- R7 closure and acceptance

  public Recorded<ClosureReport> submitClosure(Long caseId, String report, String evidence, String userId) {
    SupervisionCase c = get(caseId);
    ClosureReport closure = c.submitClosure(clock.now(), userId, text("closureReport", report, "办结报告", TEXT_MAX),
        optionalText("closureEvidence", evidence, "佐证材料", 2000));
    instructions.closureSubmitted(c, closure);
    return new Recorded<>(c, closure);
  }

  /** Checklist acceptance passed: the case closes and its bonuses are booked. */
  public Recorded<ClosureReport> acceptClosure(Long caseId, List<String> checklistMet, boolean exceedsStandard,
      String userId) {
    SupervisionCase c = get(caseId);
    ClosureReport report = c.acceptClosure(new HashSet<>(checklistMet == null ? List.of() : checklistMet),
        exceedsStandard, Decision.of(userId, clock.now(), null));
    if (Boolean.TRUE.equals(c.getClosedOnTime())) {
      scoring.score(c, ScoreEvent.CLOSED_ON_TIME, "");
      if (clock.workingDaysBefore(report.getSubmittedAt(), Date.from(c.getDeadlineAt())) >= limits.earlyClosureDays()) {
        scoring.score(c, ScoreEvent.CLOSED_EARLY, "");
      }
    }
    if (exceedsStandard) {
      scoring.score(c, ScoreEvent.EXCEEDS_STANDARD, "");
    }
    // R31: the lead unit's rating of each co-unit, as its closure report gave it
    scoring.scoreRatings(c);
    instructions.closed(c);
    return new Recorded<>(c, report);
  }

  /**
   * Checklist acceptance failed: back to the unit with the reasons; the clocks run on from where
   * they stood when the report came in (R7: the review's working days are given back).
   */
  public Recorded<ClosureReport> rejectClosure(Long caseId, String reasons, List<String> checklistMet,
      String userId) {
    SupervisionCase c = get(caseId);
    ClosureReport report = c.rejectClosure(checklistMet == null ? List.of() : checklistMet,
        Decision.of(userId, clock.now(), text("rejectionReasons", reasons, "退回理由", 2000)));
    // one deduction per rejected report (the report was submitted, and so stored, in an earlier step)
    scoring.score(c, ScoreEvent.CLOSURE_REJECTED, report.getId().toString());
    giveBackReviewDays(c, reviewWorkingDays(report));
    instructions.closureRejected(c, report);
    return new Recorded<>(c, report);
  }

  /**
   * R7: the clock stood still while the office reviewed: the current limit moves on by the working
   * days the review took. At the level the case was registered with the deadline itself moves (and
   * with it the on-time judgement); at an escalated level the limit is counted again with them, and
   * its notice states the new limit.
   */
  private void giveBackReviewDays(SupervisionCase c, int reviewDays) {
    if (reviewDays <= 0 || c.getWarningLevel() == WarningLevel.ACCOUNTABILITY) {
      return;
    }
    if (c.deadlineIsCurrentLimit()) {
      c.moveDeadlineForReview(clock.calendar().addWorkingDays(c.getDeadline(), reviewDays),
          clock.laterByWorkingDays(c.getDeadlineAt(), reviewDays));
    } else {
      c.relimit(c.getSignForDueAt(), stageLimit(c, c.getWarningLevel()));
    }
    Notice notice = stageNotice(c);
    if (notice != null && !notice.getLimitAt().equals(c.getStageLimitAt())) {
      notices.relimit(notice, noticeContent(c, c.getStageLimitAt()), stageProvisional(c));
    }
    c.markLimitsProvisional(provisionalLimits(c));
  }

  // ---------------------------------------------------------------- R30 return and reassignment

  /** R30: the lead unit returns the case instead of signing for it, with a reason. */
  public Recorded<CaseReturn> returnCase(Long caseId, String reason, String reasonText, String userId) {
    SupervisionCase c = get(caseId);
    ReturnReason why = choice(ReturnReason.class, "returnReason", reason, "请选择退办理由");
    String text = why == ReturnReason.OTHER ? text("returnReasonText", reasonText, "退办理由说明", 1000)
        : optionalText("returnReasonText", reasonText, "退办理由说明", 1000);
    CaseReturn r = c.returnCase(clock.now(), userId, why, text);
    instructions.returned(c, r);
    return new Recorded<>(c, r);
  }

  /** What the office asks of a reassignment: the new lead unit and responsible person, why, and a deadline if another. */
  public record ReassignmentInput(String leadUnit, String responsiblePerson, String deadline, String reason) {
  }

  /**
   * R30: the office decides a return. Insisting records the dispute, books 推诿扯皮 when the
   * return is found unjustified, and gives the unit a fresh sign-for limit; reassigning is checked
   * here and carried out by {@link #reassign}.
   */
  public Recorded<CaseReturn> decideReturn(Long caseId, String decision, Boolean unjustified, String comment,
      ReassignmentInput target, String userId) {
    SupervisionCase c = get(caseId);
    ReturnDecision d = choice(ReturnDecision.class, "returnDecision", decision, "请选择审定结果");
    if (d == ReturnDecision.PENDING) {
      throw new InputException("returnDecision", "请选择改派他单位或维持原承办单位（returnDecision）");
    }
    String text = text("returnDecisionComment", comment, "审定意见", 1000);
    CaseReturn pending = c.pendingReturn()
        .orElseThrow(() -> new IllegalStateException("no return awaits a decision in " + c.getCaseNumber()));
    if (d == ReturnDecision.REASSIGN) {
      checkReassignment(c, target);
      return new Recorded<>(c, pending);
    }
    boolean deduct = Boolean.TRUE.equals(unjustified);
    Instant now = clock.now();
    CaseReturn r = c.insist(Decision.of(userId, now, text), deduct,
        clock.endOfWorkingDays(Date.from(now), c.getSignForDays()).toInstant());
    if (deduct) {
      scoring.score(c, ScoreEvent.RETURN_UNJUSTIFIED, r.getId().toString());
    }
    instructions.returnDecided(c, r);
    c.markLimitsProvisional(provisionalLimits(c));
    return new Recorded<>(c, r);
  }

  /**
   * R30: whether the case may go to another lead unit now, and what that changes: an open case
   * not yet in accountability and without a closure report awaiting acceptance; a unit other than
   * the present one; a responsible person of it; a reason; another deadline only while the
   * deadline is still the case's limit.
   */
  public SupervisionCase.Reassignment checkReassignment(SupervisionCase c, ReassignmentInput in) {
    if (!c.getStatus().isOpen()) {
      throw new InputException("newLeadUnit", c.getCaseNumber() + c.getStatus().label() + "，不能改派（newLeadUnit）");
    }
    if (c.getWarningLevel() == WarningLevel.ACCOUNTABILITY) {
      throw new InputException("newLeadUnit", c.getCaseNumber() + "已启动问责，不能改派（newLeadUnit）");
    }
    if (c.getStatus() == CaseStatus.UNDER_REVIEW) {
      throw new InputException("newLeadUnit", c.getCaseNumber() + "的办结报告待验收，请验收后再改派（newLeadUnit）");
    }
    ReassignmentInput input = in == null ? new ReassignmentInput(null, null, null, null) : in;
    if (input.leadUnit() == null || input.leadUnit().isBlank()) {
      throw new InputException("newLeadUnit", "请选择改派的承办单位（newLeadUnit）");
    }
    Unit unit = organization.unit("newLeadUnit", input.leadUnit());
    if (unit.getCode().equals(c.getLeadUnit())) {
      throw new InputException("newLeadUnit", "改派的承办单位须不同于现牵头承办单位“" + unit.getName() + "”（newLeadUnit）");
    }
    if (input.responsiblePerson() == null || input.responsiblePerson().isBlank()) {
      throw new InputException("newResponsiblePerson", "请选择改派后的责任人（newResponsiblePerson）");
    }
    Person person = organization.person("newResponsiblePerson", input.responsiblePerson());
    if (!unit.getCode().equals(person.getUnitCode())) {
      throw new InputException("newResponsiblePerson",
          "责任人须为改派的承办单位“" + unit.getName() + "”的人员（newResponsiblePerson）");
    }
    String reason = text("reassignmentReason", input.reason(), "改派理由", 1000);
    LocalDate deadline = null;
    Instant deadlineAt = null;
    if (input.deadline() != null && !input.deadline().isBlank()) {
      deadline = date("newDeadline", input.deadline(), "完成时限");
      if (!deadline.equals(c.getDeadline())) {
        if (deadline.isBefore(clock.today())) {
          throw new InputException("newDeadline", "完成时限不能早于今天（" + clock.today() + "）（newDeadline）");
        }
        countable("newDeadline", deadline, "完成时限");
        if (!c.deadlineIsCurrentLimit()) {
          throw new InputException("newDeadline", "本事项已发出限期催办单或限期具结单，改派时不能变更完成时限（newDeadline）");
        }
        deadlineAt = clock.endOfDeadline(deadline).toInstant();
      } else {
        deadline = null;
      }
    }
    return new SupervisionCase.Reassignment(unit.getCode(), person.getId(), reason, deadline, deadlineAt,
        clock.endOfWorkingDays(Date.from(clock.now()), c.getSignForDays()).toInstant());
  }

  /**
   * R30: another unit leads the case: a fresh sign-for, the same deadline unless the office set
   * another. The caller moves the tasks, grants and timers.
   */
  public Recorded<CaseReassignment> reassign(Long caseId, ReassignmentInput in, String userId) {
    SupervisionCase c = get(caseId);
    CaseReassignment record = c.reassign(checkReassignment(c, in), clock.now(), userId);
    instructions.reassigned(c, record);
    c.markLimitsProvisional(provisionalLimits(c));
    return new Recorded<>(c, record);
  }

  // ---------------------------------------------------------------- R31 co-units

  /**
   * R31: the closure report is checked as the unit sends it, before it rates its co-units: a
   * report refused afterwards would cost the unit its ratings.
   */
  public void checkClosureReport(String report, String evidence) {
    text("closureReport", report, "办结报告", TEXT_MAX);
    optionalText("closureEvidence", evidence, "佐证材料", 2000);
  }

  /** R31: the co-units that still owe their part: one task each. */
  public List<String> coUnitsToReport(Long caseId) {
    return get(caseId).getCoUnitParts().stream().filter(p -> p.getReportedAt() == null)
        .map(CoUnitPart::getUnitCode).toList();
  }

  /** R31: the co-units the lead unit rates with its closure report. */
  public List<String> coUnitsToRate(Long caseId) {
    return get(caseId).coUnitList();
  }

  /** R31, for the lead unit's rating form: what the co-unit reported, or that it did not. */
  public String coUnitPartText(Long caseId, String unit) {
    SupervisionCase c = get(caseId);
    return c.coUnitPart(unit).filter(p -> p.getReport() != null)
        .map(p -> LocalDate.ofInstant(p.getReportedAt(), clock.zone()) + "报送：" + p.getReport())
        .orElse("尚未报送协办事项");
  }

  public Recorded<CoUnitPart> reportCoUnitPart(Long caseId, String unit, String report, String userId) {
    SupervisionCase c = get(caseId);
    return new Recorded<>(c, c.reportCoUnitPart(unit, clock.now(), userId,
        text("coUnitReport", report, "协办事项办理情况", 2000)));
  }

  public Recorded<CoUnitPart> rateCoUnit(Long caseId, String unit, String contribution, String rating,
      String userId) {
    SupervisionCase c = get(caseId);
    CoUnitRating how = choice(CoUnitRating.class, "coUnitRating", rating, "请选择配合情况评价");
    String text = text("coUnitContribution", contribution, "协办单位贡献", 2000);
    if (c.coUnitPart(unit).isEmpty()) {
      // a case signed for before co-units had parts of their own: the part starts with the rating
      c.planCoUnitParts(c.getDeadlineAt());
    }
    return new Recorded<>(c, c.rateCoUnit(unit, text, how, clock.now(), userId));
  }

  // ---------------------------------------------------------------- R10 withdrawal

  /** The case a person names by its number in a form ({@code field}). */
  public SupervisionCase byNumber(String field, String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank()) {
      throw new InputException(field, "请填写要撤销的督查事项编号（" + field + "）");
    }
    return cases.findByCaseNumber(caseNumber.strip()).orElseThrow(
        () -> new InputException(field, "督查事项“" + caseNumber.strip() + "”不存在（" + field + "）"));
  }

  /** Checks that a case may be withdrawn; the reason is what the withdrawal will record. */
  public void checkWithdrawable(SupervisionCase c, String reason) {
    if (!c.getStatus().isOpen()) {
      throw new InputException("caseNumber", c.getCaseNumber() + c.getStatus().label() + "，不能撤销（caseNumber）");
    }
    if (c.getWarningLevel() == WarningLevel.ACCOUNTABILITY) {
      throw new InputException("caseNumber", c.getCaseNumber() + "已启动问责，不能撤销（caseNumber）");
    }
    text("withdrawalReason", reason, "撤销理由", 1000);
  }

  /** R10: withdrawn with a reason; every record of the case stays. */
  public SupervisionCase withdraw(Long caseId, String reason, String userId) {
    SupervisionCase c = get(caseId);
    if (c.withdraw(clock.now(), userId, reason)) {
      instructions.withdrawn(c);
    }
    return c;
  }

  // ---------------------------------------------------------------- reading

  public SupervisionCase get(Long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("no supervision case " + caseId));
  }

  /** A case's milestones, read on their own (the case's parts, loaded in this transaction). */
  public List<Milestone> milestones(Long caseId) {
    return List.copyOf(get(caseId).getMilestones());
  }

  public List<ProgressReport> progressReports(Long caseId) {
    return List.copyOf(get(caseId).getProgressReports());
  }

  public List<UrgingRecord> urgings(Long caseId) {
    return List.copyOf(get(caseId).getUrgings());
  }

  public List<ExtensionRequest> extensionRequests(Long caseId) {
    return List.copyOf(get(caseId).getExtensionRequests());
  }

  public List<ClosureReport> closureReports(Long caseId) {
    return List.copyOf(get(caseId).getClosureReports());
  }

  public List<CaseReturn> returns(Long caseId) {
    return List.copyOf(get(caseId).getReturns());
  }

  public List<CaseReassignment> reassignments(Long caseId) {
    return List.copyOf(get(caseId).getReassignments());
  }

  public List<CoUnitPart> coUnitParts(Long caseId) {
    return List.copyOf(get(caseId).getCoUnitParts());
  }

  /** Who may read the case (R30: its former lead units too), read with its record. */
  public InstanceViewers viewers(Long caseId) {
    return get(caseId).viewers();
  }

  /** R9, R22: how often the head of a unit was interviewed over its cases in a period. */
  public long headInterviews(String unitCode, Instant from, Instant to) {
    return urgings.countInterviews(unitCode,
        EnumSet.of(UrgingMethod.INTERVIEW_BY_ORGANIZATION_HEAD, UrgingMethod.INTERVIEW_BY_PRINCIPAL_LEADER), from, to);
  }

  private NoticeContent noticeContent(SupervisionCase c, Instant limit) {
    String coUnits = c.coUnitList().isEmpty() ? "无"
        : String.join("、", c.coUnitList().stream().map(organization::unitName).toList());
    String milestoneText = c.getMilestones().isEmpty() ? "无"
        : String.join("；", c.getMilestones().stream().map(m -> m.getDueDate() + " " + m.getName()).toList());
    return new NoticeContent(c.getId(), c.getCaseNumber(), c.getTitle(), organization.unitName(c.getLeadUnit()),
        coUnits, organization.personName(c.getResponsiblePerson()), c.getContent(), milestoneText,
        String.join("；", c.checklistItems()), limit, clock.zone());
  }
}
