package cn.duban.message;

import cn.duban.calendar.LimitClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * R33: where the domains put what people are to be told. An event is written into the outbox
 * (message_event) by the transaction that caused it, so it exists exactly when the case's change
 * does; {@link MessageOutbox} sends it after commit. Within a transaction the events are kept and
 * written together just before commit, as one batched statement, each only if its key is new:
 * a registration costs one statement, and a retried step adds nothing.
 */
@Service
public class Messages {

  static final ObjectMapper JSON = new ObjectMapper();
  /** message_event.params is a varchar(4000); JSON escapes count, non-ASCII does not (ObjectMapper keeps it). */
  static final int PARAMS_MAX = 4000;
  private static final String INSERT = "insert into message_event (event_key, event_type, created_at, params)"
      + " select ?, ?, ?, ? where not exists (select 1 from message_event where event_key = ?)";

  private final JdbcTemplate jdbc;
  private final LimitClock clock;

  public Messages(JdbcTemplate jdbc, LimitClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Enqueues the event in the current transaction (or at once without one). */
  public void enqueue(MessageEvent event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(List.of(event));
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.events.putIfAbsent(event.key(), event);
  }

  private void write(List<MessageEvent> events) {
    OffsetDateTime now = clock.now().atOffset(ZoneOffset.UTC);
    List<Object[]> rows = new ArrayList<>();
    for (MessageEvent e : events) {
      rows.add(new Object[] {e.key(), e.type().name(), now, json(e.params()), e.key()});
    }
    jdbc.batchUpdate(INSERT, rows);
  }

  /**
   * The parameters as JSON within the column's 4,000 characters: the longest values are shortened
   * (a long instruction text, a digest's list) rather than the case's transaction failing.
   */
  static String json(Map<String, String> params) {
    try {
      Map<String, String> fitted = new LinkedHashMap<>(params);
      String json = JSON.writeValueAsString(fitted);
      for (int limit = 1500; json.length() > PARAMS_MAX && limit >= 50; limit /= 2) {
        for (Map.Entry<String, String> e : fitted.entrySet()) {
          if (e.getValue().length() > limit) {
            e.setValue(e.getValue().substring(0, limit - 1) + "…");
          }
        }
        json = JSON.writeValueAsString(fitted);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> params(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable message parameters: " + json, e);
    }
  }

  /** The events of one transaction, written just before it commits. */
  private final class Pending implements TransactionSynchronization {
    private final Map<String, MessageEvent> events = new LinkedHashMap<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!events.isEmpty()) {
        write(new ArrayList<>(events.values()));
        events.clear();
      }
    }

    // a transaction of its own inside this one keeps its events apart
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(Messages.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(Messages.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(Messages.this);
    }
  }
}
