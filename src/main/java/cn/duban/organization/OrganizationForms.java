package cn.duban.organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Keeps the option lists of the forms in step with the organisation. A start form cannot load
 * anything (Tasklist gives it no variables), so a select of units or leaders carries its options
 * in the form itself. A component marks where its options come from with a custom property
 * {@code "options"}: {@code units}, {@code leaders}, {@code people} (of units), {@code allPeople} or {@code posts};
 * {@code excludeField} leaves
 * out the unit chosen in another field, {@code unitField} keeps the people of the unit chosen in
 * another field. The forms in forms/ hold the demo organisation's options, so Modeler shows them;
 * when the organisation differs, a new version of the form in force (the shipped one, or a process
 * analyst's version of it) is deployed with its options, and the models'
 * {@code formRefBinding="latest"} picks it up. Such a deployment has the source {@code organisation}:
 * whose the form is, the version it was made from says (engine.ShippedModels looks through it).
 */
@Component
public class OrganizationForms {

  static final String DEPLOYMENT_NAME = "duban-organization-forms";
  private static final Logger LOG = LoggerFactory.getLogger(OrganizationForms.class);

  private final ObjectMapper json = new ObjectMapper();
  private final OrganizationService organization;
  private final PostRepository posts;
  private final RepositoryService repository;
  private final ProcessEngineConfiguration configuration;

  public OrganizationForms(OrganizationService organization, PostRepository posts, RepositoryService repository,
      ProcessEngineConfiguration configuration) {
    this.organization = organization;
    this.posts = posts;
    this.repository = repository;
    this.configuration = configuration;
  }

  /** Deploys each form whose options differ from the latest deployed version; returns how many. */
  public int refresh() {
    int deployed = 0;
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        ObjectNode shipped;
        try (InputStream in = r.getInputStream()) {
          shipped = (ObjectNode) json.readTree(in);
        }
        String formId = shipped.path("id").asText();
        // the options go into the form in force: the shipped one, or an analyst's version of it,
        // which keeps the analyst's change
        JsonNode latest = latestDeployed(formId);
        ObjectNode form = latest instanceof ObjectNode inForce ? inForce.deepCopy() : shipped;
        if (!fillOptions(form.path("components"))) {
          continue;
        }
        if (!form.equals(latest)) {
          repository.createDeployment().name(DEPLOYMENT_NAME).source("organisation")
              .addString("forms/" + r.getFilename(), json.writerWithDefaultPrettyPrinter().writeValueAsString(form))
              .deploy();
          deployed++;
          LOG.info("Form {} deployed with the organisation's options", formId);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the forms", e);
    }
    return deployed;
  }

  private JsonNode latestDeployed(String formId) throws IOException {
    CamundaFormDefinitionEntity latest = ((ProcessEngineConfigurationImpl) configuration)
        .getCommandExecutorTxRequired()
        .execute(ctx -> ctx.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId));
    if (latest == null) {
      return null;
    }
    try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
      return json.readTree(in);
    }
  }

  /** Fills the marked components in place; true when the form has any. */
  boolean fillOptions(JsonNode components) {
    boolean any = false;
    for (JsonNode node : components) {
      ObjectNode c = (ObjectNode) node;
      JsonNode props = c.path("properties");
      String source = props.path("options").asText("");
      if (!source.isEmpty()) {
        any = true;
        ArrayNode options = options(source);
        if (props.hasNonNull("excludeField")) {
          c.remove("values");
          c.put("valuesExpression", "=" + feel(options) + "[item.value != " + props.get("excludeField").asText() + "]");
        } else if (props.hasNonNull("unitField")) {
          c.remove("values");
          c.put("valuesExpression", "=" + feel(options) + "[item.unit = " + props.get("unitField").asText() + "]");
        } else {
          c.remove("valuesExpression");
          c.set("values", options);
        }
      }
      any |= fillOptions(c.path("components"));
    }
    return any;
  }

  private ArrayNode options(String source) {
    ArrayNode out = json.createArrayNode();
    switch (source) {
      case "units" -> organization.allUnits().forEach(u -> out.addObject().put("label", u.getName()).put("value", u.getCode()));
      case "leaders" -> organization.allPeople().stream()
          .filter(Person::isCountyLeader)
          .forEach(p -> out.addObject().put("label", p.label()).put("value", p.getId()));
      case "people" -> organization.allPeople().stream().filter(p -> p.getUnitCode() != null)
          .forEach(p -> out.addObject().put("label", p.label()).put("value", p.getId()).put("unit", p.getUnitCode()));
      case "allPeople" -> organization.allPeople().forEach(p -> out.addObject().put("label", p.label()).put("value", p.getId()));
      case "posts" -> posts.findAll().forEach(p -> out.addObject().put("label", organization.unitName(p.getUnitCode())
          + " " + p.getName() + "（A岗" + organization.personName(p.getHolderA()) + "，B岗"
          + organization.personName(p.getHolderB()) + "）").put("value", p.getId().toString()));
      default -> throw new IllegalStateException("unknown option source in a form: " + source);
    }
    return out;
  }


  /** A FEEL list literal of the options (contexts with string values). */
  private static String feel(ArrayNode options) {
    List<String> items = new ArrayList<>();
    for (JsonNode option : options) {
      List<String> entries = new ArrayList<>();
      option.fields().forEachRemaining(e -> entries.add(
          e.getKey() + ": \"" + e.getValue().asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
      items.add("{" + String.join(", ", entries) + "}");
    }
    return "[" + String.join(", ", items) + "]";
  }
}
