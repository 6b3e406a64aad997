package cn.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A definition's job definitions, read in one statement into the command that creates its timers. */
class JobDefinitionsTest extends ProcessTestSupport {

  @Test
  @DisplayName("every job definition of the case process is in the command's cache after one read")
  void readIntoTheCommand() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult().getId();
    List<JobDefinition> all = management.createJobDefinitionQuery().processDefinitionId(definition).list();
    assertThat(all).hasSizeGreaterThanOrEqualTo(2);

    inCommand(context -> {
      JobDefinitions.load(definition);
      for (JobDefinition d : all) {
        assertThat(context.getDbEntityManager().getCachedEntity(JobDefinitionEntity.class, d.getId()))
            .as(d.getActivityId()).isNotNull();
      }
      return null;
    });
  }

  @Test
  @DisplayName("a job definition suspended in Cockpit suspends the next registration's timer at once")
  void suspensionCountsAtOnce() {
    ProcessInstance before = register();
    JobDefinition clock = management.createJobDefinitionQuery().processDefinitionId(before.getProcessDefinitionId())
        .activityIdIn("stageLimitReached").singleResult();
    management.suspendJobDefinitionById(clock.getId());
    try {
      ProcessInstance after = register();
      assertThat(timer(before, "stageLimitReached").isSuspended()).isFalse();
      Job suspended = timer(after, "stageLimitReached");
      assertThat(suspended.isSuspended()).isTrue();
      assertThat(suspended.getJobDefinitionId()).isEqualTo(clock.getId());
      assertThat(timer(after, "signForOverdue").isSuspended()).isFalse();
    } finally {
      management.activateJobDefinitionById(clock.getId());
    }
  }
}
