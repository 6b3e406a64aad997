package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InLists;
import cn.duban.notice.NoticePage;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.InstructionReaders;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * R28 through the API: the cases a leader instructed with what he was told of each, a case's
 * feedback to its leader, its feedback sheets (printable), a sheet on the office's demand, and the
 * leader's secretary.
 */
@RestController
public class InstructionController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** The sheet's colour on the page: the blue of a report to a leader. */
  private static final String COLOUR = "#1f4e79";

  private final SupervisionCaseRepository cases;
  private final LeaderInstructions instructions;
  private final FeedbackSheetRepository sheets;
  private final FeedbackSheetRequest sheetRequest;
  private final InstructionReaders readers;
  private final OrganizationService organization;
  private final Access access;
  private final LimitClock clock;
  private final NoticePage page;
  private final String office;

  public InstructionController(SupervisionCaseRepository cases, LeaderInstructions instructions,
      FeedbackSheetRepository sheets, FeedbackSheetRequest sheetRequest, InstructionReaders readers,
      OrganizationService organization, Access access, LimitClock clock, NoticePage page,
      @Value("${duban.notice.issuing-office:县委县政府督查室}") String office) {
    this.cases = cases;
    this.instructions = instructions;
    this.sheets = sheets;
    this.sheetRequest = sheetRequest;
    this.readers = readers;
    this.organization = organization;
    this.access = access;
    this.clock = clock;
    this.page = page;
    this.office = office;
  }

  public record FeedbackEntry(Instant at, String step, String stepLabel, String message, Instant notifiedAt) {

    static FeedbackEntry of(LeaderFeedback f) {
      return new FeedbackEntry(f.getHappenedAt(), f.getStep().name(), f.getStepLabel(), f.getMessage(),
          f.getNotifiedAt());
    }
  }

  public record SheetLink(int sequence, String occasion, Instant issuedAt, String href) {

    static SheetLink of(FeedbackSheet s) {
      return new SheetLink(s.getSequence(), s.getOccasion().label(), s.getIssuedAt(),
          "/api/cases/" + s.getCaseId() + "/feedback-sheets/" + s.getSequence());
    }
  }

  /** An instructed case as the leader's list shows it: the instruction, the case's level and state, what he was told. */
  public record InstructedCase(Long caseId, String caseNumber, String title, String leader, String leaderLabel,
      String instructionNumber, LocalDate instructionDate, String instructionText, String leadUnitName,
      LocalDate deadline, WarningLevel warningLevel, String warningLevelLabel, String status,
      List<FeedbackEntry> feedback, List<SheetLink> sheets) {
  }

  public record SecretaryRequest(String secretary) {
  }

  public record Secretaries(String leader, List<String> secretaries) {
  }

  /**
   * The cases the caller instructed, or his leader did if he is a secretary; the overseeing offices
   * see every instructed case ({@code leader}: one leader's).
   */
  @GetMapping("/api/instructions")
  @Transactional(readOnly = true)
  public List<InstructedCase> list(@RequestParam(required = false) String leader) {
    Viewer viewer = viewer();
    List<String> leaders = readers.leadersReadBy(viewer.userId(), viewer.groups());
    List<SupervisionCase> found;
    if (viewer.overseesAll()) {
      found = leader == null || leader.isBlank() ? cases.findInstructed() : cases.findInstructedBy(List.of(leader));
    } else {
      List<String> asked = leader == null || leader.isBlank() ? leaders
          : leaders.contains(leader) ? List.of(leader) : List.of();
      found = asked.isEmpty() ? List.of() : cases.findInstructedBy(asked);
    }
    return instructed(found);
  }

  /**
   * The cases as the leader's list shows them, what each leader was told and the sheets read for
   * all of them together: a leader's list grows year after year.
   */
  private List<InstructedCase> instructed(List<SupervisionCase> found) {
    List<Long> ids = found.stream().map(SupervisionCase::getId).toList();
    Map<Long, List<LeaderFeedback>> told = instructions.told(ids);
    Map<Long, List<FeedbackSheet>> issued = InLists.read(ids, sheets::findByCaseIdInOrderBySequence).stream()
        .collect(Collectors.groupingBy(FeedbackSheet::getCaseId));
    return found.stream().map(c -> instructed(c, told.getOrDefault(c.getId(), List.of()),
        issued.getOrDefault(c.getId(), List.of()))).toList();
  }

  private InstructedCase instructed(SupervisionCase c, List<LeaderFeedback> told, List<FeedbackSheet> issued) {
    Instruction i = c.getInstruction();
    return new InstructedCase(c.getId(), c.getCaseNumber(), c.getTitle(), i.getLeader(),
        instructions.leaderLabel(i.getLeader()), i.getDocumentNumber(), i.getDate(), i.getText(),
        organization.unitName(c.getLeadUnit()), c.getDeadline(), c.getWarningLevel(), c.getWarningLevel().label(),
        c.getStatus().label(), told.stream().map(FeedbackEntry::of).toList(),
        issued.stream().map(SheetLink::of).toList());
  }

  /** What the case's instructing leader was told, oldest first. */
  @GetMapping("/api/cases/{id}/leader-feedback")
  @Transactional(readOnly = true)
  public InstructedCase feedback(@PathVariable Long id) {
    return instructed(List.of(readable(id))).get(0);
  }

  /** The same as a page: what the leader was told, one row a step, and links to nothing else. */
  @GetMapping(value = "/api/cases/{id}/leader-feedback/page", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  @Transactional(readOnly = true)
  public ModelAndView feedbackPage(@PathVariable Long id) {
    SupervisionCase c = readable(id);
    Instruction i = c.getInstruction();
    DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    List<NoticePage.Row> rows = instructions.told(c.getId()).stream()
        .map(f -> new NoticePage.Row(minute.format(f.getHappenedAt().atZone(clock.zone())), f.getStepLabel() + "：" + f.getMessage()))
        .toList();
    return page.view(new NoticePage.Sheet(office, COLOUR, c.getWarningLevel().label() + "，" + c.getStatus().label(),
        "领导批示件办理反馈", c.getCaseNumber(), instructions.leaderLabel(i.getLeader()),
        List.of("批示（" + i.getDocumentNumber() + "，" + DAY.format(i.getDate()) + "）：" + i.getText()), rows, null, false,
        clock.now(), clock.zone()));
  }

  @GetMapping("/api/cases/{id}/feedback-sheets")
  @Transactional(readOnly = true)
  public List<SheetLink> sheets(@PathVariable Long id) {
    SupervisionCase c = readable(id);
    return sheets.findByCaseIdOrderBySequence(c.getId()).stream().map(SheetLink::of).toList();
  }

  /** A feedback sheet as a printable page, in the notices' layout. */
  @GetMapping(value = "/api/cases/{id}/feedback-sheets/{sequence}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  @Transactional(readOnly = true)
  public ModelAndView sheet(@PathVariable Long id, @PathVariable int sequence) {
    SupervisionCase c = readable(id);
    FeedbackSheet s = sheets.findByCaseIdAndSequence(c.getId(), sequence).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, c.getCaseNumber() + "没有第" + sequence + "期督办反馈单"));
    return page.view(new NoticePage.Sheet(office, COLOUR, s.getOccasion().label(), "督办反馈单",
        c.getCaseNumber() + "（第" + s.getSequence() + "期）", s.getAddressee(),
        List.of("您批示的“" + c.getTitle() + "”事项，现将办理情况反馈如下。"),
        List.of(new NoticePage.Row("领导批示", s.getInstruction()),
            // as they were when the sheet was issued: a later reassignment does not rewrite it
            new NoticePage.Row("承办单位", s.getLeadUnitName() != null ? s.getLeadUnitName()
                : organization.unitName(c.getLeadUnit())),
            new NoticePage.Row("责任人", s.getResponsiblePersonName() != null ? s.getResponsiblePersonName()
                : organization.personName(c.getResponsiblePerson())),
            new NoticePage.Row("办理情况", s.getWorkDone()),
            new NoticePage.Row("目前状态", s.getState()),
            new NoticePage.Row("下一步", s.getNextStep())),
        null, false, s.getIssuedAt(), clock.zone()));
  }

  /** R28: the supervision office issues a feedback sheet as the case stands now. */
  @PostMapping("/api/cases/{id}/feedback-sheets")
  public SheetLink requestSheet(@PathVariable Long id) {
    Viewer caller = viewer();
    if (!caller.in(Groups.SUPERVISION_OFFICE)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室可以呈报督办反馈单");
    }
    cases.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    return SheetLink.of(sheetRequest.request(id, caller.userId()));
  }

  @GetMapping("/api/leaders/{leaderId}/secretary")
  public Secretaries secretary(@PathVariable String leaderId) {
    Viewer caller = viewer();
    if (!caller.overseesAll() && !readers.leadersReadBy(caller.userId(), caller.groups()).contains(leaderId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该领导的秘书");
    }
    return new Secretaries(leaderId, readers.secretaries(leaderId));
  }

  /** The leader names his secretary ({@code null}: none); the leader himself or an administrator. */
  @PutMapping("/api/leaders/{leaderId}/secretary")
  public Secretaries nameSecretary(@PathVariable String leaderId, @RequestBody SecretaryRequest request) {
    Viewer caller = viewer();
    if (!caller.userId().equals(leaderId) && !caller.in(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有领导本人或系统管理员可以指定秘书");
    }
    return new Secretaries(leaderId, readers.nameSecretary(leaderId, request == null ? null : request.secretary()));
  }

  private SupervisionCase readable(Long id) {
    SupervisionCase c = cases.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "督查事项不存在：" + id));
    if (!viewer().mayRead(c.viewers())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该督查事项");
    }
    if (c.getInstruction() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, c.getCaseNumber() + "不是领导批示件");
    }
    return c;
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
