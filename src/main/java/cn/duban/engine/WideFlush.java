package cn.duban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.util.CollectionUtil;
import org.springframework.stereotype.Component;

/**
 * A command's writes reach the database in parts of {@value #PART} operations instead of the
 * engine's 50 ({@link DbEntityManager#BATCH_SIZE}). Each part is sent as JDBC batches, one per run
 * of the same statement, so a run that crosses a part's end costs a second round trip: a case's
 * registration writes 115 operations, and its 20 variables and their 20 history rows were each
 * sent in two batches. The engine's part is a bound on one JDBC batch, not a rule of its
 * consistency: every part is flushed before the transaction commits, and a failed operation is
 * handled the same in any part.
 *
 * <p>The engine hands its parts to {@code flushDbOperations} in order, each with the whole list;
 * the first call flushes the whole list in the wider parts and the later ones find it done.
 * {@code WideFlushTest} fails on another engine version, to have this checked against its flush.
 */
@Component
public class WideFlush extends AbstractProcessEnginePlugin {

  /** Covers the commands of a case's process; bulk commands (a deleted batch of instances) still get a bound. */
  static final int PART = 250;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // the engine's id generator is not made yet: the factory asks for it when a command opens a session
    configuration.getCustomSessionFactories().add(new DbEntityManagerFactory(null) {
      @Override
      public DbEntityManager openSession() {
        return new WideParts(Context.getProcessEngineConfiguration(),
            Context.getCommandContext().getSession(PersistenceSession.class));
      }
    });
  }

  static final class WideParts extends DbEntityManager {

    WideParts(ProcessEngineConfigurationImpl configuration, PersistenceSession session) {
      super(configuration.getIdGenerator(), session);
    }

    @Override
    protected void flushDbOperations(List<DbOperation> enginePart, List<DbOperation> all) {
      if (enginePart.get(0) != all.get(0)) {
        return;
      }
      for (List<DbOperation> part : CollectionUtil.partition(all, PART)) {
        super.flushDbOperations(part, all);
      }
    }
  }
}
