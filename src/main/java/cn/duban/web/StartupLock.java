package cn.duban.web;

import cn.duban.common.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * One node at a time through {@link Startup}: nodes of one PostgreSQL started together (an upgrade,
 * a restart of the servers) would otherwise both find a group grant, a user of the organisation or
 * a Tasklist filter missing and both write it. A grant or a user is under a unique key, so the
 * second node's start failed; a filter is not, so it could be there twice. The lock is
 * PostgreSQL's advisory lock, held by a connection of its own for the whole start-up and released
 * with that connection's session if the node dies. The second node waits, saying every
 * {@link #LOOK} which node it waits for, then finds everything done. On H2 (one node by nature: its
 * file is open in one process) no lock is taken.
 *
 * <p>A holder that neither finishes nor dies (hung, or its host gone without closing the connection,
 * which PostgreSQL may notice only hours later) would keep the others from starting: after
 * {@code duban.startup.lock-wait} a node starts without the lock, with a warning naming the holder.
 * The lock needs a session of its own: behind a transaction-mode pooler (PgBouncer) it does not hold.
 */
@Component
public class StartupLock {

  /** The advisory lock's key: "duba" in ASCII, shown by pg_locks as objid 1685414497. */
  public static final long KEY = 0x64756261L;
  /** How long one wait for the lock lasts before the node says again whom it waits for. */
  static final Duration LOOK = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final DataSource dataSource;
  private final boolean postgres;
  private final Duration maxWait;

  public StartupLock(DataSource dataSource, @Value("${duban.startup.lock-wait}") Duration maxWait)
      throws MetaDataAccessException {
    this.dataSource = dataSource;
    this.postgres = Databases.isPostgres(dataSource);
    this.maxWait = maxWait;
  }

  /** Runs the start-up's work, on PostgreSQL once no other node runs its own. */
  public void during(Runnable work) {
    if (!postgres) {
      work.run();
      return;
    }
    Connection c = null;
    boolean locked;
    try {
      c = dataSource.getConnection();
      // a session-level lock, which no transaction of this connection may hold idle meanwhile
      c.setAutoCommit(true);
      locked = lock(c);
    } catch (SQLException e) {
      if (c != null) {
        release(c, false);
      }
      throw new IllegalStateException("The start-up lock on the database failed", e);
    }
    try {
      work.run();
    } finally {
      release(c, locked);
    }
  }

  /** Waits for the lock in looks of {@link #LOOK} (or the longest wait, if shorter); false when it gave up. */
  private boolean lock(Connection c) throws SQLException {
    if (ask(c, "select pg_try_advisory_lock(?)")) {
      return true;
    }
    long giveUpAt = System.nanoTime() + maxWait.toNanos();
    try (Statement s = c.createStatement()) {
      // in milliseconds; 0 would wait for ever
      s.execute("set lock_timeout = " + Math.max(1, Math.min(LOOK.toMillis(), maxWait.toMillis())));
      while (true) {
        LOG.info("Another node is starting on this database ({}): waiting for it to finish its start-up", holder(c));
        try {
          ask(c, "select true from pg_advisory_lock(?)");
          return true;
        } catch (SQLException e) {
          if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
            throw e;
          }
        }
        if (System.nanoTime() - giveUpAt > 0) {
          LOG.warn("Starting without the start-up lock after waiting {} for {}: should that node be starting still,"
              + " both may write the same grant or filter", maxWait, holder(c));
          return false;
        }
      }
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("reset lock_timeout");
      }
    }
  }

  /** The session holding the lock, as PostgreSQL knows it (process id, client address, since when). */
  private static String holder(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select a.pid, a.client_addr, a.backend_start from pg_locks l"
        + " join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted"
        + " and l.database = (select oid from pg_database where datname = current_database())"
        + " and l.classid = 0 and l.objid = ? and l.objsubid = 1")) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? "PostgreSQL process " + r.getInt(1) + ", client " + r.getString(2) + ", connected "
            + r.getTimestamp(3).toInstant() : "its session has just ended";
      }
    }
  }

  /**
   * Releases the lock and the connection. Should the lock not be released, the connection is
   * closed rather than returned to the pool, so that its session, and the lock with it, ends. A
   * failure here is logged and never replaces the start-up's own outcome.
   */
  private static void release(Connection c, boolean locked) {
    try {
      if (locked && !ask(c, "select pg_advisory_unlock(?)")) {
        throw new SQLException("the session did not hold the start-up lock");
      }
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock: closing its connection instead", e);
      try {
        c.abort(Runnable::run);
      } catch (SQLException abortFailed) {
        LOG.warn("Could not close the start-up lock's connection", abortFailed);
      }
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("The start-up lock's connection closed with an error", e);
    }
  }

  private static boolean ask(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, KEY);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }
}
