package cn.duban.engine;

import cn.duban.common.Actors;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Component;

/**
 * Messages the application sends into a process instance on a person's request (a withdrawal, a
 * reassignment, a feedback sheet): the person's right is checked before, by the application, and
 * the message is sent as the application's own, since nobody but administrators may send one into
 * an instance themselves (the REST API refuses it to everyone else).
 */
@Component
public class ApplicationMessages {

  private final RuntimeService runtime;
  private final IdentityService identity;

  public ApplicationMessages(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Correlates the message with the instance, with what {@code with} adds (its variables). */
  public void correlate(String message, String processInstanceId, UnaryOperator<MessageCorrelationBuilder> with) {
    Actors.asApplication(identity, () -> {
      with.apply(runtime.createMessageCorrelation(message).processInstanceId(processInstanceId)).correlate();
      return null;
    });
  }
}
