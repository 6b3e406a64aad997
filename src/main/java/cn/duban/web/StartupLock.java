package cn.duban.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * One node at a time through {@link Startup}: nodes of one PostgreSQL started together (an upgrade,
 * a restart of the servers) would otherwise both find a group grant, a user of the organisation or
 * a Tasklist filter missing and both write it. A grant or a user is under a unique key, so the
 * second node's start failed; a filter is not, so it could be there twice. The lock is
 * PostgreSQL's advisory lock, held by a connection of its own for the whole start-up and released
 * with that connection's session if the node dies. The second node waits, then finds everything
 * done. On H2 (one node by nature: its file is open in one process) no lock is taken.
 */
@Component
public class StartupLock {

  /** The advisory lock's key: "duba" in ASCII, shown by pg_locks as objid 1685414497. */
  public static final long KEY = 0x64756261L;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private final boolean postgres;

  public StartupLock(DataSource dataSource) throws MetaDataAccessException {
    this.dataSource = dataSource;
    this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
        DatabaseMetaData::getDatabaseProductName));
  }

  /** Runs the start-up's work, on PostgreSQL once no other node runs its own. */
  public void during(Runnable work) {
    if (!postgres) {
      work.run();
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      if (!call(c, "select pg_try_advisory_lock(?)")) {
        LOG.info("Another node is starting on this database: waiting for it to finish its start-up");
        call(c, "select pg_advisory_lock(?)");
      }
      try {
        work.run();
      } finally {
        unlock(c);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The start-up lock on the database failed", e);
    }
  }

  /**
   * Releases the lock; should that fail, the connection is closed rather than returned to the pool,
   * so that its session, and the lock with it, ends.
   */
  private static void unlock(Connection c) throws SQLException {
    try {
      call(c, "select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock: closing its connection instead", e);
      c.abort(Runnable::run);
    }
  }

  /** One of PostgreSQL's advisory lock functions on the key: true when it answers true (pg_advisory_lock answers nothing). */
  private static boolean call(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, KEY);
      try (var r = s.executeQuery()) {
        return r.next() && "t".equals(r.getString(1));
      }
    }
  }
}
