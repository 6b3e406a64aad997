package cn.duban.engine;

import cn.duban.common.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's own settings of the engine's tables: indexes for the queries it runs there
 * that the engine's indexes do not serve, and on PostgreSQL room on the pages of the rows that
 * every step updates. Not Flyway migrations: Flyway runs before the engine has created its tables
 * on a new database. Applied once the engine is up; the engine's own schema updates leave indexes
 * and storage parameters they do not know alone.
 */
@Component
public class EngineTables extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTables.class);

  /** Indexes for queries the engine's own indexes leave to a read of the whole table. */
  static final List<String> INDEXES = List.of(
      // Tasklist's filters by due date (即将到期, 已逾期, the overseeing offices' county-wide ones) and
      // 督办看板's overdue work: without it the database reads every open task to find the due ones
      "create index if not exists duban_task_due_date on act_ru_task (due_date_)",
      // every task list checks the user's grants: his own and his groups' (the engine indexes the
      // group's column alone, not the user's), so that the database reads those, not every grant
      "create index if not exists duban_authorization_user on act_ru_authorization (user_id_)",
      // the job executor's look for due jobs (every few seconds on every node, continuously in a
      // burst) asks for jobs due by now or with no due date: without it the database reads every
      // waiting timer, two or three per open case, and past about 6,500 of them PostgreSQL's cost
      // estimate crosses the threshold of its query JIT, so that every look compiled the query
      // (41-316 ms a look at 10,000-50,000 timers on PostgreSQL 15, against 0.3-0.7 ms with it: an
      // index scan each for "no due date" and "due by now")
      "create index if not exists duban_job_due_date on act_ru_job (duedate_)");

  /**
   * The tables whose rows a step updates without touching an indexed column: a case's variables
   * and their history rows (each escalation rewrites five), its executions, its tasks' history.
   * With a quarter of each page left free PostgreSQL writes the new version of a row beside the
   * old one and leaves the table's indexes as they are (a HOT update); on full pages it moves the
   * row and adds an entry to every index, twelve on the variables' history. Measured on the
   * benchmark's burst: the five variable updates of an escalation took the database 1.2 ms
   * (act_hi_varinst and act_ru_variable), 0.2 ms with the free space. It applies to pages written
   * from now on; an existing table gains it as its rows are rewritten.
   */
  static final List<String> UPDATED_IN_PLACE = List.of(
      "act_ru_variable", "act_hi_varinst", "act_ru_execution", "act_hi_taskinst");

  static final int FILL_FACTOR = 75;

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection c = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String index : INDEXES) {
        s.execute(index);
      }
      if (Databases.isPostgres(c.getMetaData())) {
        for (String table : UPDATED_IN_PLACE) {
          // only where it is not set yet: the change waits for a running vacuum of the table
          if (!storageParameters(s, table).contains("fillfactor=" + FILL_FACTOR)) {
            s.execute("alter table " + table + " set (fillfactor = " + FILL_FACTOR + ")");
          }
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      // a missing index or full pages make some work slower, nothing wrong: the application starts
      LOG.warn("Could not apply the application's settings to the engine's tables", e);
    }
  }

  /** The table's storage parameters as PostgreSQL lists them ("fillfactor=75"), or "". */
  public static String storageParameters(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("select array_to_string(reloptions, ',') from pg_class where oid = to_regclass('"
        + table + "')")) {
      return r.next() && r.getString(1) != null ? r.getString(1) : "";
    }
  }
}
