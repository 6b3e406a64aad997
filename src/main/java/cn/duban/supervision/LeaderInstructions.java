package cn.duban.supervision;

import static cn.duban.common.Inputs.date;
import static cn.duban.common.Inputs.text;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InLists;
import cn.duban.common.InputException;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.Role;
import cn.duban.supervision.FeedbackSheet.Occasion;
import cn.duban.supervision.LeaderFeedback.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R28: leaders' instructions (领导批示件). At registration: the instruction checked field by field,
 * and the level a principal leader's instruction starts at. At every step of an instructed case:
 * what its leader is told ({@link LeaderFeedback}). At closure and on the office's demand: the
 * feedback sheet ({@link FeedbackSheet}). Cases without an instruction pass through untouched.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = InputException.class)
public class LeaderInstructions {

  static final int NUMBER_MAX = 100;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OrganizationService organization;
  private final LeaderFeedbackRepository feedback;
  private final FeedbackSheetRepository sheets;
  private final InstructionProperties properties;
  private final LimitClock clock;
  private final CaseMessages messages;

  public LeaderInstructions(OrganizationService organization, LeaderFeedbackRepository feedback,
      FeedbackSheetRepository sheets, InstructionProperties properties, LimitClock clock, CaseMessages messages) {
    this.messages = messages;
    this.organization = organization;
    this.feedback = feedback;
    this.sheets = sheets;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The registration form's instruction fields, as raw form values. {@code keepLevel}: the office
   * decided that a principal leader's instruction starts at the level chosen, not at yellow.
   */
  public record InstructionInput(String leader, String text, String documentNumber, String date, Boolean keepLevel) {

    static final InstructionInput NONE = new InstructionInput(null, null, null, null, null);
  }

  // ---------------------------------------------------------------- registration

  /** The instruction of a case from 领导批示, each missing or bad field refused by name. */
  @Transactional(propagation = Propagation.SUPPORTS)
  public Instruction check(InstructionInput in) {
    InstructionInput i = in == null ? InstructionInput.NONE : in;
    if (i.leader() == null || i.leader().isBlank()) {
      throw new InputException("instructingLeader", "来源为领导批示的事项，请选择批示领导（instructingLeader）");
    }
    Person leader = organization.person("instructingLeader", i.leader().strip());
    if (!leader.isCountyLeader()) {
      throw new InputException("instructingLeader",
          "“" + leader.getName() + "”不是县领导，不能作为批示领导（instructingLeader）");
    }
    String text = text("instructionText", i.text(), "批示内容", SupervisionService.TEXT_MAX);
    String number = text("instructionNumber", i.documentNumber(), "批示文号", NUMBER_MAX);
    LocalDate day = date("instructionDate", i.date(), "批示日期");
    if (day.isAfter(clock.today())) {
      throw new InputException("instructionDate", "批示日期不能晚于今天（" + clock.today() + "）（instructionDate）");
    }
    return new Instruction(leader.getId(), text, number, day);
  }

  /**
   * R28: a principal leader's instruction starts at yellow at least (a setting), unless the office
   * decided otherwise at registration.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public WarningLevel initialLevel(Instruction instruction, WarningLevel chosen, Boolean keepLevel) {
    if (instruction == null || !properties.principalLeaderAtLeastYellow() || Boolean.TRUE.equals(keepLevel)
        || chosen != WarningLevel.GREEN) {
      return chosen;
    }
    return organization.findPerson(instruction.getLeader()).filter(p -> p.hasRole(Role.PRINCIPAL_LEADER))
        .isPresent() ? WarningLevel.YELLOW : chosen;
  }

  /** The leader as people write him: 赵振邦（县长）. */
  @Transactional(propagation = Propagation.SUPPORTS)
  public String leaderLabel(String leaderId) {
    return organization.findPerson(leaderId)
        .map(Person::label).orElse(leaderId);
  }

  // ---------------------------------------------------------------- what the leader is told

  /**
   * Tells the case's instructing leader of a step; a step told before (the same key) is not told
   * again, so a step that runs twice leaves one entry.
   */
  void tell(SupervisionCase c, Step step, String key, Instant at, String message) {
    if (c.getInstruction() == null || feedback.existsByCaseIdAndStepKey(c.getId(), key)) {
      return;
    }
    LeaderFeedback told = new LeaderFeedback(c, step, key, at, message);
    // R33: the step goes to the leader by message too; notified_at is when it was handed over
    messages.instructionStage(c, told);
    told.notified(at);
    feedback.saveAndFlush(told);
  }

  void registered(SupervisionCase c) {
    tell(c, Step.REGISTERED, "REGISTERED", c.getRegisteredAt(), "您批示的事项已立项为" + c.getCaseNumber()
        + "，由" + organization.unitName(c.getLeadUnit()) + "牵头办理，责任人" + organization.personName(c.getResponsiblePerson())
        + "，完成时限" + c.getDeadline() + "，起始督办级别" + c.getInitialLevel().label() + "。");
  }

  /**
   * R30: each lead unit signs for the case once: the unit a case is reassigned to signs for it
   * afresh, and the leader is told of that too.
   */
  void signedFor(SupervisionCase c) {
    int reassigned = c.getReassignments().size();
    tell(c, Step.SIGNED_FOR, reassigned == 0 ? "SIGNED_FOR" : "SIGNED_FOR:" + reassigned, c.getSignedAt(), organization.unitName(c.getLeadUnit()) + "已签收"
        + (c.getSignedBy() == null ? "" : "（" + organization.personName(c.getSignedBy()) + "）") + "。");
  }

  /** R30: the lead unit returned the case instead of signing for it. */
  void returned(SupervisionCase c, CaseReturn r) {
    tell(c, Step.RETURNED, "RETURNED:" + c.getReturns().size(), r.getReturnedAt(), organization.unitName(r.getLeadUnit())
        + "申请退办，理由：" + reasonOf(r) + "，待督查室审定。");
  }

  /** R30: the office decided a return: kept with the unit that returned it, or reassigned. */
  void returnDecided(SupervisionCase c, CaseReturn r) {
    if (r.getDecided() == null) {
      return;
    }
    String unit = organization.unitName(r.getLeadUnit());
    String comment = r.getDecided().comment() == null ? "" : "，审定意见：" + r.getDecided().comment();
    tell(c, Step.RETURN_DECIDED, "RETURN_DECIDED:" + (c.getReturns().indexOf(r) + 1), r.getDecided().at(),
        r.getDecision() == ReturnDecision.INSIST
            ? "督查室审定" + unit + "的退办理由" + (r.isUnjustified() ? "不成立，按推诿扯皮记录扣分" : "不予采纳")
                + "，维持由" + unit + "承办，限" + MINUTE.format(c.getSignForDueAt().atZone(clock.zone())) + "前签收" + comment + "。"
            : "督查室审定同意" + unit + "退办，改派他单位承办" + comment + "。");
  }

  /** R30: another unit leads the case; the return it decides, if any, is told first. */
  void reassigned(SupervisionCase c, CaseReassignment r) {
    c.getReturns().stream().filter(x -> x.getDecision() == ReturnDecision.REASSIGN && x.getDecided() != null
        && x.getDecided().at().equals(r.getReassignedAt())).forEach(x -> returnDecided(c, x));
    tell(c, Step.REASSIGNED, "REASSIGNED:" + c.getReassignments().size(), r.getReassignedAt(), "督查室已将事项由"
        + organization.unitName(r.getFromUnit()) + "改派" + organization.unitName(r.getToUnit()) + "牵头办理，责任人"
        + organization.personName(r.getToPerson()) + "，完成时限" + (r.getNewDeadline().equals(r.getPreviousDeadline())
            ? r.getNewDeadline() : "由" + r.getPreviousDeadline() + "改为" + r.getNewDeadline())
        + "，改派理由：" + r.getReason() + "。");
  }

  private static String reasonOf(CaseReturn r) {
    return r.getReason().label() + (r.getReasonText() == null || r.getReasonText().isBlank() ? "" : "（" + r.getReasonText() + "）");
  }

  void progress(SupervisionCase c, ProgressReport r) {
    tell(c, Step.PROGRESS, "PROGRESS:" + c.getProgressReports().size(), r.getReportedAt(),
        organization.unitName(c.getLeadUnit()) + "报送进展：" + r.getContent());
  }

  void notice(SupervisionCase c, cn.duban.notice.Notice n) {
    Step step = switch (n.getKind()) {
      case YELLOW -> Step.YELLOW_NOTICE;
      case RED -> Step.RED_NOTICE;
      case GREEN -> null;
    };
    if (step != null) {
      tell(c, step, "NOTICE:" + n.getKind(), n.getIssuedAt(), "已向" + n.getAddresseeUnit() + "发出"
          + n.getKind().title() + "（" + n.getKind().colour() + "），限" + MINUTE.format(n.getLimitAt().atZone(clock.zone()))
          + "前办结，督办级别" + c.getWarningLevel().label() + "。");
    }
  }

  void extensionRequested(SupervisionCase c, ExtensionRequest e) {
    tell(c, Step.EXTENSION_REQUESTED, "EXTENSION_REQUESTED:" + c.getExtensionRequests().size(), e.getRequestedAt(),
        organization.unitName(c.getLeadUnit()) + "申请将完成时限由" + e.getPreviousDeadline() + "延至"
            + e.getRequestedDeadline() + "，理由：" + e.getReason());
  }

  void extensionDecided(SupervisionCase c, ExtensionRequest e) {
    tell(c, Step.EXTENSION_DECIDED, "EXTENSION_DECIDED:" + c.getExtensionRequests().size(), e.getDecided().at(),
        organization.personName(e.getDecided().by()) + (e.getDecision() == ReviewDecision.ACCEPTED
            ? "同意延期，完成时限现为" + c.getDeadline() + "。" : "未同意延期，完成时限仍为" + c.getDeadline() + "。"));
  }

  void closureSubmitted(SupervisionCase c, ClosureReport r) {
    tell(c, Step.CLOSURE_SUBMITTED, "CLOSURE_SUBMITTED:" + c.getClosureReports().size(), r.getSubmittedAt(),
        organization.unitName(c.getLeadUnit()) + "报送办结报告，待督查室照单验收：" + r.getReport());
  }

  void closureRejected(SupervisionCase c, ClosureReport r) {
    tell(c, Step.CLOSURE_REJECTED, "CLOSURE_REJECTED:" + c.getClosureReports().size(), r.getReviewed().at(),
        "督查室验收未通过，已退回" + organization.unitName(c.getLeadUnit()) + "：" + r.getReviewed().comment());
  }

  void closed(SupervisionCase c) {
    tell(c, Step.CLOSED, "CLOSED", c.getClosedAt(), "经督查室照单验收，事项已办结"
        + (Boolean.TRUE.equals(c.getClosedOnTime()) ? "（按期）" : "（逾期）") + "，督办反馈单随后呈报。");
  }

  void accountabilityStarted(SupervisionCase c) {
    tell(c, Step.ACCOUNTABILITY, "ACCOUNTABILITY", c.getAccountabilityStartedAt(),
        "限期具结单时限届满仍未办结，已对" + organization.unitName(c.getLeadUnit()) + "及责任人"
            + organization.personName(c.getResponsiblePerson()) + "启动问责。");
  }

  void withdrawn(SupervisionCase c) {
    tell(c, Step.WITHDRAWN, "WITHDRAWN", c.getWithdrawnAt(), "督查室已撤销立项，理由：" + c.getWithdrawalReason());
  }

  /** What the case's leader has been told, oldest first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<LeaderFeedback> told(Long caseId) {
    return feedback.findByCaseIdOrderByHappenedAtAscIdAsc(caseId);
  }

  /** The same for many cases, read together: by case, oldest first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Map<Long, List<LeaderFeedback>> told(List<Long> caseIds) {
    return InLists.read(caseIds, feedback::findByCaseIdInOrderByHappenedAtAscIdAsc).stream()
        .collect(Collectors.groupingBy(LeaderFeedback::getCaseId));
  }

  // ---------------------------------------------------------------- the feedback sheet

  /** R28: the sheet issued at closure, once; none for a case without an instruction. */
  Optional<FeedbackSheet> issueAtClosure(SupervisionCase c, String by) {
    if (c.getInstruction() == null || sheets.existsByCaseIdAndOccasion(c.getId(), Occasion.CLOSURE)) {
      return Optional.empty();
    }
    return Optional.of(issue(c, Occasion.CLOSURE, by));
  }

  /** R28: a sheet the supervision office asks for, as the case stands now. */
  public FeedbackSheet issueOnDemand(SupervisionCase c, String by) {
    if (c.getInstruction() == null) {
      throw new InputException("caseId", c.getCaseNumber() + "不是领导批示件，无需督办反馈单（caseId）");
    }
    return issue(c, Occasion.ON_DEMAND, by);
  }

  private FeedbackSheet issue(SupervisionCase c, Occasion occasion, String by) {
    Instruction i = c.getInstruction();
    int seq = sheets.findByCaseIdOrderBySequence(c.getId()).size() + 1;
    Instant now = clock.now();
    String instruction = leaderLabel(i.getLeader()) + "于" + DAY.format(i.getDate()) + "批示（" + i.getDocumentNumber()
        + "）：" + i.getText();
    FeedbackSheet sheet = sheets.saveAndFlush(new FeedbackSheet(c.getId(), seq, occasion, now, by,
        addressee(i.getLeader()), instruction, organization.unitName(c.getLeadUnit()),
        organization.personName(c.getResponsiblePerson()), workDone(c), state(c), nextStep(c)));
    tell(c, Step.FEEDBACK_SHEET, "SHEET:" + seq, now, "督查室呈报督办反馈单（第" + seq + "期，" + occasion.label() + "）。");
    return sheet;
  }

  /** 赵振邦县长: the name, then the post. */
  private String addressee(String leaderId) {
    return organization.findPerson(leaderId).map(p -> p.getName() + (p.getTitle() == null ? "" : p.getTitle()))
        .orElse(leaderId);
  }

  /** One line of the sheet's 办理情况, at the time it happened. */
  private record Line(Instant at, String text) {
  }

  /**
   * What was done, one a line in the order it happened: registration (to the unit that led the
   * case first), each unit's signing for, returns and the office's decisions on them,
   * reassignments, the progress reports, the extensions, the closure reports.
   */
  private String workDone(SupervisionCase c) {
    List<CaseReassignment> reassignments = c.getReassignments().stream()
        .sorted(java.util.Comparator.comparing(CaseReassignment::getReassignedAt)).toList();
    String firstUnit = reassignments.isEmpty() ? c.getLeadUnit() : reassignments.get(0).getFromUnit();
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(c.getRegisteredAt(), "立项" + c.getCaseNumber() + "，交" + organization.unitName(firstUnit) + "牵头办理"));
    c.getReturns().forEach(r -> {
      lines.add(new Line(r.getReturnedAt(), organization.unitName(r.getLeadUnit()) + "申请退办，理由：" + reasonOf(r)));
      if (r.getDecision() == ReturnDecision.INSIST && r.getDecided() != null) {
        lines.add(new Line(r.getDecided().at(), "督查室审定维持由" + organization.unitName(r.getLeadUnit()) + "承办"
            + (r.isUnjustified() ? "（退办理由不成立，按推诿扯皮扣分）" : "")));
      }
    });
    reassignments.forEach(r -> lines.add(new Line(r.getReassignedAt(), "改派" + organization.unitName(r.getToUnit())
        + "牵头办理，责任人" + organization.personName(r.getToPerson()) + "（原承办单位" + organization.unitName(r.getFromUnit())
        + (r.getNewDeadline().equals(r.getPreviousDeadline()) ? "" : "，完成时限改为" + r.getNewDeadline())
        + "，理由：" + r.getReason() + "）")));
    // each unit's signing for, as the leader was told of it (the case keeps only the present unit's)
    List<LeaderFeedback> signed = feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId()).stream()
        .filter(f -> f.getStep() == Step.SIGNED_FOR).toList();
    signed.forEach(f -> lines.add(new Line(f.getHappenedAt(), f.getMessage().replaceFirst("。$", ""))));
    if (c.getSignedAt() != null && signed.stream().noneMatch(f -> f.getHappenedAt().equals(c.getSignedAt()))) {
      lines.add(new Line(c.getSignedAt(), organization.unitName(c.getLeadUnit()) + "签收"));
    }
    c.getProgressReports().forEach(r -> lines.add(new Line(r.getReportedAt(), "报送进展：" + r.getContent())));
    c.getExtensionRequests().stream().filter(e -> e.getDecided() != null).forEach(e -> lines.add(new Line(
        e.getDecided().at(), e.getDecision() == ReviewDecision.ACCEPTED ? "获批延期至" + e.getRequestedDeadline()
            : "延期申请未获批准")));
    c.getClosureReports().forEach(r -> lines.add(new Line(r.getSubmittedAt(), "报送办结报告：" + r.getReport()
        + (r.getDecision() == ReviewDecision.ACCEPTED ? "（验收通过）"
            : r.getDecision() == ReviewDecision.REJECTED ? "（验收退回）" : "（待验收）"))));
    // in the order things happened; the same moment keeps the order above (a stable sort): a unit signs for
    // after the return decided or the reassignment that gave it the case, and reports after signing for
    lines.sort(java.util.Comparator.comparing(Line::at));
    return lines.stream().map(l -> DAY.format(l.at().atZone(clock.zone())) + " " + l.text())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  private String state(SupervisionCase c) {
    String s = c.getStatus().label() + "，督办级别" + c.getWarningLevel().label() + "，完成时限" + c.getDeadline();
    return switch (c.getStatus()) {
      case CLOSED -> s + "，" + (Boolean.TRUE.equals(c.getClosedOnTime()) ? "按期" : "逾期") + "办结于"
          + DAY.format(c.getClosedAt().atZone(clock.zone()));
      case WITHDRAWN -> s + "，撤销理由：" + c.getWithdrawalReason();
      default -> s;
    };
  }

  private String nextStep(SupervisionCase c) {
    return switch (c.getStatus()) {
      case REGISTERED -> "督促" + organization.unitName(c.getLeadUnit()) + "签收并按三定要求办理";
      case IN_PROGRESS -> c.getWarningLevel() == WarningLevel.ACCOUNTABILITY ? "按问责程序办理，结果另行报告"
          : "督促承办单位于" + MINUTE.format(c.getStageLimitAt().atZone(clock.zone())) + "前办结，按期报送进展";
      case UNDER_REVIEW -> "督查室照单验收办结报告";
      case CLOSED -> "事项已办结销号，跟踪巩固成效";
      case WITHDRAWN -> "无";
    };
  }
}
