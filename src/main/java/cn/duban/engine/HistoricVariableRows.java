package cn.duban.engine;

import java.util.ArrayList;
import java.util.Collection;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Reads historic variable rows by their ids into the running command's entity cache, where the
 * engine's history finds them when it updates the variables (it looks each row up by id first,
 * one round trip per variable). One plain statement: the historic variable query would do, but it
 * builds its SQL from the engine's largest dynamic mapping on every call, and through a command of
 * its own (6 % of the job threads' CPU in a burst of escalations, more than the five look-ups it
 * saved).
 */
@Component
public class HistoricVariableRows extends AbstractProcessEnginePlugin {

  private static final String NAMESPACE = "cn.duban.engine.HistoricVariableRows";
  static final String STATEMENT = NAMESPACE + ".selectByIds";

  /** The engine's own result map, so that the rows are the entities its history updates. */
  private static final String STATEMENTS = """
      <select id="selectByIds" parameterType="org.camunda.bpm.engine.impl.db.ListQueryParameterObject"
          resultMap="org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity.historicVariableInstanceResultMap">
        select * from ${prefix}ACT_HI_VARINST where ID_ in
        <foreach item="id" collection="parameter" open="(" separator="," close=")">#{id}</foreach>
      </select>
      """;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    EngineStatements.add(configuration, NAMESPACE, STATEMENTS);
  }

  /** Within a command: the rows of these historic variable instances (their variables' ids), into its cache. */
  public static void load(Collection<String> ids) {
    Context.getCommandContext().getDbEntityManager().selectList(STATEMENT, new ArrayList<>(ids));
  }
}
