package cn.duban.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * A failing job waits before it is tried again ({@code failed-job-retry-time-cycle} in
 * application.yml: three attempts five minutes apart, then an incident), but a job that only lost a
 * race is tried again at once, as the engine does by default. Two jobs of one instance, or two
 * nodes, changing the same rows at the same moment end one of them with an optimistic-locking
 * failure; nothing is wrong with it, and waiting five minutes would hold back a notice (a case's
 * escalation, an accountability procedure's next step) for nothing. (The engine never counts an
 * optimistic-locking failure as an attempt; a deadlock or a unique key taken meanwhile does count.)
 */
@Component
public class JobRetries extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory((jobId, failure) -> Conflicts.isConflict(failure)
        ? new RetryAtOnce(jobId, failure) : new DefaultJobRetryCmd(jobId, failure));
  }

  /** The engine's default strategy without a retry cycle: one attempt less, due as it was. */
  static final class RetryAtOnce extends DefaultJobRetryCmd {

    RetryAtOnce(String jobId, Throwable failure) {
      super(jobId, failure);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      executeStandardStrategy(commandContext);
      return null;
    }
  }
}
