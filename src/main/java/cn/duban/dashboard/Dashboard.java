package cn.duban.dashboard;

import cn.duban.accountability.AccountabilityConsequences;
import cn.duban.common.InLists;
import cn.duban.common.Inputs;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.LimitClock;
import cn.duban.complaint.ComplaintRepository;
import cn.duban.complaint.ComplaintStatus;
import cn.duban.engine.ShippedModels;
import cn.duban.organization.InstructionReaders;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import cn.duban.supervision.Breakdown;
import cn.duban.supervision.ParentItem;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.SupervisionCaseRepository;
import cn.duban.supervision.WarningLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办看板: what the supervisors watch. Open cases by warning level and by unit, the cases past
 * their deadline and the complaints past their limit, with the working days they are late. Only
 * what the caller may see: the instances come from the engine's queries under the caller's
 * authorizations (Cockpit's session, the REST filter), the records from the project's tables.
 */
@Service
public class Dashboard {

  /** How many cases a list of the board shows (the overdue ones, a tile's, a unit's); the counts are of all. */
  static final int LISTED = 200;
  /** How many of the done cases a leader instructed the board lists, the latest. */
  static final int INSTRUCTED_DONE = 20;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final RuntimeService runtime;
  private final SupervisionCaseRepository cases;
  private final ComplaintRepository complaints;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final HolidayTables holidays;
  private final Breakdown breakdown;
  private final AccountabilityConsequences consequences;
  private final Access access;
  private final InstructionReaders readers;
  private final ShippedModels models;
  private final NamedParameterJdbcTemplate jdbc;

  public Dashboard(RuntimeService runtime, SupervisionCaseRepository cases, ComplaintRepository complaints,
      OrganizationService organization, LimitClock clock, HolidayTables holidays, Breakdown breakdown,
      AccountabilityConsequences consequences, Access access, InstructionReaders readers, ShippedModels models,
      NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.models = models;
    this.readers = readers;
    this.consequences = consequences;
    this.runtime = runtime;
    this.cases = cases;
    this.complaints = complaints;
    this.organization = organization;
    this.clock = clock;
    this.holidays = holidays;
    this.breakdown = breakdown;
    this.access = access;
  }

  public record LevelCount(String level, String label, long count) {
  }

  public record UnitCount(String unit, String unitName, Map<String, Long> byLevel, long total) {
  }

  /** An open case as the board lists it; working days overdue are 0 before its deadline. */
  public record CaseRow(Long caseId, String caseNumber, String title, String unit, String unitName, String deadline,
      int workingDaysOverdue, String level, String levelLabel, String processInstanceId) {
  }

  /** R28: a case the caller (or the leader whose secretary he is) instructed, open or done, with its level. */
  public record InstructedRow(Long caseId, String caseNumber, String title, String leaderName, String unitName,
      String deadline, String level, String levelLabel, String statusLabel, boolean open, String processInstanceId) {
  }

  /** The first {@code listed} of the {@code total} open cases a tile or a unit selects. */
  public record CaseList(long total, int listed, List<CaseRow> cases) {
  }

  public record OverdueComplaint(String trackingCode, String unitName, String typeLabel, String statusLabel,
      String limitAt, int workingDaysOverdue, String processInstanceId) {
  }

  /**
   * R29: a parent item not yet done, with its children as the caller may see them: how many, how
   * many open and overdue, the open ones by warning level.
   */
  public record ParentRow(Long id, String title, String sourceLabel, String deadline, String stateLabel, int children,
      int open, int overdue, List<Breakdown.Count> byLevel) {
  }

  /** R13: a unit under rectification, whose head may not be transferred or promoted meanwhile. */
  public record RectifyingUnit(String unit, String unitName, String head, String headName, String since,
      String measure, String bar, String processInstanceId) {
  }

  /**
   * A model the release ships changed but did not deploy, because an analyst's version is the latest
   * (engine.ShippedModels): who deployed that version and when, since when the conflict stands.
   */
  public record ModelConflictRow(Long id, String resourceName, String definitionKeys, String deploymentName,
      String deployedBy, String deployedAt, String detectedAt) {
  }

  /**
   * Times as text (yyyy-MM-dd HH:mm, the offices' zone): Cockpit's JSON has no date types.
   * {@code calendarNotice}: from 1 November while next year's holiday table is missing (R25), else null.
   * {@code overdueCases}: the first {@code listed} of the {@code overdueCount} open cases past their deadline.
   */
  public record Overview(String at, long openCases, List<LevelCount> byLevel, List<UnitCount> byUnit,
      List<CaseRow> overdueCases, long overdueCount, int listed, List<OverdueComplaint> overdueComplaints,
      String calendarNotice, List<InstructedRow> instructedCases, List<ParentRow> parents,
      List<RectifyingUnit> rectifyingUnits, List<ModelConflictRow> modelConflicts) {
  }

  @Transactional(readOnly = true)
  public Overview overview() {
    Instant now = clock.now();
    LocalDate today = clock.today();
    OpenCases open = openCases(now);
    OpenCases.Counts counts = open.counts();
    Map<String, Map<WarningLevel, Long>> counted = counts.byUnit();
    Map<WarningLevel, Long> levels = new EnumMap<>(WarningLevel.class);
    Arrays.stream(WarningLevel.values()).forEach(l -> levels.put(l, 0L));
    counted.values().forEach(byLevel -> byLevel.forEach((l, n) -> levels.merge(l, n, Long::sum)));
    List<OpenCases.Listed> overdue = open.first(OpenCases.Selection.OVERDUE, LISTED);
    List<OverdueComplaint> lateComplaints = visible("complaint-investigation", complaints::findByProcessInstanceIdIn)
        .stream().filter(c -> c.getStatus() == ComplaintStatus.INVESTIGATING
            || c.getStatus() == ComplaintStatus.REINVESTIGATING)
        .filter(c -> c.getInvestigationLimitAt() != null && c.getInvestigationLimitAt().isBefore(now))
        .map(c -> new OverdueComplaint(c.getTrackingCode(), organization.unitName(c.getUnitCode()), c.getType().label(),
            c.getStatus().label(), MINUTE.format(c.getInvestigationLimitAt().atZone(clock.zone())), Math.max(0, clock.calendar().workingDaysBetween(
                c.getInvestigationLimitAt().atZone(clock.zone()).toLocalDate(), today)), c.getProcessInstanceId()))
        .sorted(Comparator.comparing(OverdueComplaint::workingDaysOverdue).reversed())
        .toList();
    return new Overview(MINUTE.format(now.atZone(clock.zone())),
        levels.values().stream().mapToLong(Long::longValue).sum(),
        levels.entrySet().stream().map(e -> new LevelCount(e.getKey().name(), e.getKey().label(), e.getValue())).toList(),
        counted.entrySet().stream().map(e -> new UnitCount(e.getKey(), organization.unitName(e.getKey()),
            e.getValue().entrySet().stream().collect(Collectors.toMap(l -> l.getKey().name(), Map.Entry::getValue,
                Long::sum, TreeMap::new)),
            e.getValue().values().stream().mapToLong(Long::longValue).sum())).toList(),
        rows(overdue, now, today), counts.overdue(), LISTED, lateComplaints, holidays.nextYearNotice(),
        instructed(), parents(), rectifyingUnits(), modelConflicts());
  }

  /**
   * The open cases of one level or one lead unit (a tile or a unit's name on the board), the first
   * {@link #LISTED} in the board's order and how many there are; as the caller may see them.
   */
  @Transactional(readOnly = true)
  public CaseList cases(String level, String unit) {
    OpenCases.Selection selection = new OpenCases.Selection(level == null || level.isBlank() ? null
        : Inputs.choice(WarningLevel.class, "level", level, "督办级别须为 GREEN、YELLOW、RED 或 ACCOUNTABILITY"),
        unit == null || unit.isBlank() ? null : unit, false);
    Instant now = clock.now();
    OpenCases open = openCases(now);
    return new CaseList(open.count(selection), LISTED, rows(open.first(selection, LISTED), now, clock.today()));
  }

  /**
   * The open cases the caller counts: every one for whoever reads every case and belongs to no
   * unit, else those the engine shows him (R30: less a unit's cases that another unit now leads).
   */
  private OpenCases openCases(Instant now) {
    Optional<Viewer> viewer = access.viewer();
    boolean ofNoUnit = viewer.map(v -> v.groups().stream().noneMatch(g -> Groups.unitCodeOf(g) != null)).orElse(true);
    if (ofNoUnit && access.readsEveryInstance(viewer, SupervisionCase.PROCESS_KEY)) {
      return OpenCases.all(jdbc, now);
    }
    return OpenCases.of(visible(SupervisionCase.PROCESS_KEY, cases::findByProcessInstanceIdIn).stream()
        .filter(c -> !ledBeforeOnly(viewer.get(), c)).toList(), now);
  }

  private List<CaseRow> rows(List<OpenCases.Listed> listed, Instant now, LocalDate today) {
    return listed.stream().map(c -> new CaseRow(c.id(), c.caseNumber(), c.title(), c.leadUnit(),
            organization.unitName(c.leadUnit()), c.deadline().toString(), c.deadlineAt().isBefore(now)
                ? Math.max(0, clock.calendar().workingDaysBetween(c.deadline(), today)) : 0,
            c.level().name(), c.level().label(), c.processInstanceId()))
        .toList();
  }

  /**
   * R30: a unit that led a case before it was reassigned keeps reading what it did, but the case
   * is no longer its work: its board does not count it.
   */
  private static boolean ledBeforeOnly(Viewer viewer, SupervisionCase c) {
    return c.formerLeadUnitList().stream().map(Groups::ofUnit).anyMatch(viewer.groups()::contains)
        && c.unitCodes().stream().map(Groups::ofUnit).noneMatch(viewer.groups()::contains)
        && !viewer.userId().equals(c.getLeaderInCharge()) && !viewer.userId().equals(c.getResponsiblePerson());
  }

  /**
   * R28: 我批示的事项, the open ones first (the highest level first), then the latest of those done
   * ({@link #INSTRUCTED_DONE}; every one at {@code /api/instructions}).
   */
  private List<InstructedRow> instructed() {
    List<String> leaders = access.viewer().map(v -> readers.leadersReadBy(v.userId(), v.groups())).orElse(List.of());
    if (leaders.isEmpty()) {
      return List.of();
    }
    return Stream.concat(cases.findOpenInstructedBy(leaders).stream(),
            cases.findDoneInstructedBy(leaders, PageRequest.of(0, INSTRUCTED_DONE)).stream())
        .map(c -> new InstructedRow(c.getId(), c.getCaseNumber(), c.getTitle(),
            organization.personName(c.getInstruction().getLeader()), organization.unitName(c.getLeadUnit()),
            c.getDeadline().toString(), c.getWarningLevel().name(), c.getWarningLevel().label(), c.getStatus().label(),
            c.getStatus().isOpen(), c.getProcessInstanceId()))
        .sorted(Comparator.comparing(InstructedRow::open).reversed()
            .thenComparing(r -> WarningLevel.valueOf(r.level()), Comparator.reverseOrder())
            .thenComparing(InstructedRow::deadline))
        .toList();
  }

  /** R29: the parents still being worked, those with overdue children first. */
  private List<ParentRow> parents() {
    Viewer viewer = access.viewer().orElse(null);
    if (viewer == null) {
      return List.of();
    }
    List<ParentRow> out = new ArrayList<>();
    for (Breakdown.Visible v : breakdown.inProgress(viewer)) {
      ParentItem p = v.parent();
      Breakdown.Progress progress = v.progress();
      out.add(new ParentRow(p.getId(), p.getTitle(), p.getSource().label(), p.getDeadline().toString(),
          progress.stateLabel(), progress.children(), progress.open(), progress.overdue(), progress.byLevel()));
    }
    out.sort(Comparator.comparing(ParentRow::overdue).reversed().thenComparing(ParentRow::deadline));
    return out;
  }

  /**
   * R13: the units under rectification whose procedure the caller may see; all of them for the
   * organisation department, which decides on transfers and promotions.
   */
  private List<RectifyingUnit> rectifyingUnits() {
    List<AccountabilityConsequences.Rectification> all = consequences.underRectification();
    if (all.isEmpty()) {
      return List.of();
    }
    boolean decidesPosts = access.viewer().filter(v -> v.in(Groups.ORGANIZATION_DEPARTMENT)).isPresent();
    Set<String> visible = decidesPosts ? Set.of() : Set.copyOf(visible("accountability", ids -> ids));
    return all.stream().filter(r -> decidesPosts || visible.contains(r.processInstanceId()))
        .map(r -> new RectifyingUnit(r.unitCode(), r.unitName(), r.headId(), organization.personName(r.headId()),
            r.since() == null ? null : MINUTE.format(r.since().atZone(clock.zone())), r.measure(), r.text(),
            r.processInstanceId()))
        .toList();
  }

  /** The open model conflicts, for the process analysts and administrators, who resolve them. */
  private List<ModelConflictRow> modelConflicts() {
    if (access.viewer().filter(v -> v.in(Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)).isEmpty()) {
      return List.of();
    }
    return models.open().stream()
        .map(c -> new ModelConflictRow(c.getId(), c.getResourceName(), c.getDefinitionKeys(), c.getDeploymentName(),
            c.getDeployedBy() == null ? null : organization.personName(c.getDeployedBy()),
            c.getDeployedAt() == null ? null : MINUTE.format(c.getDeployedAt().atZone(clock.zone())),
            MINUTE.format(c.getDetectedAt().atZone(clock.zone()))))
        .toList();
  }

  /** The records of the running instances of a process that the caller may see. */
  private <T> List<T> visible(String processKey, Function<List<String>, List<T>> records) {
    return InLists.read(runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
        .map(ProcessInstance::getId).toList(), records);
  }
}
