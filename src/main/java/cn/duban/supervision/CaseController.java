package cn.duban.supervision;

import cn.duban.ledger.Ledger;
import cn.duban.ledger.LedgerEntry;
import cn.duban.calendar.LimitClock;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.notice.NoticePage;
import cn.duban.notice.NoticeRepository;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The project's API for supervision cases: read a case with its whole record, withdraw one. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  private final SupervisionService cases;
  private final SupervisionCaseRepository repository;
  private final NoticeRepository notices;
  private final Ledger ledger;
  private final CaseWithdrawal withdrawal;
  private final CaseReassignmentRequests reassignments;
  private final Access access;
  private final LimitClock clock;
  private final NoticePage noticePage;
  private final CaseLedger caseLedger;

  public CaseController(SupervisionService cases, SupervisionCaseRepository repository, NoticeRepository notices,
      Ledger ledger, CaseWithdrawal withdrawal, CaseReassignmentRequests reassignments, Access access,
      LimitClock clock, NoticePage noticePage, CaseLedger caseLedger) {
    this.caseLedger = caseLedger;
    this.reassignments = reassignments;
    this.cases = cases;
    this.repository = repository;
    this.notices = notices;
    this.ledger = ledger;
    this.withdrawal = withdrawal;
    this.access = access;
    this.clock = clock;
    this.noticePage = noticePage;
  }

  public record CaseSummary(Long id, String caseNumber, String title, String leadUnit, LocalDate deadline,
      WarningLevel warningLevel, CaseStatus status, String processInstanceId) {

    static CaseSummary of(SupervisionCase c) {
      return new CaseSummary(c.getId(), c.getCaseNumber(), c.getTitle(), c.getLeadUnit(), c.getDeadline(),
          c.getWarningLevel(), c.getStatus(), c.getProcessInstanceId());
    }
  }

  public record CaseDetail(CaseSummary summary, CaseSource source, String sourceLabel, String content,
      String leaderInCharge, List<String> coUnits, String responsiblePerson, List<String> qualityChecklist,
      Instant deadlineAt, Instant stageLimitAt, Instant registeredAt, Instant signedAt, Instant closedAt,
      Boolean closedOnTime, Instant withdrawnAt, String withdrawnBy, String withdrawalReason, List<Milestone> milestones, List<Notice> notices, List<ProgressReport> progressReports,
      List<UrgingRecord> urgings, List<ExtensionRequest> extensionRequests, List<ClosureReport> closureReports,
      List<LedgerEntry> ledger, String accountability, List<CaseReturn> returns,
      List<CaseReassignment> reassignments, List<CoUnitPart> coUnitParts) {
  }

  /** The same field name as the withdrawal form's. */
  public record WithdrawalRequest(String withdrawalReason) {
  }

  /** R30: the field names of the return decision form's reassignment part, and a reason. */
  public record ReassignmentRequest(String newLeadUnit, String newResponsiblePerson, String newDeadline,
      String reassignmentReason) {
  }

  /**
   * The year's cases the caller may see: all for the overseeing offices, else their units' and their
   * own; R34: narrowed by unit (leading or helping), level, state and source when given.
   */
  @GetMapping
  public List<CaseSummary> list(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
      @RequestParam(required = false) String status, @RequestParam(required = false) String source) {
    return caseLedger.cases(caseLedger.filter(year, unit, level, status, source), viewer()).stream()
        .map(CaseSummary::of).toList();
  }

  /** R34 督办台账 as data: the rows the filters admit and the caller may see, with their charts. */
  public record LedgerAnswer(String filters, List<CaseLedger.LedgerRow> rows, CaseCharts charts,
      CaseLedger.Options options) {
  }

  @GetMapping("/ledger")
  public LedgerAnswer ledger(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
      @RequestParam(required = false) String status, @RequestParam(required = false) String source) {
    CaseLedger.Filter filter = caseLedger.filter(year, unit, level, status, source);
    Viewer viewer = viewer();
    return new LedgerAnswer(caseLedger.describe(filter), caseLedger.rows(filter, viewer),
        caseLedger.charts(filter, viewer), caseLedger.options());
  }

  /** R34 督办台账 as an Excel workbook, with the same filters and the same rows. */
  @GetMapping("/ledger.xlsx")
  public ResponseEntity<byte[]> ledgerWorkbook(@RequestParam(required = false) Integer year,
      @RequestParam(required = false) String unit, @RequestParam(required = false) String level,
      @RequestParam(required = false) String status, @RequestParam(required = false) String source) {
    CaseLedger.Filter filter = caseLedger.filter(year, unit, level, status, source);
    byte[] book = caseLedger.xlsx(caseLedger.rows(filter, viewer()), caseLedger.describe(filter));
    String name = URLEncoder.encode("督办台账-" + filter.year() + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-ledger-" + filter.year()
            + ".xlsx\"; filename*=UTF-8''" + name)
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(book);
  }

  /** R34: 督办看板's charts, the last twelve months of the cases the caller may see. */
  @GetMapping("/charts")
  public CaseCharts charts() {
    return caseLedger.lastTwelveMonths(viewer());
  }

  /** The case with its whole record; the accountability procedures it led to are a link to their own resource. */
  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  public CaseDetail get(@PathVariable Long id) {
    SupervisionCase c = repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    if (!viewer().mayRead(c.viewers())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该督查事项");
    }
    return new CaseDetail(CaseSummary.of(c), c.getSource(), c.getSource().label(), c.getContent(),
        c.getLeaderInCharge(), c.coUnitList(), c.getResponsiblePerson(), c.checklistItems(), c.getDeadlineAt(),
        c.getStageLimitAt(), c.getRegisteredAt(), c.getSignedAt(), c.getClosedAt(), c.getClosedOnTime(),
        c.getWithdrawnAt(), c.getWithdrawnBy(), c.getWithdrawalReason(),
        // copied here, inside the transaction: the case's parts load lazily
        List.copyOf(c.getMilestones()), notices.findByCaseIdOrderByIssuedAt(id), List.copyOf(c.getProgressReports()),
        List.copyOf(c.getUrgings()), List.copyOf(c.getExtensionRequests()), List.copyOf(c.getClosureReports()),
        ledger.ofSource(CaseScoring.SOURCE_TYPE, c.getCaseNumber()),
        "/api/accountability?case=" + URLEncoder.encode(c.getCaseNumber(), StandardCharsets.UTF_8),
        List.copyOf(c.getReturns()), List.copyOf(c.getReassignments()), List.copyOf(c.getCoUnitParts()));
  }

  /** The case's green, yellow or red notice as a printable page. */
  @GetMapping(value = "/{id}/notices/{kind}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ModelAndView notice(@PathVariable Long id, @PathVariable NoticeKind kind) {
    SupervisionCase c = repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    if (!viewer().mayRead(c.viewers())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该督查事项");
    }
    Notice n = notices.findByCaseIdAndKind(id, kind)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, c.getCaseNumber() + "未发出" + kind.title()));
    return noticePage.view(n, clock.zone());
  }

  /** R10 through the API; like the withdrawal process in Tasklist, for the supervision office only. */
  @PostMapping("/{id}/withdrawal")
  public CaseSummary withdraw(@PathVariable Long id, @RequestBody WithdrawalRequest request) {
    SupervisionCase c = repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    Viewer caller = viewer();
    if (!caller.in(Groups.SUPERVISION_OFFICE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室可以撤销督查立项");
    }
    return CaseSummary.of(withdrawal.request(c.getId(), request == null ? null : request.withdrawalReason(),
        caller.userId()));
  }

  /**
   * R30: the supervision office reassigns a case to another lead unit at any time before closure;
   * the new unit signs for it afresh, the deadline stays unless {@code newDeadline} is given.
   */
  @PostMapping("/{id}/reassignment")
  public CaseSummary reassign(@PathVariable Long id, @RequestBody ReassignmentRequest request) {
    SupervisionCase c = repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    Viewer caller = viewer();
    if (!caller.in(Groups.SUPERVISION_OFFICE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室可以改派督查事项");
    }
    ReassignmentRequest r = request == null ? new ReassignmentRequest(null, null, null, null) : request;
    return CaseSummary.of(reassignments.request(c.getId(), new SupervisionService.ReassignmentInput(
        r.newLeadUnit(), r.newResponsiblePerson(), r.newDeadline(), r.reassignmentReason()), caller.userId()));
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
