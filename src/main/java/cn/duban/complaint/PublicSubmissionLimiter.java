package cn.duban.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R15: a guard against a flood of complaints through the public page: at most
 * {@code publicSubmissions} accepted complaints from one client address in any {@code publicWindow}.
 * The address is the one a trusted proxy reports (server.tomcat.remoteip in application.yml).
 *
 * <p>The count is kept in the database, so every node of one database counts the same, and only
 * accepted complaints count: a filing takes its slot in its own transaction, after it has passed
 * every check, so a refused or failed filing leaves none behind. Rows older than the window are
 * purged, so the tables hold at most one row per recent filing and per recently filing address.
 */
@Component
public class PublicSubmissionLimiter {

  private final ComplaintProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public PublicSubmissionLimiter(ComplaintProperties properties, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The address has filed its fill within the window: it may file again after the returned wait. */
  public static final class LimitReached extends RuntimeException {

    private final Duration wait;

    LimitReached(Duration wait) {
      super("public submission limit reached");
      this.wait = wait;
    }

    public Duration getWait() {
      return wait;
    }
  }

  /** A quick look, without locks, that refuses a full address before any work is done for its filing. */
  public void checkRoom(String address, Instant now) {
    waitFor(recent(address, now), now).ifPresent(wait -> {
      throw new LimitReached(wait);
    });
  }

  /**
   * Counts an accepted filing, in the filing's transaction: the address's row is locked, so two
   * nodes filing for one address at the same moment count one after the other, and if the window
   * has filled meanwhile the filing is refused and rolled back with its slot.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void take(String address, Instant now) {
    String a = key(address);
    ensureSubmitter(a, now);
    jdbc.queryForObject("select address from public_submitter where address = ? for update", String.class, a);
    jdbc.update("delete from public_submission where address = ? and filed_at <= ?", a, at(windowStart(now)));
    waitFor(recent(a, now), now).ifPresent(wait -> {
      throw new LimitReached(wait);
    });
    jdbc.update("insert into public_submission (address, filed_at) values (?, ?)", a, at(now));
    jdbc.update("update public_submitter set last_filed_at = ? where address = ?", at(now), a);
  }

  /** Filings and addresses older than the window count for nothing any more. */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
  public void purge() {
    OffsetDateTime start = at(windowStart(ClockUtil.getCurrentTime().toInstant()));
    jdbc.update("delete from public_submission where filed_at <= ?", start);
    jdbc.update("delete from public_submitter where last_filed_at <= ?", start);
  }

  /** Forgets every address (for tests). */
  public void reset() {
    jdbc.update("delete from public_submission");
    jdbc.update("delete from public_submitter");
  }

  /** The times of the address's filings within the window, oldest first. */
  private List<Instant> recent(String address, Instant now) {
    return jdbc.queryForList("select filed_at from public_submission where address = ? and filed_at > ?"
        + " order by filed_at", OffsetDateTime.class, key(address), at(windowStart(now)))
        .stream().map(OffsetDateTime::toInstant).toList();
  }

  /** Empty while there is a slot; else how long until the filing that fills the window leaves it. */
  private Optional<Duration> waitFor(List<Instant> recent, Instant now) {
    int limit = properties.publicSubmissions();
    if (recent.size() < limit) {
      return Optional.empty();
    }
    Instant freed = recent.get(recent.size() - limit).plus(properties.publicWindow());
    return Optional.of(Duration.between(now, freed));
  }

  /** Inserts the address's row unless it is there; on its own, since another node may insert it at the same moment. */
  private void ensureSubmitter(String address, Instant now) {
    Integer present = jdbc.queryForObject("select count(*) from public_submitter where address = ?", Integer.class,
        address);
    if (present != null && present > 0) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into public_submitter (address, last_filed_at) values (?, ?)", address, at(now)));
    } catch (DuplicateKeyException another) {
      // another node's filing from this address inserted it at the same moment: its row serves
    }
  }

  private Instant windowStart(Instant now) {
    return now.minus(properties.publicWindow());
  }

  private static String key(String address) {
    String a = address == null ? "unknown" : address;
    return a.length() > 64 ? a.substring(0, 64) : a;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
