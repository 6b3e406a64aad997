package cn.duban.login;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows failed logins without ever locking anyone out (issue 10 §2). Every password check of the
 * webapps' login and of HTTP basic on /engine-rest and /api passes here first.
 *
 * <p>Failures are counted per client address (across users: a guesser trying many users) and per
 * user at an address (a guesser trying one user). A key that has failed more than its allowance
 * waits before its next attempt is even checked, twice as long after each further failure, up to
 * {@code maxDelay}: then the attempt is answered 429, right password or not, since answering it
 * would let the guessing go on. A person who knows the password is never stopped from another
 * address, because no key covers a user everywhere; and the engine's own lockout, which did exactly
 * that, is switched off (application.yml, {@code login-max-attempts}).
 *
 * <p>The counts live in the database (table login_throttle) so that every node sees the same, and
 * rows are purged once they no longer count, so nothing grows with what is thrown at the login.
 * "Now" is the engine's clock, as for the engine's own lock and every limit of the application.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** The user id of an address's row: no user id is empty, so it never meets a user's row. */
  static final String EVERY_USER = "";
  /** Camunda's user ids are at most 64 characters (ACT_ID_USER.ID_): a longer name is nobody's. */
  private static final int MAX_USER_ID = 64;
  private static final int MAX_ADDRESS = 64;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final LoginProperties properties;

  public LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, LoginProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.properties = properties;
  }

  /** A throttle as an administrator sees it; {@code userId} null for the address's count across users. */
  public record Throttle(long id, String address, String userId, int failures, Instant lastFailureAt,
      Instant blockedUntil, long waitSeconds) {
  }

  /** How long this user at this address must still wait before a password is checked; empty when it may be checked now. */
  public Optional<Duration> waitFor(String user, String address) {
    Instant now = now();
    String u = userKey(user);
    List<OffsetDateTime> until = jdbc.queryForList(
        "select blocked_until from login_throttle where address = ? and user_id in (?, ?) and blocked_until > ?",
        OffsetDateTime.class, addressKey(address), EVERY_USER, u == null ? EVERY_USER : u, at(now));
    return until.stream().map(OffsetDateTime::toInstant).max(Instant::compareTo).map(t -> Duration.between(now, t));
  }

  /** A wrong password (or an unknown user) from this address: counts for the address and for the user there. */
  public void failed(String user, String address) {
    Instant now = now();
    String a = addressKey(address);
    String u = userKey(user);
    ensureRow(a, EVERY_USER, now);
    if (u != null) {
      ensureRow(a, u, now);
    }
    // the address's row first, then the user's: every node locks in the same order
    ownTransaction.executeWithoutResult(status -> {
      count(a, EVERY_USER, properties.addressFailures(), now);
      if (u != null) {
        count(a, u, properties.userFailures(), now);
      }
    });
  }

  /**
   * The right password: the user's failures at this address are forgotten. The address's count
   * across users stays, or a guesser with an account of his own could clear it by logging in.
   */
  public void succeeded(String user, String address) {
    String u = userKey(user);
    if (u != null) {
      jdbc.update("delete from login_throttle where address = ? and user_id = ?", addressKey(address), u);
    }
  }

  /** Every throttle that still counts, those that make someone wait first. */
  public List<Throttle> current() {
    Instant now = now();
    return jdbc.query("select id, address, user_id, failures, last_failure_at, blocked_until from login_throttle"
        + " where blocked_until > ? or last_failure_at > ?", (rs, i) -> {
          OffsetDateTime blocked = rs.getObject("blocked_until", OffsetDateTime.class);
          Instant until = blocked == null ? null : blocked.toInstant();
          long wait = until == null || !until.isAfter(now) ? 0 : seconds(Duration.between(now, until));
          String user = rs.getString("user_id");
          return new Throttle(rs.getLong("id"), rs.getString("address"), EVERY_USER.equals(user) ? null : user,
              rs.getInt("failures"), rs.getObject("last_failure_at", OffsetDateTime.class).toInstant(),
              wait > 0 ? until : null, wait);
        }, at(now), at(now.minus(properties.forgetAfter())))
        .stream()
        .sorted((x, y) -> x.waitSeconds() != y.waitSeconds() ? Long.compare(y.waitSeconds(), x.waitSeconds())
            : y.lastFailureAt().compareTo(x.lastFailureAt()))
        .toList();
  }

  /**
   * Lifts one throttle: the address may try again at once. Lifting an address's count across users
   * lifts its users' counts too, so that the address is free, as the administrator asked.
   */
  public boolean lift(long id, String by) {
    List<String[]> row = jdbc.query("select address, user_id from login_throttle where id = ?",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, id);
    if (row.isEmpty()) {
      return false;
    }
    String address = row.get(0)[0];
    String user = row.get(0)[1];
    if (EVERY_USER.equals(user)) {
      jdbc.update("delete from login_throttle where address = ?", address);
      LOG.info("Login throttle of address {} (every user) lifted by {}", address, by);
    } else {
      jdbc.update("delete from login_throttle where id = ?", id);
      LOG.info("Login throttle of user {} at address {} lifted by {}", user, address, by);
    }
    return true;
  }

  /** Camunda Admin's "unlock user": whatever slows this user, at any address, is lifted as well. */
  public int liftUser(String userId, String by) {
    String u = userKey(userId);
    int lifted = u == null ? 0 : jdbc.update("delete from login_throttle where user_id = ?", u);
    if (lifted > 0) {
      LOG.info("Login throttles of user {} ({} addresses) lifted by {}", u, lifted, by);
    }
    return lifted;
  }

  /** Rows that no longer slow anyone: they would start afresh anyway. */
  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
  public void purge() {
    Instant now = now();
    jdbc.update("delete from login_throttle where last_failure_at < ? and (blocked_until is null or blocked_until < ?)",
        at(now.minus(properties.forgetAfter())), at(now));
  }

  /** Counts one failure of a key, whose row this transaction locks. */
  private void count(String address, String user, int allowance, Instant now) {
    Row row = jdbc.queryForObject("select failures, last_failure_at, blocked_until from login_throttle"
        + " where address = ? and user_id = ? for update", (rs, i) -> new Row(rs.getInt(1),
            rs.getObject(2, OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)),
        address, user);
    boolean forgotten = row.lastFailureAt().isBefore(now.minus(properties.forgetAfter()))
        && (row.blockedUntil() == null || row.blockedUntil().isBefore(now));
    int failures = (forgotten ? 0 : row.failures()) + 1;
    Instant blockedUntil = failures < allowance ? null : now.plus(delay(failures - allowance));
    jdbc.update("update login_throttle set failures = ?, last_failure_at = ?, blocked_until = ?"
        + " where address = ? and user_id = ?", failures, at(now), blockedUntil == null ? null : at(blockedUntil),
        address, user);
    if (blockedUntil != null) {
      LOG.info("Login attempts for {} from {} wait until {} after {} failures",
          user.isEmpty() ? "every user" : user, address, blockedUntil, failures);
    }
  }

  /** The wait after the n-th failure beyond the allowance (n from 0): doubled each time, never more than maxDelay. */
  Duration delay(int beyond) {
    Duration max = properties.maxDelay();
    Duration d = properties.firstDelay();
    for (int i = 0; i < beyond && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  /** Inserts a key's row unless it is there; in a transaction of its own, since another node may insert it at the same moment. */
  private void ensureRow(String address, String user, Instant now) {
    Integer present = jdbc.queryForObject("select count(*) from login_throttle where address = ? and user_id = ?",
        Integer.class, address, user);
    if (present != null && present > 0) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into login_throttle (address, user_id, failures, last_failure_at) values (?, ?, 0, ?)",
          address, user, at(now)));
    } catch (DuplicateKeyException another) {
      // another node counted the first failure of this key at the same moment: its row serves
    }
  }

  private record Row(int failures, Instant lastFailureAt, Instant blockedUntil) {
  }

  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static String userKey(String user) {
    return user == null || user.isEmpty() || user.length() > MAX_USER_ID ? null : user;
  }

  private static String addressKey(String address) {
    String a = address == null ? "unknown" : address;
    return a.length() > MAX_ADDRESS ? a.substring(0, MAX_ADDRESS) : a;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
