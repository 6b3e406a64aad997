package cn.duban.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history writer, without the look-up it makes before updating the history row of a
 * task that has not ended. Before every update of such a row it reads the row's start time, which
 * the update does not write: the task's row is updated when the command closes, after the task
 * ended if it did, and only an ending row writes a duration ({@code updateHistoricTaskInstanceEvent}).
 * Every claim, assignment or other change of an open task (and every re-timed due date) cost a
 * round trip for a value nobody used. Every other event, an activity's row among them (an activity
 * may be updated and end within one command, its duration counted from the start time read then),
 * goes through the engine's own handler unchanged.
 *
 * <p>The engine's database handler is left out and this one takes its place, last after any custom
 * handlers, as the engine orders them; where the engine's default is off or a handler is set
 * outright, nothing changes.
 */
@Component
public class ScopeHistoryUpdates extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isEnableDefaultDbHistoryEventHandler() && configuration.getHistoryEventHandler() == null) {
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      configuration.getCustomHistoryEventHandlers().add(new Writer());
    }
  }

  static final class Writer extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (isInitialEvent(event) || !(event instanceof HistoricTaskInstanceEventEntity task)
          || task.getEndTime() != null) {
        super.insertOrUpdate(event);
        return;
      }
      // as the engine does, but without reading the start time first
      DbEntityManager db = getDbEntityManager();
      if (db.getCachedEntity(event.getClass(), event.getId()) == null && event.getId() != null) {
        db.merge(event);
      }
    }
  }
}
