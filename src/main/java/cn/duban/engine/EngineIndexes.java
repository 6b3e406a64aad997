package cn.duban.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's own indexes on the engine's tables, for the queries it runs there that the
 * engine's indexes do not serve. Not Flyway migrations: Flyway runs before the engine has created
 * its tables on a new database. Made once the engine is up, if missing; the engine's own schema
 * updates leave indexes they do not know alone.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /**
   * Tasklist's filters by due date (即将到期, 已逾期, the overseeing offices' county-wide ones) and
   * 督办看板's overdue work: without it the database reads every open task to find the due ones.
   */
  static final List<String> INDEXES = List.of(
      "create index if not exists duban_task_due_date on act_ru_task (due_date_)",
      // every task list checks the user's grants: his own and his groups' (the engine indexes the
      // group's column alone, not the user's), so that the database reads those, not every grant
      "create index if not exists duban_authorization_user on act_ru_authorization (user_id_)");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection c = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration()).getDataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String index : INDEXES) {
        s.execute(index);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      // a missing index makes some lists slower, nothing wrong: the application starts
      LOG.warn("Could not create the application's indexes on the engine's tables", e);
    }
  }
}
