package cn.duban.complaint;

import static cn.duban.common.Inputs.choice;
import static cn.duban.common.Inputs.text;

import cn.duban.message.MessageEvent;
import cn.duban.message.MessageType;
import cn.duban.message.Messages;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.calendar.LimitChange;
import cn.duban.calendar.LimitClock;
import cn.duban.common.Decision;
import cn.duban.common.InputException;
import cn.duban.engine.Decisions;
import cn.duban.organization.OrganizationService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of complaint investigation (R15–R19) on the complaint's records. */
@Service
@Transactional(noRollbackFor = InputException.class)
public class ComplaintService {

  public static final String LEDGER_SOURCE = "COMPLAINT";
  static final String SCORE_DECISION = "complaint-score";
  static final int CONTENT_MAX = 2000;
  private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ComplaintRepository complaints;
  private final InvestigationRepository investigations;
  private final ComplaintEventRepository events;
  private final OrganizationService organization;
  private final Ledger ledger;
  private final Decisions decisions;
  private final LimitClock clock;
  private final ComplaintProperties properties;
  private final Messages messages;
  private final SecureRandom random = new SecureRandom();

  public ComplaintService(ComplaintRepository complaints, InvestigationRepository investigations,
      ComplaintEventRepository events, OrganizationService organization, Ledger ledger, Decisions decisions,
      LimitClock clock, ComplaintProperties properties, Messages messages) {
    this.messages = messages;
    this.complaints = complaints;
    this.investigations = investigations;
    this.events = events;
    this.organization = organization;
    this.ledger = ledger;
    this.decisions = decisions;
    this.clock = clock;
    this.properties = properties;
  }

  /** What a complaint says when it comes in, from the public page or a clerk's form (R15). */
  public record Intake(String channel, String complaintType, String unitCode, String officialName, String content,
      String complainantName, String complainantContact, Boolean anonymous) {
  }

  // ---------------------------------------------------------------- R15 intake

  public Complaint file(Intake in, String receivedBy, String processInstanceId) {
    Channel channel = choice(Channel.class, "channel", in.channel(), "请选择投诉渠道");
    ComplaintType type = in.complaintType() == null || in.complaintType().isBlank() ? ComplaintType.COMPLAINT
        : choice(ComplaintType.class, "complaintType", in.complaintType(), "请选择投诉类型");
    String unit = organization.unit("unitCode", in.unitCode()).getCode();
    String content = text("content", in.content(), "投诉内容", CONTENT_MAX);
    boolean anonymous = Boolean.TRUE.equals(in.anonymous());
    String official = optional("officialName", in.officialName(), "被投诉人", 100);
    String name = anonymous ? null : optional("complainantName", in.complainantName(), "投诉人姓名", 100);
    String contact = optional("complainantContact", in.complainantContact(), "联系方式", 100);
    Instant now = clock.now();
    return complaints.saveAndFlush(new Complaint(newTrackingCode(), channel, type, unit, official, content, name,
        contact, anonymous, now, receivedBy, now.atZone(clock.zone()).getYear(), processInstanceId));
  }

  private String newTrackingCode() {
    for (int attempt = 0; attempt < 10; attempt++) {
      StringBuilder code = new StringBuilder("TS");
      for (int i = 0; i < 10; i++) {
        code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
      }
      if (complaints.findByTrackingCode(code.toString()).isEmpty()) {
        return code.toString();
      }
    }
    throw new IllegalStateException("no free tracking code after 10 attempts");
  }

  // ---------------------------------------------------------------- R16 routing, R17 limits

  /** The limits of an investigation, computed at routing from the day of receipt (R17, R25). */
  public record Limits(Instant investigation, Instant reminder, Instant urging, Instant criticism) {
  }

  public Complaint route(Long id, String routing, String handlingUnit, String transferredTo, String by) {
    Complaint c = get(id);
    Routing r = choice(Routing.class, "routing", routing, "请选择分办方式");
    String unit = null;
    String transferTo = null;
    if (r.byUnit()) {
      unit = organization.unit("handlingUnit", handlingUnit == null || handlingUnit.isBlank() ? c.getUnitCode()
          : handlingUnit).getCode();
    }
    if (r == Routing.TRANSFER) {
      transferTo = text("transferredTo", transferredTo, "转办机关", 255);
    }
    Date limit = clock.endOfWorkingDays(Date.from(c.getReceivedAt()), properties.investigationDays(c.getType()));
    c.route(r, unit, transferTo, r == Routing.TRANSFER ? null : limit.toInstant(), by);
    if (r != Routing.TRANSFER) {
      c.relimit(limit.toInstant(), provisional(c, limit.toInstant()));
    }
    if (r == Routing.TRANSFER) {
      String reply = "您反映的问题不属于本机关职责范围，已于" + DAY.format(clock.now().atZone(clock.zone()))
          + "转交" + transferTo + "依法处理，请与其联系。";
      event(c, ComplaintEvent.Kind.TRANSFER_NOTICE, transferTo, reply);
      c.replied(reply, clock.now());
      c.close(clock.now());
    }
    return c;
  }

  public Limits limits(Complaint c) {
    Date limit = Date.from(c.getInvestigationLimitAt());
    return new Limits(c.getInvestigationLimitAt(), clock.workingDaysBefore(limit, properties.reminderDays()).toInstant(),
        c.getInvestigationLimitAt(), clock.endOfWorkingDays(limit, properties.criticismDays()).toInstant());
  }

  /** R25: whether the investigation's limits (up to the criticism after the urging) touch a provisional year. */
  private boolean provisional(Complaint c, Instant limit) {
    Instant criticism = clock.endOfWorkingDays(Date.from(limit), properties.criticismDays()).toInstant();
    return clock.provisional(c.getReceivedAt(), criticism);
  }

  /**
   * R25: the investigation's limit counted again from the day of receipt, with the calendar as it
   * is now (a holiday table arrived or changed), while the investigation is still open.
   */
  public List<LimitChange> retime(Long id) {
    Complaint c = get(id);
    if (c.getStatus() != ComplaintStatus.INVESTIGATING || c.getInvestigationLimitAt() == null) {
      c.relimit(c.getInvestigationLimitAt(), false);
      return List.of();
    }
    Instant limit = clock.endOfWorkingDays(Date.from(c.getReceivedAt()), properties.investigationDays(c.getType()))
        .toInstant();
    List<LimitChange> changes = limit.equals(c.getInvestigationLimitAt()) ? List.of()
        : List.of(new LimitChange("调查办理时限", c.getInvestigationLimitAt(), limit));
    c.relimit(limit, provisional(c, limit));
    return changes;
  }

  /** R17: the reminder before the limit lapses. */
  public void remind(Long id) {
    Complaint c = get(id);
    event(c, ComplaintEvent.Kind.REMINDER, handlerName(c), "投诉" + c.getTrackingCode() + "将于"
        + DAY.format(c.getInvestigationLimitAt().atZone(clock.zone())) + "到期，请抓紧调查核实并反馈结果。");
  }

  /** R17: the urging notice (催办通知书) when the limit has lapsed. */
  public void urge(Long id) {
    Complaint c = get(id);
    event(c, ComplaintEvent.Kind.URGING_NOTICE, handlerName(c), "催办通知书：投诉" + c.getTrackingCode()
        + "已超过办理时限（" + DAY.format(c.getInvestigationLimitAt().atZone(clock.zone()))
        + "），请立即办理并报送调查结果；" + properties.criticismDays() + "个工作日内仍未办结的，将予以通报批评。");
    tell(c, MessageType.COMPLAINT_URGING, "complaint:urging:" + c.getId());
  }

  /** R17: the circulated criticism of the handling unit, booked in the ledger. */
  public void criticise(Long id) {
    Complaint c = get(id);
    event(c, ComplaintEvent.Kind.CIRCULATED_CRITICISM, handlerName(c), handlerName(c) + "办理投诉"
        + c.getTrackingCode() + "经催办仍未按期办结，予以通报批评。");
    book(c, "HANDLING_CRITICISM");
    tell(c, MessageType.COMPLAINT_CRITICISM, "complaint:criticism:" + c.getId());
  }

  /** R33: the handling unit's head and handlers hear of the urging notice and the criticism. */
  private void tell(Complaint c, MessageType type, String key) {
    messages.enqueue(MessageEvent.of(type, key).with("unit", c.getHandlingUnit()).with("caseNumber", c.getTrackingCode())
        .with("deadline", DAY.format(c.getInvestigationLimitAt().atZone(clock.zone())))
        .with("link", "/api/complaints/" + c.getTrackingCode() + "/urging-notice").build());
  }

  private String handlerName(Complaint c) {
    return c.getHandlingUnit() == null ? "效能办" : organization.unitName(c.getHandlingUnit());
  }

  private void event(Complaint c, ComplaintEvent.Kind kind, String addressee, String text) {
    if (events.findByComplaintIdAndKind(c.getId(), kind).isEmpty()) {
      events.saveAndFlush(new ComplaintEvent(c.getId(), kind, addressee, text, clock.now()));
    }
  }

  // ---------------------------------------------------------------- R17 findings, R18 reply and follow-up

  /**
   * Records a round's finding. The re-investigation (round 2) must be done by another handler
   * than the first (R18).
   */
  public Investigation recordFinding(Long id, int round, String finding, String evidence, String officialPerson,
      String proposedReply, String handler) {
    Complaint c = get(id);
    Finding f = choice(Finding.class, "finding", finding, "请选择调查结论");
    String ev = text("evidence", evidence, "调查情况和证据", 4000);
    String official = officialPerson == null || officialPerson.isBlank() ? null
        : organization.person("officialPerson", officialPerson).getId();
    List<Investigation> earlier = investigations.findByComplaintIdOrderByRound(c.getId());
    if (round > 1 && earlier.stream().anyMatch(i -> i.getRound() < round && i.getHandler().equals(handler))) {
      throw new InputException("finding", "重新调查须由原承办人以外的人员进行（finding）");
    }
    Investigation result = earlier.stream().filter(i -> i.getRound() == round).findFirst()
        .orElseGet(() -> investigations.saveAndFlush(new Investigation(c.getId(), round, f, official,
            optional("proposedReply", proposedReply, "拟答复意见", 2000), Decision.of(handler, clock.now(), ev))));
    c.found(result.getFinding(), result.getOfficialPerson());
    return result;
  }

  public Complaint reply(Long id, String reply) {
    Complaint c = get(id);
    c.replied(text("reply", reply, "答复意见", 2000), clock.now());
    return c;
  }

  /** R18: whether the complainant is satisfied; a dissatisfied one gets one re-investigation. */
  public boolean followUp(Long id, Boolean satisfied) {
    Complaint c = get(id);
    if (satisfied == null) {
      throw new InputException("satisfied", "请选择投诉人是否满意（satisfied）");
    }
    c.followedUp(satisfied);
    boolean again = !satisfied && !c.isReinvestigated();
    if (again) {
      c.reinvestigate();
    }
    return again;
  }

  // ---------------------------------------------------------------- R19 consequences

  /** Closes the complaint; a (partly) true one counts against the unit and the official. */
  public Complaint close(Long id) {
    Complaint c = get(id);
    c.close(clock.now());
    if (c.getFinding() != null && c.getFinding().valid()) {
      book(c, "VALID_COMPLAINT");
    }
    return c;
  }

  private void book(Complaint c, String event) {
    ledger.bookAll(bookings(c, event, c.getStatus().name(), rulesOf(decisions.answers(SCORE_DECISION))), clock.now(),
        clock.zone());
  }

  /** Where a role's row comes from: the deployed table (booking) or another version of it (the preview). */
  private interface Rules {
    java.util.Optional<Map<String, Object>> of(String event, String role);
  }

  private static Rules rulesOf(Decisions.Answers table) {
    return (event, role) -> table.firstResult(Map.of("event", event, "role", role));
  }

  /**
   * What an event of a complaint books by these rules: R19 a valid complaint, its unit and the
   * official; R17 a circulated criticism, the handling unit. A role without a row books nothing.
   */
  private static List<Ledger.Booking> bookings(Complaint c, String event, String stage, Rules rules) {
    List<Ledger.Booking> bookings = new ArrayList<>();
    if ("HANDLING_CRITICISM".equals(event)) {
      booking(c, event, "UNIT", SubjectType.UNIT, c.getHandlingUnit(), stage, rules, bookings);
    } else {
      booking(c, event, "UNIT", SubjectType.UNIT, c.getUnitCode(), stage, rules, bookings);
      booking(c, event, "PERSON", SubjectType.PERSON, c.getOfficialPerson(), stage, rules, bookings);
    }
    return bookings;
  }

  private static void booking(Complaint c, String event, String role, SubjectType type, String subject, String stage,
      Rules rules, List<Ledger.Booking> bookings) {
    Map<String, Object> r = subject == null ? null : rules.of(event, role).orElse(null);
    if (r == null) {
      return;
    }
    BigDecimal points = BigDecimal.valueOf(((Number) r.get("points")).doubleValue());
    bookings.add(new Ledger.Booking(LEDGER_SOURCE + ":" + c.getTrackingCode() + ":" + event + ":" + type + ":" + subject,
        type, subject, event, (String) r.get("ruleRef"), (String) r.get("ruleLabel"), points, LEDGER_SOURCE,
        c.getTrackingCode(), stage));
  }

  /**
   * The preview of a changed complaint-score.dmn (issue 15): what the complaint events of a year
   * would book under another version of the table, booked nowhere. The events are those the ledger
   * holds for the year, each for the unit and official its complaint names.
   */
  @Transactional(readOnly = true)
  public List<Ledger.Booking> rescore(int year, Decisions.Table table) {
    Map<String, LedgerEntry> events = new java.util.LinkedHashMap<>();
    for (LedgerEntry e : ledger.ofYear(year, LEDGER_SOURCE)) {
      String key = e.getEventKey();
      events.putIfAbsent(key.substring(0, key.lastIndexOf(':', key.lastIndexOf(':') - 1)), e);
    }
    Rules rules = rulesOf(table);
    List<Ledger.Booking> bookings = new ArrayList<>();
    for (Map.Entry<String, LedgerEntry> e : events.entrySet()) {
      // COMPLAINT:<tracking code>:<EVENT>
      String event = e.getKey().substring(e.getKey().lastIndexOf(':') + 1);
      complaints.findByTrackingCode(e.getValue().getSourceId())
          .ifPresent(c -> bookings.addAll(bookings(c, event, e.getValue().getStage(), rules)));
    }
    return bookings;
  }

  /** R19: valid complaints against a person in a year (closed, found true or partly true). */
  public long validComplaintsAgainst(String personId, int year) {
    return complaints.countByOfficialPersonAndYearAndStatusAndFindingIn(personId, year, ComplaintStatus.CLOSED,
        EnumSet.of(Finding.TRUE, Finding.PARTLY_TRUE));
  }

  /** Each person's valid complaints of a year, for the annual assessment: one query for everyone. */
  public Map<String, Long> validComplaintsByPerson(int year) {
    Map<String, Long> counts = new java.util.HashMap<>();
    for (Object[] row : complaints.countByOfficialPerson(year, ComplaintStatus.CLOSED,
        EnumSet.of(Finding.TRUE, Finding.PARTLY_TRUE))) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** R19: two or more valid complaints in a year: the person cannot be graded 称职 or better. */
  public boolean competentBarred(String personId, int year) {
    return validComplaintsAgainst(personId, year) >= 2;
  }

  // ---------------------------------------------------------------- reading

  public Complaint get(Long id) {
    return complaints.findById(id).orElseThrow(() -> new IllegalStateException("no complaint " + id));
  }

  public List<Investigation> investigations(Long id) {
    return investigations.findByComplaintIdOrderByRound(id);
  }

  public List<ComplaintEvent> events(Long id) {
    return events.findByComplaintIdOrderByOccurredAt(id);
  }

  public List<LedgerEntry> ledgerOf(Complaint c) {
    return new ArrayList<>(ledger.ofSource(LEDGER_SOURCE, c.getTrackingCode()));
  }

  private static String optional(String field, String value, String label, int max) {
    return value == null || value.isBlank() ? null : text(field, value, label, max);
  }
}
