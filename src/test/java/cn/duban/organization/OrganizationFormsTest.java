package cn.duban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo organisation as users, groups and rows, and the registration form's options that follow it. */
class OrganizationFormsTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired OrganizationService organization;
  @Autowired OrganizationForms organizationForms;
  @Autowired UnitRepository units;

  @Test
  @DisplayName("the demo organisation is created as Camunda users and groups and as Unit and Person rows")
  void demoOrganisation() {
    assertThat(units.findAll()).extracting(Unit::getCode).contains("fgj", "zjj", "jtj", "sthj");
    assertThat(identity.createUserQuery().memberOfGroup("unit-zjj").list()).extracting(User::getId)
        .contains("zjj-he", "zjj-lin");
    assertThat(identity.createUserQuery().memberOfGroup("supervision-office").list()).extracting(User::getId)
        .contains("ducha");
    assertThat(identity.checkPassword("ducha", "duban2026")).isTrue();
    assertThat(identity.createUserQuery().userId("ducha").singleResult().getFirstName()).isEqualTo("周督查");
    // what Camunda Admin shows of the administrators, in Chinese too
    assertThat(identity.createGroupQuery().groupId("camunda-admin").singleResult().getName()).isEqualTo("系统管理员");
    User admin = identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getFirstName() + " " + admin.getLastName()).isEqualTo("系统 管理员");
  }

  @Test
  @DisplayName("the registration form offers the organisation's units, leaders and people, and follows a new unit")
  void registrationFormFollowsTheOrganisation() throws IOException {
    organizationForms.refresh();  // other tests in this context may have added units
    assertThat(organizationForms.refresh()).as("a second refresh finds nothing to deploy").isZero();
    JsonNode form = latestRegistrationForm();
    assertThat(values(form, "leadUnit")).contains("fgj", "jtj", "sthj", "zjj").doesNotContain("wjj");
    assertThat(values(form, "leaderInCharge")).containsExactly("lifxz", "wangfxz", "zhaoxz");
    assertThat(component(form, "coUnits").path("valuesExpression").asText())
        .startsWith("=[{label: \"县发展和改革局\", value: \"fgj\"}").endsWith("[item.value != leadUnit]");
    assertThat(component(form, "responsiblePerson").path("valuesExpression").asText())
        .contains("{label: \"林晓东（办公室主任）\", value: \"zjj-lin\", unit: \"zjj\"}").endsWith("[item.unit = leadUnit]");

    units.save(new Unit("wjj", "县卫生健康局"));
    organization.forget();  // as OrganizationAdmin and the sync do after a change
    assertThat(organizationForms.refresh()).as("every form that lists units").isEqualTo(formsListingUnits());
    assertThat(values(latestRegistrationForm(), "leadUnit")).contains("fgj", "jtj", "sthj", "wjj", "zjj");
    units.deleteById("wjj");
    organization.forget();
    organizationForms.refresh();
  }

  private static long formsListingUnits() throws IOException {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      return files.filter(f -> {
        try {
          return java.nio.file.Files.readString(f).contains("\"options\": \"units\"");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).count();
    }
  }

  private JsonNode latestRegistrationForm() throws IOException {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult();
    try (InputStream in = forms.getDeployedStartForm(definition.getId())) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode c : form.path("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no component " + key);
  }

  private static List<String> values(JsonNode form, String key) {
    List<String> out = new ArrayList<>();
    component(form, key).path("values").forEach(v -> out.add(v.path("value").asText()));
    return out;
  }
}
