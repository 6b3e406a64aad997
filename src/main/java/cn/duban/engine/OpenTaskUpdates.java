package cn.duban.engine;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Sets the priority, and the due date of some, of a process instance's open tasks, and their history
 * rows alike (each task updated now, as a task saved through the task service), in one statement
 * for each table: the engine's bulk updates, as it suspends an instance's tasks, run in the
 * command's flush after its own changes to tasks (so they have the last word) and raise each
 * task's revision (so a user's change to a task read before them fails as a concurrent
 * modification does). Saving each task through the task service cost an escalation a look-up of
 * the instance's tasks and two statements per task, with a history event built for each.
 *
 * <p>Nothing in the engine hears of these changes: no task listener is called (no task of the
 * project's listens to updates), and the user operation log records none, as it records nothing
 * a delegate or listener changes (the engine's {@code DefaultDelegateInterceptor} switches it off
 * around custom code), where these are called from. Every open task of the
 * instance is changed, a task created earlier in the same command too; tasks in the command's
 * cache keep the values they were read with. The updates run in the order they were asked for,
 * so that a later change within one command has the last word.
 */
@Component
public class OpenTaskUpdates extends AbstractProcessEnginePlugin {

  private static final String NAMESPACE = "cn.duban.engine.OpenTaskUpdates";
  /** {@code TaskEntity.TaskState.STATE_UPDATED}'s value, which the engine does not expose. */
  private static final String UPDATED = "Updated";

  private static final String STATEMENTS = """
      <sql id="changes">
        <if test="priority != null">, PRIORITY_ = #{priority, jdbcType=INTEGER}</if>
        <if test="dueDate != null">, DUE_DATE_ = case when <include refid="dueTask"/>
          then #{dueDate, jdbcType=TIMESTAMP} else DUE_DATE_ end</if>
      </sql>
      <sql id="dueTask">
        TASK_DEF_KEY_ in <foreach item="key" collection="dueTaskKeys" open="(" separator="," close=")">#{key}</foreach>
      </sql>
      <sql id="changed">
        PROC_INST_ID_ = #{processInstanceId, jdbcType=VARCHAR}
        <trim prefix="and (" suffix=")" prefixOverrides="or">
          <if test="priority != null">or PRIORITY_ &lt;&gt; #{priority, jdbcType=INTEGER}</if>
          <if test="dueDate != null">or (<include refid="dueTask"/>
            and (DUE_DATE_ is null or DUE_DATE_ &lt;&gt; #{dueDate, jdbcType=TIMESTAMP}))</if>
        </trim>
      </sql>
      <update id="updateTasks" parameterType="map">
        update ${prefix}ACT_RU_TASK set REV_ = REV_ + 1, LAST_UPDATED_ = #{now, jdbcType=TIMESTAMP},
          TASK_STATE_ = #{taskState, jdbcType=VARCHAR} <include refid="changes"/>
        where <include refid="changed"/>
      </update>
      <update id="updateHistoricTasks" parameterType="map">
        update ${prefix}ACT_HI_TASKINST set TASK_STATE_ = #{taskState, jdbcType=VARCHAR} <include refid="changes"/>
        where <include refid="changed"/> and END_TIME_ is null
      </update>
      """;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineStatements.add(configuration, NAMESPACE, STATEMENTS);
  }

  /**
   * Within a command: every open task of the instance gets this priority (unless null), and those
   * whose key is one of {@code dueTaskKeys} this due date (unless null).
   */
  public static void update(String processInstanceId, Integer priority, Date dueDate, Collection<String> dueTaskKeys) {
    boolean due = dueDate != null && !dueTaskKeys.isEmpty();
    if (priority == null && !due) {
      return;
    }
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("processInstanceId", processInstanceId);
    // as a task saved through the task service: updated now, in the state the engine calls Updated
    parameters.put("now", ClockUtil.getCurrentTime());
    parameters.put("taskState", UPDATED);
    parameters.put("priority", priority);
    parameters.put("dueDate", due ? dueDate : null);
    parameters.put("dueTaskKeys", due ? List.copyOf(dueTaskKeys) : List.of());
    DbEntityManager db = Context.getCommandContext().getDbEntityManager();
    db.updatePreserveOrder(TaskEntity.class, NAMESPACE + ".updateTasks", parameters);
    if (Context.getProcessEngineConfiguration().getHistoryLevel()
        .isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_UPDATE, null)) {
      db.updatePreserveOrder(HistoricTaskInstanceEventEntity.class, NAMESPACE + ".updateHistoricTasks", parameters);
    }
  }
}
