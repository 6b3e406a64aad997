package cn.duban.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;

/**
 * New versions of supervision-case.bpmn as an analyst deploys them from Modeler: the project's model
 * with another name and documentation, and, to make a case that waits at 签收督办事项 unable to move,
 * that task under another id.
 */
final class ChangedVersions {

  static final String KEY = "supervision-case";
  static final String RENAMED_SIGN_FOR = "signForInPerson";

  private ChangedVersions() {
  }

  /** Deploys a changed copy of supervision-case.bpmn; answers the new version's definition id. */
  static String deployChanged(RepositoryService repository, String name, boolean renameSignFor) {
    BpmnModelInstance model = original();
    Process process = model.getModelElementById(KEY);
    process.setName(name);
    Documentation documentation = model.newInstance(Documentation.class);
    documentation.setTextContent("流程分析员修改：调整流程名称和说明");
    process.getDocumentations().add(documentation);
    if (renameSignFor) {
      UserTask signFor = model.getModelElementById("signFor");
      signFor.setId(RENAMED_SIGN_FOR);
      signFor.setName("当面签收督办事项");
    }
    Deployment d = repository.createDeployment().name("analyst change").addModelInstance("supervision-case.bpmn", model)
        .deploy();
    return repository.createProcessDefinitionQuery().deploymentId(d.getId()).singleResult().getId();
  }

  /** The project's model deployed again, so that new cases of the tests after start on it. */
  static void redeployOriginal(RepositoryService repository) {
    repository.createDeployment().name("original again").addModelInstance("supervision-case.bpmn", original()).deploy();
  }

  private static BpmnModelInstance original() {
    try (InputStream in = new ClassPathResource("processes/supervision-case.bpmn").getInputStream()) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
