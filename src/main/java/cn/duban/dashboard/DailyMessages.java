package cn.duban.dashboard;

import cn.duban.accountability.AccountabilityRecord;
import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.accountability.AccountabilityStatus;
import cn.duban.calendar.LimitClock;
import cn.duban.organization.Subject;
import cn.duban.message.MessageEvent;
import cn.duban.message.MessageProperties;
import cn.duban.message.MessageType;
import cn.duban.message.Messages;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import cn.duban.organization.Role;
import cn.duban.supervision.CaseMessages;
import cn.duban.supervision.CaseStatus;
import cn.duban.supervision.SupervisionCase;
import cn.duban.supervision.SupervisionCaseRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R33: each working morning (duban.messages.daily-cycle, 8:30), the reminders N working days
 * before a case's current limit (duban.messages.reminder-days, 3) to the lead unit's handlers and
 * head, the reminders of a sign-for limit and of an appeal window that end that day, and the daily digest of overdue and soon-due cases to each person of the supervision office
 * and to each leader in charge (his own cases). Each event's key holds its case and limit, or its
 * day and reader, so that a second node, or a second run the same day, adds nothing.
 */
@Service
public class DailyMessages {

  private static final Logger LOG = LoggerFactory.getLogger(DailyMessages.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final int DIGEST_LINES = 15;

  private final SupervisionCaseRepository cases;
  private final AccountabilityRecordRepository procedures;
  private final CaseMessages caseMessages;
  private final Messages messages;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final MessageProperties properties;

  public DailyMessages(SupervisionCaseRepository cases, AccountabilityRecordRepository procedures,
      CaseMessages caseMessages, Messages messages, OrganizationService organization, LimitClock clock,
      MessageProperties properties) {
    this.procedures = procedures;
    this.cases = cases;
    this.caseMessages = caseMessages;
    this.messages = messages;
    this.organization = organization;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(cron = "${duban.messages.daily-cycle:0 30 8 * * *}", zone = "${duban.calendar.zone:Asia/Shanghai}")
  void scheduled() {
    try {
      run();
    } catch (RuntimeException e) {
      // most likely the other node wrote the same events a moment earlier
      LOG.warn("the daily messages were not written here: {}", e.toString());
    }
  }

  /** What today's run enqueued: the reminders and the digests (none on a day off). */
  public record Run(int reminders, int digests, int signForReminders, int appealReminders) {
  }

  @Transactional
  public Run run() {
    LocalDate today = clock.today();
    if (!clock.calendar().isWorkingDay(today)) {
      return new Run(0, 0, 0, 0);
    }
    Instant now = clock.now();
    int days = properties.reminderDays();
    LocalDate horizon = clock.calendar().addWorkingDays(today, days);
    List<SupervisionCase> open = cases.findByStatusIn(CaseStatus.open());
    List<SupervisionCase> overdue = new ArrayList<>();
    List<SupervisionCase> soon = new ArrayList<>();
    int reminders = 0;
    for (SupervisionCase c : open.stream().sorted(Comparator.comparing(this::limit)).toList()) {
      Instant limit = limit(c);
      if (c.getDeadlineAt().isBefore(now)) {
        overdue.add(c);
      }
      LocalDate limitDay = LocalDate.ofInstant(limit, clock.zone());
      if (limit.isAfter(now) && !limitDay.isAfter(horizon)) {
        soon.add(c);
        if (c.getStatus() != CaseStatus.UNDER_REVIEW) {
          // the first working day from which the limit is at most N working days away
          messages.enqueue(caseMessages.deadlineReminder(c, days));
          reminders++;
        }
      }
    }
    // the sign-for limit and the appeal window that end today
    int signFor = 0;
    for (SupervisionCase c : open) {
      if (c.getStatus() == CaseStatus.REGISTERED && c.getSignForDueAt() != null && c.getSignForDueAt().isAfter(now)
          && LocalDate.ofInstant(c.getSignForDueAt(), clock.zone()).equals(today)) {
        messages.enqueue(caseMessages.signForLapsing(c));
        signFor++;
      }
    }
    int appeals = 0;
    for (AccountabilityRecord r : procedures.findByStatus(AccountabilityStatus.NOTIFIED)) {
      if (r.getAppealDeadlineAt() != null && r.getAppealDeadlineAt().isAfter(now)
          && LocalDate.ofInstant(r.getAppealDeadlineAt(), clock.zone()).equals(today)) {
        messages.enqueue(MessageEvent.of(MessageType.APPEAL_CLOSING, "appeal:" + r.getId() + ":"
                + r.getAppealDeadlineAt().getEpochSecond())
            .with("subject", new Subject(r.getSubjectType(), r.getSubjectId()).key()).with("subjectName", r.getSubjectName())
            .with("caseNumber", r.getSourceCase() == null ? "问责程序" + r.getId() : r.getSourceCase())
            .with("deadline", DAY.format(r.getAppealDeadlineAt().atZone(clock.zone())))
            .with("link", "/camunda/app/tasklist/default/").build());
        appeals++;
      }
    }
    int digests = 0;
    Map<String, Person> readers = new LinkedHashMap<>();
    organization.peopleWith(Role.SUPERVISOR).forEach(p -> readers.put(p.getId(), p));
    open.stream().map(SupervisionCase::getLeaderInCharge).distinct()
        .forEach(id -> organization.findPerson(id).ifPresent(p -> readers.putIfAbsent(id, p)));
    for (Person reader : readers.values()) {
      boolean office = reader.hasRole(Role.SUPERVISOR);
      List<SupervisionCase> late = overdue.stream().filter(c -> office || reader.getId().equals(c.getLeaderInCharge())).toList();
      List<SupervisionCase> due = soon.stream().filter(c -> office || reader.getId().equals(c.getLeaderInCharge())).toList();
      if (late.isEmpty() && due.isEmpty()) {
        continue;
      }
      messages.enqueue(MessageEvent.of(MessageType.DAILY_DIGEST, "digest:" + today + ":" + reader.getId())
          .with("person", reader.getId()).with("date", DAY.format(today)).with("days", days)
          .with("overdueCount", late.size()).with("soonCount", due.size())
          .with("overdue", lines(late, today)).with("soon", lines(due, today))
          .with("link", "/camunda/app/cockpit/default/#/dashboard").build());
      digests++;
    }
    return new Run(reminders, digests, signFor, appeals);
  }

  private Instant limit(SupervisionCase c) {
    return c.getStageLimitAt() == null ? c.getDeadlineAt() : c.getStageLimitAt();
  }

  private String lines(List<SupervisionCase> list, LocalDate today) {
    if (list.isEmpty()) {
      return "无";
    }
    StringBuilder out = new StringBuilder();
    list.stream().limit(DIGEST_LINES).forEach(c -> out.append("- ").append(c.getCaseNumber()).append(" ")
        .append(abbreviate(c.getTitle())).append("（").append(organization.unitName(c.getLeadUnit())).append("，")
        .append(c.getWarningLevel().label()).append("，时限").append(DAY.format(limit(c).atZone(clock.zone())))
        .append("）\n"));
    if (list.size() > DIGEST_LINES) {
      out.append("……等").append(list.size()).append("件，详见督办看板\n");
    }
    return out.toString().strip();
  }

  private static String abbreviate(String title) {
    return title.length() > 30 ? title.substring(0, 29) + "…" : title;
  }
}
