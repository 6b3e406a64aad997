package cn.duban.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The project's additions to the engine's two JAX-RS applications, {@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine} (registered by {@link EngineRestSetup}): every error answer
 * becomes a {@link Problem} that {@link EngineErrors} words, and the county-wide counts are kept to
 * those who oversee ({@link AggregateCounts}).
 *
 * <p>Camunda's exception mappers stay as they are; a second mapper for the same exception type
 * would win or lose by registration order. Instead the exception that ended a request is noted
 * when it is thrown, and the answer its mapper built is rewritten on the way out.
 */
public class EngineRestErrors implements Feature {

  static final String CAPTURED = EngineRestErrors.class.getName() + ".error";
  static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE + ";charset=UTF-8");

  @Override
  public boolean configure(FeatureContext context) {
    context.register(Capture.class);
    context.register(Answer.class);
    context.register(AggregateCounts.class);
    return true;
  }

  /** Notes the first exception of a request, the one that ended it, for {@link Answer}. */
  public static class Capture implements ApplicationEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
      // nothing to do for the application's own events
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
      return event -> {
        if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null
            && event.getContainerRequest() != null && event.getContainerRequest().getProperty(CAPTURED) == null) {
          event.getContainerRequest().setProperty(CAPTURED, event.getException());
        }
      };
    }
  }

  /** Rewrites every error answer, whoever built it, as a problem in Chinese. */
  @Priority(Priorities.USER)
  public static class Answer implements ContainerResponseFilter {

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() < 400 || PROBLEM.isCompatible(response.getMediaType())) {
        return;
      }
      Throwable error = (Throwable) request.getProperty(CAPTURED);
      Problem problem = EngineErrors.translate(error, response.getStatus(), request.getMethod(),
          request.getUriInfo().getPath(), new EngineLookup(engine(servletContext)));
      response.setStatus(problem.status());
      response.setEntity(problem.json(), new Annotation[0], PROBLEM);
    }
  }

  /** The application's engine: the one of the Spring context that runs this servlet container. */
  static ProcessEngine engine(ServletContext servletContext) {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(ProcessEngine.class);
  }

  /** Looks up ids directly, without the caller's authorizations: the answer only tells 404 from 409. */
  static final class EngineLookup implements EngineErrors.Lookup {

    private final ProcessEngineConfigurationImpl configuration;

    EngineLookup(ProcessEngine engine) {
      this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public boolean exists(EngineErrors.Named named) {
      String id = named.id();
      return run(context -> switch (named.kind()) {
        case "task" -> context.getTaskManager().findTaskById(id) != null;
        case "execution" -> context.getExecutionManager().findExecutionById(id) != null;
        case "process-instance" -> {
          ExecutionEntity execution = context.getExecutionManager().findExecutionById(id);
          yield execution != null && execution.isProcessInstanceExecution();
        }
        case "job" -> context.getJobManager().findJobById(id) != null;
        case "process-definition" -> named.byKey()
            ? context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(id) != null
            : context.getProcessDefinitionManager().findLatestDefinitionById(id) != null;
        default -> true;
      });
    }

    @Override
    public boolean taskEnded(String taskId) {
      return run(context -> {
        HistoricTaskInstanceEntity task = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
        return task != null && task.getEndTime() != null;
      });
    }

    private boolean run(Command<Boolean> command) {
      return Boolean.TRUE.equals(configuration.getCommandExecutorTxRequired().execute(command));
    }
  }
}
