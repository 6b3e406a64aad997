package cn.duban.engine;

import cn.duban.common.InputException;
import cn.duban.common.Refusal;
import cn.duban.organization.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * A person working a task writes that task's form fields and nothing else. The engine lets whoever
 * may work a task set any variable of its process with it; the processes keep in variables what a
 * person must not change (the case or complaint a process works on, the unit a task is for), so a
 * handler completing his own task with {@code caseId} of another unit's case would work on that
 * case. Every command that writes variables through a task (complete, submit the form, resolve,
 * BPMN error or escalation, set, change or remove its variables), and every start with a start
 * form (its fields, the same way), is checked before it runs, for
 * every logged-in user but administrators who may work the task: a name that is not a field of the
 * task's form is refused (400 for a form's submission, 403 for any other write) and nothing changes.
 * The engine's own work (timers, delegates, the application's services without a logged-in user) is
 * not checked.
 */
@Component
public class TaskVariableGuard extends AbstractProcessEnginePlugin {

  private final TaskForms forms;

  public TaskVariableGuard(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        check(command);
        return next.execute(command);
      }
    });
  }

  /** A write through a task: which task, which variable names. */
  record TaskWrite(String taskId, Collection<String> names) {
  }

  void check(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    if (user == null || user.getUserId() == null
        || (user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
      return;
    }
    StartWrite start = startOf(command);
    if (start != null) {
      checkStart(start, command instanceof SubmitStartFormCmd);
      return;
    }
    TaskWrite write = writeOf(command);
    if (write == null || write.names().isEmpty()) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(write.taskId());
    if (task == null || task.getProcessDefinitionId() == null || !mayWork(user, task.getId())) {
      return;  // unknown, not the user's to work (the engine refuses both itself), or a task of no process
    }
    UserTask userTask = task.getBpmnModelElementInstance();
    // submitting a form: 400 naming the field, as any refused form; writing variables otherwise
    // (the REST API's variables, resolve, BPMN error): 403, the only refusal those endpoints pass on
    refuse(task.getName(), write.names(), forms.fieldKeys(userTask == null ? null : userTask.getCamundaFormRef()),
        command instanceof SubmitTaskFormCmd || (command instanceof CompleteTaskCmd && !(command instanceof ResolveTaskCmd)));
  }

  /** A process started with its start form takes that form's fields, and nothing else, from a person. */
  private void checkStart(StartWrite start, boolean formSubmission) {
    if (start.names().isEmpty() || start.processDefinitionId() == null) {
      return;
    }
    StartForm form = START_FORMS.computeIfAbsent(start.processDefinitionId(), TaskVariableGuard::startForm);
    if (form.formRef() != null) {
      refuse(form.processName(), start.names(), forms.fieldKeys(form.formRef()), formSubmission);
    }
  }

  /** A process's start form, as its model names it; a deployed definition never changes. */
  private record StartForm(String processName, String formRef) {
  }

  private static final Map<String, StartForm> START_FORMS = new ConcurrentHashMap<>();

  private static StartForm startForm(String processDefinitionId) {
    return StartEvents.of(processDefinitionId).filter(event -> event.getCamundaFormRef() != null).findFirst()
        .map(event -> new StartForm(((Process) event.getParentElement()).getName(), event.getCamundaFormRef()))
        .orElse(new StartForm(null, null));
  }


  private static void refuse(String what, Collection<String> names, Set<String> allowed, boolean formSubmission) {
    Set<String> refused = new TreeSet<>(names);
    refused.removeAll(allowed);
    if (!refused.isEmpty()) {
      String message = "“" + what + "”只能提交表单中的内容，不能提交：" + String.join("、", refused);
      throw formSubmission ? new InputException(refused.iterator().next(), message) : new Refusal(message);
    }
  }

  /** A start with variables: which process, which names. */
  record StartWrite(String processDefinitionId, Collection<String> names) {
  }

  /** The process and variable names a start writes, or null for a command that starts nothing. */
  static StartWrite startOf(Command<?> command) {
    if (command instanceof SubmitStartFormCmd) {
      return new StartWrite(CommandFields.read(command, SubmitStartFormCmd.class, "processDefinitionId"),
          names(CommandFields.read(command, SubmitStartFormCmd.class, "variables")));
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.read(command, StartProcessInstanceCmd.class, "instantiationBuilder");
      return new StartWrite(builder.getProcessDefinitionId(), names(builder.getVariables()));
    }
    return null;
  }

  /** Whether the engine would let the user work the task: only then is its form a matter of this check. */
  private static boolean mayWork(Authentication user, String taskId) {
    AuthorizationService authorizations = Context.getProcessEngineConfiguration().getAuthorizationService();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return authorizations.isUserAuthorized(user.getUserId(), groups, TaskPermissions.TASK_WORK, Resources.TASK, taskId)
        || authorizations.isUserAuthorized(user.getUserId(), groups, Permissions.UPDATE, Resources.TASK, taskId);
  }

  /** The task and variable names a command writes, or null for a command that writes none through a task. */
  static TaskWrite writeOf(Command<?> command) {
    // the order matters: ResolveTaskCmd is a CompleteTaskCmd
    if (command instanceof CompleteTaskCmd) {
      return new TaskWrite(CommandFields.read(command, CompleteTaskCmd.class, "taskId"),
          names(CommandFields.read(command, CompleteTaskCmd.class, "variables")));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return new TaskWrite(CommandFields.read(command, SubmitTaskFormCmd.class, "taskId"),
          names(CommandFields.read(command, SubmitTaskFormCmd.class, "properties")));
    }
    if (command instanceof HandleTaskBpmnErrorCmd) {
      return new TaskWrite(CommandFields.read(command, HandleTaskBpmnErrorCmd.class, "taskId"),
          names(CommandFields.read(command, HandleTaskBpmnErrorCmd.class, "variables")));
    }
    if (command instanceof HandleTaskEscalationCmd) {
      return new TaskWrite(CommandFields.read(command, HandleTaskEscalationCmd.class, "taskId"),
          names(CommandFields.read(command, HandleTaskEscalationCmd.class, "variables")));
    }
    if (command instanceof SetTaskVariablesCmd) {
      return new TaskWrite(CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
          names(CommandFields.read(command, AbstractSetVariableCmd.class, "variables")));
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return new TaskWrite(CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
          CommandFields.read(command, AbstractRemoveVariableCmd.class, "variableNames"));
    }
    if (command instanceof PatchTaskVariablesCmd) {
      List<String> names = new ArrayList<>(names(CommandFields.read(command, AbstractPatchVariablesCmd.class, "variables")));
      Collection<String> deletions = CommandFields.read(command, AbstractPatchVariablesCmd.class, "deletions");
      if (deletions != null) {
        names.addAll(deletions);
      }
      return new TaskWrite(CommandFields.read(command, AbstractPatchVariablesCmd.class, "entityId"), names);
    }
    return null;
  }

  private static Collection<String> names(Object variables) {
    return variables instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
  }


}
