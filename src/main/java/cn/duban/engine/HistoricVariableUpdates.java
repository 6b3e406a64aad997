package cn.duban.engine;

import java.util.Collection;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Updates the history rows of variables about to change without reading them first. The engine's
 * history reads a variable's row by its id before updating it (a round trip per variable; read
 * together beforehand, one per step that changes a case's variables), and then writes the row's
 * columns from the update event: of what it read, only the revision goes into the update, as the
 * one it checks. For a variable whose value lies in the row itself (no byte array, which the update
 * would have to delete with the old value), the command's entity cache is given a stand-in for the
 * row instead. The history finds it where it looks first and fills it from the event as it would
 * the row read; the stand-in's update writes the same columns and counts the row's own revision up
 * without checking it. The runtime variable's revision, updated in the same flush, is still
 * checked, so two commands changing one variable at once still fail one of them. A row that is not
 * there (its history deleted by hand) is updated in no row, which the engine ignores, by default,
 * as it does for any history update that finds no row
 * ({@code skipHistoryOptimisticLockingExceptions}); it would have written the row again. That the
 * row holds no byte array is read off the runtime variable, whose value the row copies.
 */
@Component
public class HistoricVariableUpdates extends AbstractProcessEnginePlugin {

  private static final String NAMESPACE = "cn.duban.engine.HistoricVariableUpdates";

  /**
   * The engine's {@code updateHistoricVariableInstance} and {@code deleteHistoricVariableInstance}
   * without the revision's check; a stand-in not filled from an update (its variable removed
   * instead) writes only its state.
   */
  private static final String STATEMENTS = """
      <update id="update" parameterType="org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity">
        update ${prefix}ACT_HI_VARINST set
          REV_ = REV_ + 1,
          <if test="filled">
          VAR_TYPE_ = #{serializerName, jdbcType=VARCHAR},
          BYTEARRAY_ID_ = #{byteArrayId, jdbcType=VARCHAR},
          PROC_DEF_ID_ = #{processDefinitionId, jdbcType=VARCHAR},
          PROC_DEF_KEY_ = #{processDefinitionKey, jdbcType=VARCHAR},
          DOUBLE_ = #{doubleValue, jdbcType=DOUBLE},
          LONG_ = #{longValue, jdbcType=BIGINT},
          TEXT_ = #{textValue, jdbcType=VARCHAR},
          TEXT2_ = #{textValue2, jdbcType=VARCHAR},
          CASE_DEF_ID_ = #{caseDefinitionId, jdbcType=VARCHAR},
          </if>
          STATE_ = #{state, jdbcType=VARCHAR}
        where ID_ = #{id, jdbcType=VARCHAR}
      </update>
      <delete id="delete" parameterType="org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity">
        delete from ${prefix}ACT_HI_VARINST where ID_ = #{id, jdbcType=VARCHAR}
      </delete>
      """;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineStatements.add(configuration, NAMESPACE, STATEMENTS);
    configuration.getDbSqlSessionFactory().getUpdateStatements().put(StandIn.class, NAMESPACE + ".update");
    configuration.getDbSqlSessionFactory().getDeleteStatements().put(StandIn.class, NAMESPACE + ".delete");
    // found where the history looks a row up, as the engine's timers are found as jobs
    configuration.getDbEntityCacheKeyMapping().registerEntityCacheKey(StandIn.class, HistoricVariableInstanceEntity.class);
  }

  /**
   * Within a command, before these variables of the execution are set: stand-ins for their history
   * rows. A variable not yet in the runtime, one holding a byte array, and one whose row the
   * command holds already are left to the engine.
   */
  public static void prepare(ExecutionEntity execution, Collection<String> names) {
    if (!Context.getProcessEngineConfiguration().getHistoryLevel()
        .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)) {
      return;
    }
    DbEntityManager db = Context.getCommandContext().getDbEntityManager();
    for (String name : names) {
      if (execution.getVariableInstance(name) instanceof VariableInstanceEntity v && v.getByteArrayValueId() == null
          && db.getCachedEntity(HistoricVariableInstanceEntity.class, v.getId()) == null) {
        db.getDbEntityCache().putPersistent(new StandIn(v.getId()));
      }
    }
  }

  /**
   * A history row known by its id alone. Written in full once the history has filled it from an
   * update; its state alone if the history only marked it deleted; not at all if neither.
   */
  static final class StandIn extends HistoricVariableInstanceEntity {

    private boolean filled;

    StandIn(String id) {
      setId(id);
    }

    @Override
    public void updateFromEvent(HistoricVariableUpdateEventEntity event) {
      super.updateFromEvent(event);
      filled = true;
    }

    /** Whether its columns hold the variable's values (read by the update statement). */
    public boolean isFilled() {
      return filled;
    }
  }
}
