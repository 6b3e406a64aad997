package cn.duban.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history writer, without the look-up it makes before updating a task's or an
 * activity's history row that is not ending. Before every update of such a row it reads the row's
 * start time, which only an ending row needs (its duration is the end minus the start; the update
 * writes neither column otherwise, {@code updateHistoricTaskInstanceEvent} and
 * {@code updateHistoricActivityInstanceEvent}). An escalation raises the priority of a case's open
 * tasks (four in a case with a co-unit and urgings), and each raise cost a round trip for a value
 * nobody used. Everything else, the ending rows included, goes through the engine's own handler,
 * and the rows are written exactly as before.
 *
 * <p>It replaces the engine's handler only where that is the engine's default (database history,
 * with any custom handlers after it, as the engine orders them).
 */
@Component
public class ScopeHistoryUpdates extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getHistoryEventHandler() instanceof CompositeDbHistoryEventHandler)) {
      return;
    }
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Writer());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setHistoryEventHandler(new CompositeHistoryEventHandler(handlers));
  }

  static final class Writer extends DbHistoryEventHandler {

    @Override
    protected void insertOrUpdate(HistoryEvent event) {
      if (isInitialEvent(event) || !openScopeRow(event)) {
        super.insertOrUpdate(event);
        return;
      }
      // as the engine does, but without reading the start time first
      DbEntityManager db = getDbEntityManager();
      if (db.getCachedEntity(event.getClass(), event.getId()) == null && event.getId() != null) {
        db.merge(event);
      }
    }

    private static boolean openScopeRow(HistoryEvent event) {
      return event instanceof HistoricTaskInstanceEventEntity task ? task.getEndTime() == null
          : event instanceof HistoricActivityInstanceEventEntity activity && activity.getEndTime() == null;
    }
  }
}
