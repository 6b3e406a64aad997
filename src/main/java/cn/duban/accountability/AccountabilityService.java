package cn.duban.accountability;

import static cn.duban.common.Inputs.choice;
import static cn.duban.common.Inputs.text;

import cn.duban.message.MessageEvent;
import cn.duban.message.MessageType;
import cn.duban.message.Messages;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.Ledger.Booking;
import cn.duban.ledger.SubjectType;
import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitClock;
import cn.duban.common.Decision;
import cn.duban.common.InputException;
import cn.duban.organization.Groups;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Subject;
import cn.duban.organization.Person;
import cn.duban.organization.Role;
import cn.duban.organization.Unit;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.organization.SubjectKind;
/**
 * The rules of the accountability procedure (R11–R14) on its record; the delegates of
 * accountability.bpmn call it inside the engine's transaction.
 */
@Service
@Transactional(noRollbackFor = InputException.class)
public class AccountabilityService {

  public static final String LEDGER_SOURCE = "ACCOUNTABILITY";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final AccountabilityRecordRepository records;
  private final AccountabilityRules rules;
  private final OrganizationService organization;
  private final Ledger ledger;
  private final LimitClock clock;
  private final AccountabilityProperties properties;
  private final String office;
  private final Messages messages;

  public AccountabilityService(AccountabilityRecordRepository records, AccountabilityRules rules,
      OrganizationService organization, Ledger ledger, LimitClock clock, AccountabilityProperties properties,
      @Value("${duban.accountability.office:县机关效能建设办公室}") String office, Messages messages) {
    this.messages = messages;
    this.records = records;
    this.rules = rules;
    this.organization = organization;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
    this.office = office;
  }

  /**
   * How a procedure starts: from a call activity with {@code subject} (a {@link Subject}'s key), or
   * from the efficiency office's start form with the subject's kind and id.
   */
  public record Opening(String subject, String subjectType, String subjectUnit, String subjectPerson, String trigger,
      String sourceCase, String sourceTitle, String description, Long parentId, int traceLevel, String caseLeader) {
  }

  // ---------------------------------------------------------------- opening

  public AccountabilityRecord open(Opening o, String processInstanceId, String by) {
    Optional<AccountabilityRecord> existing = records.findByProcessInstanceId(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    SubjectKind kind;
    String subjectId;
    if (o.subject() != null) {
      Subject subject = Subject.parse(o.subject())
          .orElseThrow(() -> new InputException("subject", "问责对象类型不明（subject）"));
      kind = subject.kind();
      subjectId = subject.id();
    } else {
      kind = choice(SubjectKind.class, "subjectType", o.subjectType(), "请选择问责对象是单位还是个人");
      subjectId = kind == SubjectKind.UNIT ? o.subjectUnit() : o.subjectPerson();
    }
    String field = o.subject() != null ? "subject" : kind == SubjectKind.UNIT ? "subjectUnit" : "subjectPerson";
    String subjectName = kind == SubjectKind.UNIT
        ? organization.unit(field, subjectId).getName() : organization.person(field, subjectId).getName();
    Trigger trigger = o.trigger() == null || o.trigger().isBlank() ? Trigger.MANUAL
        : choice(Trigger.class, "trigger", o.trigger(), "请选择问责事由");
    String description = text("description", o.description(), "问责事由说明", 2000);
    String sourceCase = o.sourceCase() == null || o.sourceCase().isBlank() ? null : o.sourceCase().strip();
    Instant now = clock.now();
    String caseLeader = o.caseLeader() != null && organization.findPerson(o.caseLeader()).isPresent()
        ? o.caseLeader() : null;
    boolean principalsOwn = o.traceLevel() >= 2 || (kind == SubjectKind.PERSON
        && organization.findPerson(subjectId).map(p -> p.hasRole(Role.PRINCIPAL_LEADER)).orElse(false));
    AccountabilityRecord opened = records.saveAndFlush(new AccountabilityRecord(processInstanceId, o.parentId(),
        o.traceLevel(), kind, subjectId, subjectName, trigger, sourceCase, o.sourceTitle(), description,
        now.atZone(clock.zone()).getYear(), now, by, caseLeader,
        principalsOwn ? null : competentLeader(o.traceLevel(), caseLeader)));
    // R33: the subject hears that a procedure has started against him
    messages.enqueue(event(MessageType.ACCOUNTABILITY_STARTED, opened).with("reason", trigger.label()).build());
    return opened;
  }

  private MessageEvent.Builder event(MessageType type, AccountabilityRecord r) {
    return MessageEvent.of(type, "accountability:" + type.name() + ":" + r.getId())
        .with("subject", new Subject(r.getSubjectType(), r.getSubjectId()).key()).with("subjectName", r.getSubjectName())
        .with("caseNumber", r.getSourceCase() == null ? "问责程序" + r.getId() : r.getSourceCase())
        .with("title", r.getSourceTitle()).with("link", "/camunda/app/tasklist/default/");
  }

  /**
   * R12, R14: whether the procedure is against the principal leader himself (traced up to him, or
   * started against him): then no leader of the county approves its measure, the group of the
   * setting {@code duban.accountability.principal-leader-approver} does (the organisation department).
   */
  public boolean againstThePrincipalLeader(AccountabilityRecord r) {
    return r.getTraceLevel() >= 2 || (r.getSubjectType() == SubjectKind.PERSON
        && organization.findPerson(r.getSubjectId()).map(p -> p.hasRole(Role.PRINCIPAL_LEADER)).orElse(false));
  }

  /** R14: the group whose members approve the measure (beside the competent leader it is assigned to). */
  public String approverGroup(AccountabilityRecord r) {
    return againstThePrincipalLeader(r) ? properties.principalLeaderApprover() : Groups.PRINCIPAL_LEADERS;
  }

  /**
   * R14: the leader who approves the measure: the case's leader in charge; without a case, and
   * for the leader in charge himself, the principal leader; for the principal leader, no leader:
   * the organisation department approves ({@link #approverGroup}).
   */
  private String competentLeader(int traceLevel, String caseLeader) {
    if (traceLevel >= 2) {
      return null;
    }
    if (traceLevel == 0 && caseLeader != null) {
      return caseLeader;
    }
    return principalLeader().map(Person::getId).orElse(null);
  }

  private Optional<Person> principalLeader() {
    return organization.peopleWith(Role.PRINCIPAL_LEADER).stream().findFirst();
  }

  // ---------------------------------------------------------------- R11 assessment and proposal

  public AccountabilityRecord assess(Long id, String severity, Boolean directResponsibility, String facts, String by) {
    AccountabilityRecord r = get(id);
    r.assess(choice(Severity.class, "severity", severity, "请认定过错情节"), Boolean.TRUE.equals(directResponsibility),
        Decision.of(by, clock.now(), text("facts", facts, "过错事实", 4000)));
    return r;
  }

  /** The record with its proposed measure, and the upward trace the rules call for. */
  public record Proposed(AccountabilityRecord record, AccountabilityRules.Proposal proposal,
      AccountabilityRules.Trace trace) {
  }

  public Proposed propose(Long id) {
    AccountabilityRecord r = get(id);
    int prior = priorCount(r);
    AccountabilityRules.Proposal proposal = rules.proposal(r.getSubjectType(), r.getSeverity(), prior);
    boolean principalAssignment = r.getTraceLevel() == 0 && r.getCaseLeader() != null
        && organization.findPerson(r.getCaseLeader()).map(p -> p.hasRole(Role.PRINCIPAL_LEADER)).orElse(false);
    AccountabilityRules.Trace trace = rules.trace(r.getTraceLevel(), r.getTrigger(), r.getSubjectType(),
        r.getSeverity(), prior, principalAssignment);
    r.propose(proposal.measure(), proposal.toDiscipline() && r.getSubjectType() == SubjectKind.PERSON);
    return new Proposed(r, proposal, trace);
  }

  /** Final measures against the same subject earlier this year: a second time is heavier. */
  int priorCount(AccountabilityRecord r) {
    return (int) records.findBySubjectTypeAndSubjectIdAndYearAndStatusOrderById(r.getSubjectType(), r.getSubjectId(),
        r.getYear(), AccountabilityStatus.FINAL).stream().filter(x -> !x.getId().equals(r.getId())).count();
  }

  /** R12: who the failure is traced up to, as (person id, trace level); each gets one procedure. */
  public record TraceTarget(String personId, int traceLevel) {
  }

  public List<TraceTarget> traceTargets(Long id, AccountabilityRules.Trace trace) {
    AccountabilityRecord r = get(id);
    List<TraceTarget> targets = new ArrayList<>();
    String principal = principalLeader().map(Person::getId).orElse(null);
    String inCharge = r.getCaseLeader();
    if (trace.leaderInCharge() && inCharge != null && !inCharge.equals(principal)) {
      targets.add(new TraceTarget(inCharge, 1));
    }
    if ((trace.principalLeader() || (trace.leaderInCharge() && inCharge != null && inCharge.equals(principal)))
        && principal != null) {
      targets.add(new TraceTarget(principal, 2));
    }
    // one procedure per leader and failure, although the unit's and the person's procedures both trace
    return targets.stream().filter(t -> !alreadyTraced(r, t.personId())).toList();
  }

  private boolean alreadyTraced(AccountabilityRecord r, String personId) {
    List<AccountabilityRecord> related = r.getSourceCase() != null
        ? records.findBySourceCaseOrderById(r.getSourceCase())
        : records.findByParentIdOrderById(r.getId());
    return related.stream().anyMatch(x -> x.getTrigger() == Trigger.UPWARD_TRACE
        && x.getSubjectType() == SubjectKind.PERSON && x.getSubjectId().equals(personId)
        && x.getStatus() != AccountabilityStatus.REVOKED);
  }

  // ---------------------------------------------------------------- discipline inspection and approval

  public AccountabilityRecord decideSanction(Long id, String sanction, String reason, String by) {
    AccountabilityRecord r = get(id);
    r.sanction(choice(Sanction.class, "sanction", sanction, "请选择处分意见"),
        Decision.of(by, clock.now(), text("sanctionReason", reason, "处分理由", 2000)));
    return r;
  }

  /** R14: the competent leader approves the proposal, or changes it with a reason. */
  public AccountabilityRecord approve(Long id, String decision, String changedMeasure, String reason, String by) {
    AccountabilityRecord r = get(id);
    if ("APPROVE".equals(decision)) {
      r.approve(r.getProposedMeasure(), Decision.of(by, clock.now(), null));
    } else if ("CHANGE".equals(decision)) {
      Measure measure = measureFor(r, "changedMeasure", changedMeasure);
      r.approve(measure, Decision.of(by, clock.now(), text("changeReason", reason, "改变处理意见的理由", 2000)));
    } else {
      throw new InputException("approvalDecision", "请选择审批意见（approvalDecision）");
    }
    return r;
  }

  private static Measure measureFor(AccountabilityRecord r, String field, String value) {
    Measure measure = choice(Measure.class, field, value, "请选择问责措施");
    if (!measure.appliesTo(r.getSubjectType())) {
      throw new InputException(field, "“" + measure.label() + "”不适用于" + r.getSubjectType().label() + "（" + field + "）");
    }
    return measure;
  }

  // ---------------------------------------------------------------- R14 notice and appeal

  public AccountabilityRecord notifySubject(Long id) {
    AccountabilityRecord r = get(id);
    Instant now = clock.now();
    Instant deadline = clock.endOfWorkingDays(Date.from(now), properties.appealDays()).toInstant();
    String sanction = r.getSanction() == null || r.getSanction() == Sanction.NONE ? ""
        : "；经纪检监察机关审理，给予" + r.getSanction().label() + "处分";
    String source = r.getSourceCase() == null ? "" : "在督查事项" + r.getSourceCase()
        + (r.getSourceTitle() == null ? "" : "“" + r.getSourceTitle() + "”") + "中，";
    r.notifySubject("问责决定告知书\n\n" + r.getSubjectName() + "：\n经调查，" + source + "存在" + r.getSeverity().label()
        + "过错：" + r.getAssessed().comment() + "\n依据有关规定，决定给予" + r.getApprovedMeasure().label() + sanction + "。\n"
        + "如对本决定有异议，可于" + DAY.format(deadline.atZone(clock.zone())) + "前提出申诉；逾期未申诉的，本决定即生效。\n\n"
        + office + "\n" + DAY.format(now.atZone(clock.zone())), now, deadline);
    // R33: the subject is told of the decision and of his appeal window
    messages.enqueue(event(MessageType.ACCOUNTABILITY_DECIDED, r).with("text", r.getApprovedMeasure().label() + sanction)
        .with("deadline", DAY.format(deadline.atZone(clock.zone()))).build());
    return r;
  }

  /**
   * R25: the appeal window counted again from the notice, with the calendar as it is now (a
   * holiday table arrived), while it is open; the notice's stated date follows.
   */
  public List<LimitChange> retime(Long id) {
    AccountabilityRecord r = get(id);
    if (r.getStatus() != AccountabilityStatus.NOTIFIED) {
      return List.of();
    }
    Instant deadline = clock.endOfWorkingDays(Date.from(r.getNotifiedAt()), properties.appealDays()).toInstant();
    if (deadline.equals(r.getAppealDeadlineAt())) {
      return List.of();
    }
    String before = "可于" + DAY.format(r.getAppealDeadlineAt().atZone(clock.zone())) + "前提出申诉";
    String after = "可于" + DAY.format(deadline.atZone(clock.zone())) + "前提出申诉";
    List<LimitChange> changes = List.of(new LimitChange("申诉期限", r.getAppealDeadlineAt(), deadline));
    r.retimeAppeal(deadline, r.getNoticeText().replace(before, after));
    return changes;
  }

  /** When the unit's rectification report falls due: working days after the measure took effect. */
  public Date rectificationDue(AccountabilityRecord r) {
    return clock.endOfWorkingDays(Date.from(r.getFinalAt()), properties.rectificationDays());
  }

  public AccountabilityRecord respond(Long id, String response, String appealReason) {
    AccountabilityRecord r = get(id);
    if ("APPEAL".equals(response)) {
      r.appeal(text("appealReason", appealReason, "申诉理由", 2000), clock.now());
    } else if (!"ACCEPT".equals(response)) {
      throw new InputException("response", "请选择接受决定或提出申诉（response）");
    }
    return r;
  }

  /** R14: an appeal is reviewed once: upheld (the measure revoked or lightened) or rejected. */
  public AccountabilityRecord reviewAppeal(Long id, String decision, String revisedMeasure, String review, String by) {
    AccountabilityRecord r = get(id);
    String text = text("appealReview", review, "复核意见", 2000);
    if ("REJECTED".equals(decision)) {
      r.reviewAppeal(false, null, Decision.of(by, clock.now(), text));
    } else if ("UPHELD".equals(decision)) {
      Measure revised = revisedMeasure == null || revisedMeasure.isBlank() ? null
          : measureFor(r, "revisedMeasure", revisedMeasure);
      r.reviewAppeal(true, revised, Decision.of(by, clock.now(), text));
      if (revised == null) {
        r.revoke(clock.now());
      }
    } else {
      throw new InputException("appealDecision", "请选择复核结论（appealDecision）");
    }
    return r;
  }

  // ---------------------------------------------------------------- the final measure

  /**
   * The measure takes effect: the record becomes immutable and its deductions are booked, each
   * once (a retried step finds the record final and the entries booked).
   */
  public AccountabilityRecord makeFinal(Long id) {
    AccountabilityRecord r = get(id);
    if (r.getStatus() != AccountabilityStatus.FINAL) {
      Measure measure = r.getRevisedMeasure() != null ? r.getRevisedMeasure() : r.getApprovedMeasure();
      String head = measure.requiresRectification() ? unitHead(r.getSubjectId()) : null;
      r.makeFinal(measure, r.getSanction(), clock.now(), head);
    }
    book(r, "MEASURE", r.getFinalMeasure().name());
    if (r.getFinalSanction() != null) {
      book(r, "SANCTION", r.getFinalSanction().name());
    }
    return r;
  }

  private void book(AccountabilityRecord r, String what, String code) {
    AccountabilityRules.Deduction d = rules.deduction(code);
    if (d == null) {
      return;
    }
    SubjectType type = r.getSubjectType() == SubjectKind.UNIT ? SubjectType.UNIT : SubjectType.PERSON;
    ledger.book(new Booking(LEDGER_SOURCE + ":" + r.getId() + ":" + what, type, r.getSubjectId(), code, d.ruleRef(),
        d.ruleLabel(), d.points(), LEDGER_SOURCE, r.getId().toString(),
        r.getSourceCase() == null ? r.getTrigger().name() : r.getSourceCase()), clock.now(), clock.zone());
  }

  private String unitHead(String unitCode) {
    Unit unit = organization.unit("subject", unitCode);
    return organization.peopleWith(Role.UNIT_HEAD).stream().filter(p -> unit.getCode().equals(p.getUnitCode()))
        .map(Person::getId).findFirst()
        .orElseThrow(() -> new IllegalStateException(unit.getName() + " has no unit head to put under rectification"));
  }

  // ---------------------------------------------------------------- R13 rectification

  public AccountabilityRecord reportRectification(Long id, String report) {
    AccountabilityRecord r = get(id);
    r.reportRectification(text("rectificationReport", report, "整改报告", 4000));
    return r;
  }

  public AccountabilityRecord reviewRectification(Long id, Boolean accepted) {
    AccountabilityRecord r = get(id);
    if (accepted == null) {
      throw new InputException("rectificationAccepted", "请选择整改验收结论（rectificationAccepted）");
    }
    if (accepted) {
      r.acceptRectification(clock.now());
    }
    return r;
  }

  // ---------------------------------------------------------------- reading

  public AccountabilityRecord get(Long id) {
    return records.findById(id).orElseThrow(() -> new IllegalStateException("no accountability record " + id));
  }

  public AccountabilityRecord byProcessInstance(String processInstanceId) {
    return records.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no accountability record for " + processInstanceId));
  }

  public List<AccountabilityRecord> ofCase(String caseNumber) {
    return records.findBySourceCaseOrderById(caseNumber);
  }

  public List<AccountabilityRecord> tracedFrom(Long id) {
    return records.findByParentIdOrderById(id);
  }
}
