package cn.duban.message;

import cn.duban.calendar.LimitClock;
import cn.duban.organization.OrganizationService;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R33: works the outbox after the cases' transactions committed. First each new event is
 * expanded, by the node that marks it (a conditional UPDATE), into one delivery per recipient and
 * channel (unique on event, recipient and channel); then each due delivery is claimed by one node
 * (again a conditional UPDATE, with a lease so that a dead node's claims are taken over), sent
 * outside any transaction, and marked sent, or due again after a pause that doubles, or failed
 * after the last try. Nothing here touches a case: a failure never rolls back or holds one.
 */
@Service
public class MessageOutbox {

  private static final Logger LOG = LoggerFactory.getLogger(MessageOutbox.class);
  private static final int BATCH = 50;
  private static final String INSERT_DELIVERY = "insert into message_delivery (event_key, event_type, recipient,"
      + " recipient_name, channel, address, subject, body, status, attempts, next_attempt_at, created_at)"
      + " select ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? where not exists (select 1 from message_delivery"
      + " where event_key = ? and recipient = ? and channel = ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final LimitClock clock;
  private final MessageProperties properties;
  private final MessageRecipients recipients;
  private final MessageTemplates templates;
  private final MessageSettings settings;
  private final MessageWebhooks webhooks;
  private final MessageSenders senders;
  private final OrganizationService organization;
  private final String node;

  public MessageOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LimitClock clock,
      MessageProperties properties, MessageRecipients recipients, MessageTemplates templates, MessageSettings settings,
      MessageWebhooks webhooks, MessageSenders senders, OrganizationService organization) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.properties = properties;
    this.recipients = recipients;
    this.templates = templates;
    this.settings = settings;
    this.webhooks = webhooks;
    this.senders = senders;
    this.organization = organization;
    this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A delivery as 督办看板 lists it. */
  public record Delivery(long id, String eventKey, MessageType type, String recipient, String recipientName,
      Channel channel, String address, String subject, String body, String status, int attempts,
      Instant nextAttemptAt, String lastError, Instant sentAt) {

    /**
     * As the office's list shows it: a robot's address carries its key or access token, which only
     * an administrator sees (in the robots' list), so only its host is shown.
     */
    public Delivery listed() {
      if (channel != Channel.WEBHOOK || address == null) {
        return this;
      }
      String host = java.net.URI.create(address).getHost();
      return new Delivery(id, eventKey, type, recipient, recipientName, channel,
          (host == null ? "" : host) + "（群机器人）", subject, body, status, attempts, nextAttemptAt, lastError, sentAt);
    }
  }

  /** A batch of the outbox's work: the ids it took (a full batch: more may wait) and how many of them it did. */
  private record Batch(List<Long> taken, int done) {

    boolean full() {
      return taken.size() == BATCH;
    }

    long last(long otherwise) {
      return taken.isEmpty() ? otherwise : taken.get(taken.size() - 1);
    }
  }

  /**
   * Expands the new events and sends what is due, a batch of each at a time for as long as batches
   * come full, starting none after half a claim; returns how many deliveries were sent. A batch per
   * look would tell a burst of deadlines (a thousand notices at midnight, three or four deliveries
   * each) at fifty deliveries per poll interval, the last of them ten minutes or more late.
   */
  public int work() {
    long until = System.nanoTime() + properties.claimFor().dividedBy(2).toNanos();
    int sent = 0;
    long after = 0;
    boolean more;
    do {
      Batch expanded = expandBatch(after);
      // past an event that failed, so that fifty that fail cannot hold up the rest (they are tried at the next look)
      after = expanded.last(after);
      Batch delivered = deliverBatch();
      sent += delivered.done();
      more = expanded.full() || delivered.full();
    } while (more && System.nanoTime() < until);
    return sent;
  }

  /** Turns each of a batch of new events after {@code after} into its deliveries; done: the events this node expanded. */
  private Batch expandBatch(long after) {
    List<Long> ids = jdbc.queryForList("select id from message_event where expanded_at is null and id > ? order by id"
        + " fetch first " + BATCH + " rows only", Long.class, after);
    int expanded = 0;
    for (Long id : ids) {
      try {
        Boolean mine = transactions.execute(status -> expand(id));
        if (Boolean.TRUE.equals(mine)) {
          expanded++;
        }
      } catch (RuntimeException e) {
        // left for the next look; the case it came from is long committed
        LOG.warn("message event {} could not be expanded: {}", id, e.toString());
      }
    }
    return new Batch(ids, expanded);
  }

  private boolean expand(long id) {
    Instant now = clock.now();
    if (jdbc.update("update message_event set expanded_at = ? where id = ? and expanded_at is null", at(now), id) != 1) {
      return false;   // another node took it
    }
    Map<String, Object> row = jdbc.queryForMap("select event_key, event_type, params from message_event where id = ?", id);
    String key = (String) row.get("event_key");
    MessageType type = MessageType.valueOf((String) row.get("event_type"));
    Map<String, String> params = new HashMap<>(Messages.params((String) row.get("params")));
    enrich(params);
    List<Object[]> rows = new ArrayList<>();
    for (MessageRecipients.Target target : recipients.resolve(recipients.roles(type), params)) {
      Map<Channel, String> addresses = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        String address = address(target, channel);
        if (address != null) {
          addresses.put(channel, address);
        }
      }
      if (addresses.isEmpty()) {
        continue;   // no channel reaches the target (or none is switched on): nothing to render
      }
      Map<String, String> values = new HashMap<>(params);
      values.put("recipientName", target.name());
      MessageTemplates.Text text = templates.render(type, values);
      addresses.forEach((channel, address) -> {
        Instant due = channel == Channel.SMS ? smsAllowedFrom(target.personId(), now) : now;
        rows.add(new Object[] {key, type.name(), target.key(), target.name(), channel.name(), address, text.subject(),
            text.body(), at(due), at(now), key, target.key(), channel.name()});
      });
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(INSERT_DELIVERY, rows);
    }
    return true;
  }

  /** The names the templates show, looked up now rather than in the case's transaction. */
  private void enrich(Map<String, String> params) {
    if (params.containsKey("unit") && !params.containsKey("unitName")) {
      params.put("unitName", organization.unitName(params.get("unit")));
    }
    if (params.containsKey("subject") && !params.containsKey("subjectName")) {
      String s = params.get("subject");
      params.put("subjectName", s.startsWith("UNIT:") ? organization.unitName(s.substring(5))
          : s.startsWith("PERSON:") ? organization.personName(s.substring(7)) : s);
    }
    String link = params.get("link");
    if (link != null && link.startsWith("/")) {
      params.put("link", properties.baseUrl().replaceAll("/+$", "") + link);
    }
  }

  /** Where the channel reaches the target, or null when it does not (switched off, no address). */
  private String address(MessageRecipients.Target target, Channel channel) {
    if (!senders.on(channel)) {
      return null;
    }
    if (target.personId() == null) {
      // a unit is reached by its group robot only
      return channel == Channel.WEBHOOK ? webhooks.of(target.key()).map(MessageWebhooks.Webhook::url).orElse(null) : null;
    }
    MessageSettings.Setting s = settings.of(target.personId());
    return switch (channel) {
      case MAIL -> s.mail() ? senders.email(target.personId()) : null;
      case SMS -> s.sms() ? s.phone() : null;
      case WEBHOOK -> s.webhook() ? webhooks.of(target.key()).map(MessageWebhooks.Webhook::url).orElse(null) : null;
    };
  }

  /** R33: an SMS waits for the end of the person's quiet hours. */
  private Instant smsAllowedFrom(String personId, Instant at) {
    if (personId == null) {
      return at;
    }
    return settings.of(personId).smsAllowedFrom(at.atZone(clock.zone()).toLocalDateTime()).atZone(clock.zone()).toInstant();
  }

  /** Claims and sends a batch of due deliveries one by one; done: how many were sent. */
  private Batch deliverBatch() {
    Instant started = clock.now();
    List<Long> due = jdbc.queryForList("select id from message_delivery where (status = 'PENDING' and next_attempt_at <= ?)"
        + " or (status = 'SENDING' and claimed_until < ?) order by next_attempt_at, id fetch first " + BATCH + " rows only",
        Long.class, at(started), at(started));
    int sent = 0;
    for (Long id : due) {
      // each claim runs from its own moment; a slow batch stops well before a claim could lapse
      // under another node's eyes, so that it never takes over a delivery still being sent
      Instant now = clock.now();
      if (Duration.between(started, now).compareTo(properties.claimFor().dividedBy(2)) > 0) {
        break;
      }
      if (claim(id, now) && send(id)) {
        sent++;
      }
    }
    return new Batch(due, sent);
  }

  private boolean claim(long id, Instant now) {
    return jdbc.update("update message_delivery set status = 'SENDING', claimed_by = ?, claimed_until = ?,"
        + " attempts = attempts + 1 where id = ? and ((status = 'PENDING' and next_attempt_at <= ?)"
        + " or (status = 'SENDING' and claimed_until < ?))", node, at(now.plus(properties.claimFor())), id, at(now),
        at(now)) == 1;
  }

  private boolean send(long id) {
    Delivery d = find(id);
    try {
      senders.send(d.channel(), d.recipient(), d.address(), d.subject(), d.body());
    } catch (Exception e) {
      failed(d, e);
      return false;
    }
    if (jdbc.update("update message_delivery set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null"
        + " where id = ? and claimed_by = ?", at(clock.now()), id, node) == 0) {
      LOG.warn("message {} to {} by {} was sent after this node's claim had lapsed: another node may send it too",
          d.eventKey(), d.recipient(), d.channel());
    }
    return true;
  }

  private void failed(Delivery d, Exception e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    reason = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
    Instant now = clock.now();
    if (d.attempts() >= properties.maxAttempts()) {
      LOG.warn("message {} to {} by {} failed for good after {} tries: {}", d.eventKey(), d.recipient(), d.channel(),
          d.attempts(), reason);
      jdbc.update("update message_delivery set status = 'FAILED', claimed_until = null, last_error = ? where id = ?"
          + " and claimed_by = ?", reason, d.id(), node);
      return;
    }
    Duration pause = properties.firstRetry().multipliedBy(1L << Math.min(20, d.attempts() - 1));
    Instant next = now.plus(pause);
    if (d.channel() == Channel.SMS && d.recipient().startsWith("PERSON:")) {
      next = smsAllowedFrom(d.recipient().substring(7), next);
    }
    jdbc.update("update message_delivery set status = 'PENDING', next_attempt_at = ?, claimed_until = null,"
        + " last_error = ? where id = ? and claimed_by = ?", at(next), reason, d.id(), node);
  }

  /**
   * Forgets the messages sent longer than {@code duban.messages.keep-sent} ago; returns how many went.
   * The events stay: their keys are what makes an event that comes round again (a case's task
   * created anew) one that was told already.
   */
  public int purge() {
    Instant before = clock.now().atZone(clock.zone()).minus(properties.keepSent()).toInstant();
    return jdbc.update("delete from message_delivery where status = 'SENT' and sent_at < ?", at(before));
  }

  /** An office's retry of a failed delivery: due at once, with its tries counted afresh. */
  public boolean retry(long id) {
    List<Delivery> found = jdbc.query(SELECT + " where id = ?", this::row, id);
    if (found.isEmpty()) {
      return false;
    }
    Delivery d = found.get(0);
    Instant next = clock.now();
    if (d.channel() == Channel.SMS && d.recipient().startsWith("PERSON:")) {
      next = smsAllowedFrom(d.recipient().substring(7), next);  // quiet hours hold a retried SMS too
    }
    return jdbc.update("update message_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
        + " claimed_by = null, claimed_until = null where id = ? and status = 'FAILED'", at(next), id) == 1;
  }

  public Delivery find(long id) {
    return jdbc.queryForObject(SELECT + " where id = ?", this::row, id);
  }

  public List<Delivery> withStatus(String status) {
    return jdbc.query(SELECT + " where status = ? order by id desc fetch first 200 rows only", this::row, status);
  }

  public List<Delivery> ofEvent(String eventKey) {
    return jdbc.query(SELECT + " where event_key = ? order by id", this::row, eventKey);
  }

  public List<Delivery> ofType(MessageType type) {
    return jdbc.query(SELECT + " where event_type = ? order by id", this::row, type.name());
  }

  public Set<String> eventKeys(MessageType type) {
    return Set.copyOf(jdbc.queryForList("select event_key from message_event where event_type = ?", String.class,
        type.name()));
  }

  private static final String SELECT = "select id, event_key, event_type, recipient, recipient_name, channel, address,"
      + " subject, body, status, attempts, next_attempt_at, last_error, sent_at from message_delivery";

  private Delivery row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
    return new Delivery(rs.getLong("id"), rs.getString("event_key"), MessageType.valueOf(rs.getString("event_type")),
        rs.getString("recipient"), rs.getString("recipient_name"), Channel.valueOf(rs.getString("channel")),
        rs.getString("address"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
        rs.getString("last_error"), sent == null ? null : sent.toInstant());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
