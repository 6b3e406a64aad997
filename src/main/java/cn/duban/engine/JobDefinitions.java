package cn.duban.engine;

import org.camunda.bpm.engine.impl.context.Context;

/**
 * The job definitions of a process definition, read in one statement into the running command's
 * entity cache. Each timer a command creates looks its job definition up by id (for its suspension
 * state and deployment), one round trip per timer of another kind; a step that is about to create
 * timers of two or more kinds asks once for all of them instead. Read afresh in every command, so
 * that a job definition suspended in Cockpit counts at once, on every node.
 */
public final class JobDefinitions {

  private JobDefinitions() {
  }

  /** Within a command: the job definitions of the process definition, into its cache. */
  public static void load(String processDefinitionId) {
    Context.getCommandContext().getJobDefinitionManager().findByProcessDefinitionId(processDefinitionId);
  }
}
