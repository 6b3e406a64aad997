package cn.duban.engine;

import cn.duban.common.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deploy check: a new deployment whose models break {@link ModelRules} is refused before the
 * engine parses anything, with one Chinese sentence per problem, each naming the file and the
 * element. It is the engine's {@link BadUserRequestException} (a caller's mistake, not logged as a
 * server error) carrying an {@link InputException}, so the REST API answers 400 with the sentences
 * as {@code message} (what Camunda Modeler's deploy dialog shows), and nothing of the deployment is stored.
 *
 * <p>Checked is what a person deploys (through {@code /engine-rest}, the webapps, or any call made
 * in a logged-in user's name) and what the application ships ({@link ShippedModels}). The
 * application's own code that deploys without a user (the organisation's option lists in the
 * forms, a test's fixture) is trusted. A deployment the engine re-reads from the database (a cache
 * miss, another version) is not checked again: it was checked when it came.
 */
@Component
public class ModelCheck extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;
  private final ObjectProvider<CalendarTimers> timers;
  private volatile ModelRules rules;

  public ModelCheck(ListableBeanFactory beans, ObjectProvider<CalendarTimers> timers) {
    this.beans = beans;
    this.timers = timers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(this::check);
    configuration.setCustomPreDeployers(pre);
  }

  /** The rules, with the domains' timers and the shipped decision tables; built on first use. */
  public ModelRules rules() {
    if (rules == null) {
      rules = new ModelRules(timers.orderedStream().toList(), ModelRules.shippedDecisions(ShippedModels.DECISIONS));
    }
    return rules;
  }

  /**
   * A bean of the application's own (its delegates and listeners, its services): not the engine's
   * services, the data source or Spring's infrastructure, which a model must not reach.
   */
  boolean ownBean(String name) {
    if (!beans.containsBean(name)) {
      return false;
    }
    Class<?> type = beans.getType(name);
    return type != null && (type.getName().startsWith("cn.duban.") || JavaDelegate.class.isAssignableFrom(type)
        || ExecutionListener.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type));
  }

  void check(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    boolean byPerson = context != null && context.getAuthenticatedUserId() != null;
    if (!deployment.isNew() || !(byPerson || ShippedModels.SOURCE.equals(deployment.getSource()))) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (ResourceEntity r : deployment.getResources().values()) {
      resources.put(r.getName(), r.getBytes());
    }
    List<String> problems = rules().check(resources, new ModelRules.Known() {
      @Override
      public boolean bean(String name) {
        return ownBean(name);
      }

      @Override
      public boolean deployedForm(String formId) {
        return context.runWithoutAuthorization(
            () -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
      }
    });
    if (!problems.isEmpty()) {
      String message = "模型未通过部署检查，本次部署未生效：" + String.join("；", problems);
      // the engine's kind of a caller's mistake: REST answers 400 and neither logs it as a server error
      throw new BadUserRequestException(message, new InputException("deployment", message));
    }
  }
}
