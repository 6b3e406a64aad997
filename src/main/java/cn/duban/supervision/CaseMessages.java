package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.message.MessageEvent;
import cn.duban.message.MessageType;
import cn.duban.message.Messages;
import cn.duban.notice.Notice;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * R33: what the supervision pipeline tells people, put into the outbox in the case's transaction.
 * Everything a template shows is taken from the case at hand; the recipients (the lead unit's
 * handlers and head, the leader in charge, the instructing leader) are looked up by the sender.
 */
@Component
public class CaseMessages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final Messages messages;
  private final LimitClock clock;

  public CaseMessages(Messages messages, LimitClock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** A green, yellow or red notice, once per notice, with its printable page as the link. */
  void notice(SupervisionCase c, Notice n) {
    MessageType type = switch (n.getKind()) {
      case GREEN -> MessageType.NOTICE_GREEN;
      case YELLOW -> MessageType.NOTICE_YELLOW;
      case RED -> MessageType.NOTICE_RED;
    };
    messages.enqueue(of(type, "notice:" + n.getId(), c, n.getLimitAt())
        .with("link", "/api/cases/" + c.getId() + "/notices/" + n.getKind().name()).build());
  }

  /** R28: a step told to the instructing leader. */
  void instructionStage(SupervisionCase c, LeaderFeedback f) {
    messages.enqueue(of(MessageType.INSTRUCTION_STAGE, "instruction:" + c.getId() + ":" + f.getStepKey(), c,
        c.getStageLimitAt() == null ? c.getDeadlineAt() : c.getStageLimitAt())
        .with("instructingLeader", c.getInstruction().getLeader()).with("text", f.getMessage())
        .with("link", "/api/cases/" + c.getId()).build());
  }

  /**
   * The reminder {@code days} working days before the case's current limit: once per case and
   * limit (a limit moved by an extension or a notice is reminded of again).
   */
  public MessageEvent deadlineReminder(SupervisionCase c, int days) {
    Instant limit = c.getStageLimitAt() == null ? c.getDeadlineAt() : c.getStageLimitAt();
    return of(MessageType.DEADLINE_REMINDER, "reminder:" + c.getId() + ":" + limit.getEpochSecond(), c, limit)
        .with("days", days).with("link", "/api/cases/" + c.getId()).build();
  }

  /** R2: the sign-for limit ends today and the case is not signed for. */
  public MessageEvent signForLapsing(SupervisionCase c) {
    return of(MessageType.SIGN_FOR_LAPSING, "sign-for:" + c.getId() + ":" + c.getSignForDueAt().getEpochSecond(), c,
        c.getDeadlineAt()).with("limit", MINUTE.format(c.getSignForDueAt().atZone(clock.zone())))
        .with("link", "/camunda/app/tasklist/default/").build();
  }

  private MessageEvent.Builder of(MessageType type, String key, SupervisionCase c, Instant limit) {
    return MessageEvent.of(type, key).with("caseId", c.getId()).with("caseNumber", c.getCaseNumber())
        .with("title", c.getTitle()).with("unit", c.getLeadUnit()).with("leader", c.getLeaderInCharge())
        .with("deadline", limit == null ? null : DAY.format(limit.atZone(clock.zone())))
        .with("level", c.getWarningLevel().label());
  }
}
