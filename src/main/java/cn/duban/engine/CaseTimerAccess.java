package cn.duban.engine;

import cn.duban.organization.Groups;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The supervision office may fire a supervision case's waiting timer before it is due (to show a
 * case turning yellow without waiting days, as the README describes). The engine lets only those
 * who may change the whole instance execute its jobs (UPDATE on the instance or UPDATE_INSTANCE on
 * the process), which would also let the office set the case's variables and move its tokens: what
 * nobody but administrators does. So this rule grants exactly the one thing: a member of the
 * supervision office executing a timer job of a {@code supervision-case} instance. The job then
 * runs as the job executor would run it when it falls due, as no one (the notice is the system's,
 * not the office's), and who fired it is logged. Any other job, and anyone else, is left to the
 * engine's own checks.
 */
@Component
public class CaseTimerAccess extends AbstractProcessEnginePlugin {

  static final String CASE_PROCESS = "supervision-case";

  private static final Logger LOG = LoggerFactory.getLogger(CaseTimerAccess.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        Authentication firedBy = officeFiringCaseTimer(command);
        if (firedBy == null) {
          return next.execute(command);
        }
        IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
        identity.clearAuthentication();
        try {
          return next.execute(command);
        } finally {
          identity.setAuthentication(firedBy);
        }
      }
    });
  }

  /** The supervision office's user executing a case's timer by hand, or null for any other command. */
  static Authentication officeFiringCaseTimer(Command<?> command) {
    if (!(command instanceof ExecuteJobsCmd) || Context.getJobExecutorContext() != null) {
      return null;
    }
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    if (user == null || user.getUserId() == null || user.getGroupIds() == null
        || !user.getGroupIds().contains(Groups.SUPERVISION_OFFICE) || user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      return null;
    }
    JobEntity job = context.getJobManager().findJobById(jobId((ExecuteJobsCmd) command));
    if (!(job instanceof TimerEntity) || !CASE_PROCESS.equals(job.getProcessDefinitionKey())) {
      return null;
    }
    LOG.info("{} fires timer {} ({}) of process instance {} before it is due", user.getUserId(), job.getId(),
        job.getActivityId(), job.getProcessInstanceId());
    return user;
  }

  /** The job the command executes: kept in a field without a getter in this engine version. */
  private static String jobId(ExecuteJobsCmd command) {
    return CommandFields.read(command, ExecuteJobsCmd.class, "jobId");
  }

}
