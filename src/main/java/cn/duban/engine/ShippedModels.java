package cn.duban.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys the models the application ships (processes/**, forms/**) at start-up, one file at a
 * time, without undoing an analyst's change. A shipped file is deployed when its content differs
 * from the version the application shipped last; but when the latest deployed version of what it
 * defines (a process, a decision, a form) came from someone else, an analyst deploying from
 * Modeler say, it is not: the analyst's version stays the latest, and the conflict is logged and
 * kept ({@link ModelConflict}, shown on 督办看板) until it is resolved: the analyst takes the
 * release's change into the model and marks it kept, or an administrator accepts the shipped
 * version ({@code duban.models.accept-shipped}, or {@link #accept}). A file the release did not
 * change is left alone, whoever deployed its latest version.
 *
 * <p>This replaces Camunda's Spring auto-deployment, which redeployed every file as soon as one
 * had changed and so made the shipped version of every model the latest again. Its deployments
 * (named {@value #LEGACY_NAME}) count as the application's.
 */
@Component
public class ShippedModels {

  /** The source of the application's deployments of its shipped models. */
  public static final String SOURCE = "duban-shipped";
  public static final String NAME = "duban";
  /** Earlier releases deployed with Camunda's Spring auto-deployment, under this deployment name. */
  static final String LEGACY_NAME = "SpringAutoDeployment";
  /**
   * The forms with the organisation's option lists (organization.OrganizationForms): made from the
   * version before, whose they are; the application's where that one is.
   */
  static final String ORGANISATION_SOURCE = "organisation";
  static final String DECISIONS = "classpath*:processes/**/*.dmn";
  private static final List<String> PATTERNS = List.of("classpath*:processes/**/*.bpmn", DECISIONS,
      "classpath*:forms/**/*.form");
  private static final Logger LOG = LoggerFactory.getLogger(ShippedModels.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final HistoryService history;
  private final ProcessEngineConfigurationImpl engine;
  private final ModelConflictRepository conflicts;
  private final List<String> acceptShipped;

  public ShippedModels(RepositoryService repository, HistoryService history, ProcessEngineConfiguration engine,
      ModelConflictRepository conflicts, @Value("${duban.models.accept-shipped:}") List<String> acceptShipped) {
    this.repository = repository;
    this.history = history;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.conflicts = conflicts;
    this.acceptShipped = acceptShipped.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** What a start did: the files deployed, and the conflicts open now. */
  public record Outcome(List<String> deployed, List<ModelConflict> open) {
  }

  /** Deploys what the release changed, except over an analyst's version; at every start, before anything reads a model. */
  @Transactional
  public Outcome deploy() {
    return deploy(readShipped());
  }

  /** The same for these files (name, e.g. processes/rules/case-score.dmn, to content). */
  @Transactional
  Outcome deploy(Map<String, byte[]> shipped) {
    Instant now = Instant.now();
    // nodes starting at once: the engine's deployment lock, held to the end of this transaction,
    // lets the second look only once the first has deployed, and find nothing left to do
    engine.getCommandExecutorTxRequired().execute(context -> {
      context.getPropertyManager().acquireExclusiveLock();
      return null;
    });
    ShippedHistory previous = new ShippedHistory();
    Map<String, byte[]> toDeploy = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : new TreeMap<>(shipped).entrySet()) {
      String name = file.getKey();
      byte[] content = file.getValue();
      List<String> keys = keysOf(name, content);
      if (Arrays.equals(content, previous.lastShipped(name, keys))) {
        continue;
      }
      Optional<Deployment> foreign = keys.stream().map(k -> latestDeployment(name, k)).flatMap(Optional::stream)
          .filter(d -> !isApplication(d)).max(Comparator.comparing(Deployment::getDeploymentTime));
      String hash = sha256(content);
      if (foreign.isEmpty()) {
        toDeploy.put(name, content);
        continue;
      }
      Deployment theirs = foreign.get();
      String by = deployedBy(theirs.getId());
      if (accepted(name, keys)) {
        toDeploy.put(name, content);
        List<ModelConflict> accepted = conflicts.findByResourceNameAndResolutionIsNull(name);
        accepted.forEach(c -> c.resolve(ModelConflict.Resolution.ACCEPTED, "duban.models.accept-shipped", now));
        conflicts.saveAll(accepted);
        LOG.warn("{}: the shipped version replaces deployment {} ('{}', by {}), as duban.models.accept-shipped says",
            name, theirs.getId(), theirs.getName(), by);
        continue;
      }
      ModelConflict conflict = conflicts.findByResourceNameAndShippedHash(name, hash)
          .orElseGet(() -> new ModelConflict(name, hash, String.join(",", keys), now));
      if (conflict.getResolution() == ModelConflict.Resolution.KEPT) {
        LOG.info("{}: the deployed version from deployment {} stays, as {} decided for this release's version",
            name, theirs.getId(), conflict.getResolvedBy());
        continue;
      }
      List<ModelConflict> superseded = conflicts.findByResourceNameAndResolutionIsNull(name).stream()
          .filter(c -> !hash.equals(c.getShippedHash())).toList();
      superseded.forEach(c -> c.resolve(ModelConflict.Resolution.SUPERSEDED, "duban", now));
      conflicts.saveAll(superseded);
      // the same version shipped again after another one: the question is open again
      conflict.reopen();
      conflict.latest(theirs.getId(), theirs.getName(), theirs.getSource(), by,
          theirs.getDeploymentTime() == null ? null : theirs.getDeploymentTime().toInstant());
      conflicts.save(conflict);
      LOG.warn("{}: NOT deployed. This release ships a changed version of {}, but the latest deployed version came"
          + " from deployment {} ('{}', source '{}', by {}, at {}), not from the application: it stays the latest."
          + " To resolve, the analyst takes the release's change into the model, redeploys it and marks the conflict"
          + " kept (POST /api/model-conflicts/{}/keep), or an administrator accepts the shipped version"
          + " (duban.models.accept-shipped={}, or POST /api/model-conflicts/{}/accept)", name, keys, theirs.getId(),
          theirs.getName(), theirs.getSource(), by, theirs.getDeploymentTime(), conflict.getId(), name, conflict.getId());
    }
    if (!toDeploy.isEmpty()) {
      DeploymentBuilder builder = repository.createDeployment().name(NAME).source(SOURCE);
      toDeploy.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
      builder.deploy();
      LOG.info("Shipped models deployed: {}", toDeploy.keySet());
    }
    return new Outcome(List.copyOf(toDeploy.keySet()), open());
  }

  @Transactional(readOnly = true)
  public Optional<ModelConflict> find(long id) {
    return conflicts.findById(id);
  }

  /** The conflicts not yet resolved, oldest first. */
  @Transactional(readOnly = true)
  public List<ModelConflict> open() {
    return conflicts.findByResolutionIsNullOrderByDetectedAt();
  }

  /**
   * The deployed version stays for this release's version of the file: the analyst has taken the
   * release's change into the model (or decided against it). Later starts of the same release say no more.
   */
  @Transactional
  public ModelConflict keep(long id, String by) {
    ModelConflict c = openConflict(id);
    c.resolve(ModelConflict.Resolution.KEPT, by, Instant.now());
    conflicts.save(c);
    LOG.info("{}: {} keeps the deployed version (deployment {}) over the shipped one", c.getResourceName(), by,
        c.getDeploymentId());
    return c;
  }

  /** The shipped version is deployed now, over the analyst's; it becomes the latest. */
  @Transactional
  public ModelConflict accept(long id, String by) {
    ModelConflict c = openConflict(id);
    byte[] content = readShipped().get(c.getResourceName());
    if (content == null || !c.getShippedHash().equals(sha256(content))) {
      throw new cn.duban.common.InputException("id", "该冲突所指的模型版本已不是本次发布所带的版本，请重新启动后再处理（id）");
    }
    repository.createDeployment().name(NAME).source(SOURCE)
        .addInputStream(c.getResourceName(), new ByteArrayInputStream(content)).deploy();
    c.resolve(ModelConflict.Resolution.ACCEPTED, by, Instant.now());
    conflicts.save(c);
    LOG.warn("{}: {} accepted the shipped version over deployment {}", c.getResourceName(), by, c.getDeploymentId());
    return c;
  }

  private ModelConflict openConflict(long id) {
    ModelConflict c = conflicts.findById(id).orElseThrow(
        () -> new cn.duban.common.InputException("id", "没有编号为 " + id + " 的模型冲突（id）"));
    if (!c.isOpen()) {
      throw new cn.duban.common.InputException("id", "该模型冲突已于此前处理（" + c.getResolution().label() + "）（id）");
    }
    return c;
  }

  /** The shipped files on the class path, by their path from processes/ or forms/. */
  static Map<String, byte[]> readShipped() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (org.springframework.core.io.Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
          String url = r.getURL().toString();
          int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
          try (InputStream in = r.getInputStream()) {
            files.put(at < 0 ? r.getFilename() : url.substring(at + 1), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the shipped models", e);
    }
    return files;
  }

  /** Whether a deployment is the application's: its shipped models, earlier auto-deployments, the organisation's forms. */
  static boolean isApplication(Deployment d) {
    return SOURCE.equals(d.getSource()) || ORGANISATION_SOURCE.equals(d.getSource()) || LEGACY_NAME.equals(d.getName());
  }

  private boolean accepted(String name, List<String> keys) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return acceptShipped.stream().anyMatch(a -> a.equals(name) || a.equals(file) || keys.contains(a));
  }

  /** The process, decision or form keys a file defines. */
  static List<String> keysOf(String name, byte[] content) {
    if (ModelRules.isBpmn(name)) {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable).map(Process::getId).toList();
    }
    if (ModelRules.isDmn(name)) {
      return Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class).stream()
          .map(Decision::getId).toList();
    }
    try {
      return List.of(JSON.readTree(content).path("id").asText());
    } catch (IOException e) {
      throw new IllegalStateException(name + " is no form", e);
    }
  }

  /** The deployment of the latest version of a key of this kind of file. */
  private Optional<Deployment> latestDeployment(String name, String key) {
    String deploymentId;
    if (ModelRules.isBpmn(name)) {
      ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .withoutTenantId().singleResult();
      deploymentId = d == null ? null : d.getDeploymentId();
    } else if (ModelRules.isDmn(name)) {
      DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
          .withoutTenantId().singleResult();
      deploymentId = d == null ? null : d.getDeploymentId();
    } else {
      // a version with the organisation's option lists is made from the version before it: that one says whose it is
      deploymentId = engine.getCommandExecutorTxRequired().execute(context -> {
        CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
        for (int v = latest == null ? 0 : latest.getVersion(); v > 0; v--) {
          CamundaFormDefinitionEntity d = context.getCamundaFormDefinitionManager()
              .findDefinitionByKeyVersionAndTenantId(key, v, null);
          if (d != null && !ORGANISATION_SOURCE.equals(context.getDeploymentManager()
              .findDeploymentById(d.getDeploymentId()).getSource())) {
            return d.getDeploymentId();
          }
        }
        return latest == null ? null : latest.getDeploymentId();
      });
    }
    return deploymentId == null ? Optional.empty()
        : Optional.ofNullable(repository.createDeploymentQuery().deploymentId(deploymentId).singleResult());
  }

  /** Who made a deployment, as the user operation log says; null for the application's own. */
  private String deployedBy(String deploymentId) {
    return history.createUserOperationLogQuery().deploymentId(deploymentId).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst().orElse(null);
  }

  /**
   * The content of a file as the application last shipped it: the resource of the newest version
   * (by version number, which no clock can reorder) of its first key that came from one of the
   * application's deployments of its shipped models.
   */
  private final class ShippedHistory {

    private Set<String> shipping;

    byte[] lastShipped(String name, List<String> keys) {
      if (shipping == null) {
        shipping = new HashSet<>();
        repository.createDeploymentQuery().deploymentSource(SOURCE).list().forEach(d -> shipping.add(d.getId()));
        repository.createDeploymentQuery().deploymentName(LEGACY_NAME).list().forEach(d -> shipping.add(d.getId()));
      }
      if (keys.isEmpty()) {
        return null;
      }
      String key = keys.get(0);
      List<String[]> versions = new ArrayList<>();  // deployment id, resource name; newest first
      if (ModelRules.isBpmn(name)) {
        repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
            .orderByProcessDefinitionVersion().desc().list()
            .forEach(d -> versions.add(new String[] {d.getDeploymentId(), d.getResourceName()}));
      } else if (ModelRules.isDmn(name)) {
        repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
            .orderByDecisionDefinitionVersion().desc().list()
            .forEach(d -> versions.add(new String[] {d.getDeploymentId(), d.getResourceName()}));
      } else {
        engine.getCommandExecutorTxRequired().execute(context -> {
          CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
          for (int v = latest == null ? 0 : latest.getVersion(); v > 0; v--) {
            CamundaFormDefinitionEntity d = context.getCamundaFormDefinitionManager()
                .findDefinitionByKeyVersionAndTenantId(key, v, null);
            if (d != null) {
              versions.add(new String[] {d.getDeploymentId(), d.getResourceName()});
            }
          }
          return null;
        });
      }
      for (String[] v : versions) {
        if (shipping.contains(v[0])) {
          try (InputStream in = repository.getResourceAsStream(v[0], v[1])) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return null;
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
