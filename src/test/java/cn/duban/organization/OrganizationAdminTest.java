package cn.duban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An administrator adds a unit and its people, through the project's API or in Camunda Admin, and
 * the groups, the access and the forms follow. A context of its own: the units it adds stay out of
 * the other tests.
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrganizationAdminTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired OrganizationSync sync;
  @Autowired UnitRepository units;
  @Autowired PersonRepository people;
  @Autowired AuthorizationService authorizations;

  @Test
  @DisplayName("through the API: the unit's group, the person's user and access, the forms' lists; others refused, bad input named")
  void throughTheApi() throws Exception {
    Http http = new Http(port);
    String unit = "{\"code\": \"wjw\", \"name\": \"县卫生健康委员会\"}";
    assertThat(http.post("/api/units", unit, "ducha").statusCode()).isEqualTo(403);
    HttpResponse<String> bad = http.post("/api/units", "{\"code\": \"Bad Code\", \"name\": \"x\"}", "admin");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("field").asText()).isEqualTo("code");
    assertThat(http.post("/api/units", unit, "admin").statusCode()).isEqualTo(201);
    assertThat(identity.createGroupQuery().groupId("unit-wjw").singleResult().getName()).isEqualTo("县卫生健康委员会");

    HttpResponse<String> noPassword = http.post("/api/people",
        "{\"id\": \"wjw-li\", \"name\": \"李卫\", \"unit\": \"wjw\", \"roles\": [\"HANDLER\"]}", "admin");
    assertThat(noPassword.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noPassword.body()).path("field").asText()).isEqualTo("password");
    assertThat(people.findById("wjw-li")).as("nothing stored of a refused person").isEmpty();
    assertThat(http.post("/api/people", "{\"id\": \"wjw-li\", \"name\": \"李卫\", \"title\": \"科员\", \"unit\": \"wjw\","
        + " \"roles\": [\"HANDLER\"], \"password\": \"wjw-secret-1\"}", "admin").statusCode()).isEqualTo(201);
    assertThat(identity.createUserQuery().memberOfGroup("unit-wjw").list()).extracting(User::getId).containsExactly("wjw-li");
    assertThat(http.get("/api/units", "wjw-li", "wjw-secret-1").statusCode()).isEqualTo(200);
    assertThat(registrationFormUnits()).contains("wjw");

    // and the new unit's handler sees its case, the other units' handlers do not
    setClock(LocalDateTime.of(2026, 3, 2, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("leadUnit", "wjw");
    form.remove("coUnits");
    form.put("responsiblePerson", "wjw-li");
    ProcessInstance pi = register(form);
    // (this context's engine has a name of its own, so the engine's REST API is not there: its Java API is)
    assertThat(instancesSeenBy("wjw-li", pi)).isOne();
    assertThat(instancesSeenBy("zjj-lin", pi)).isZero();
  }

  @Test
  @DisplayName("in Camunda Admin: a group unit-<code> becomes a unit, its users people with access")
  void inCamundaAdmin() throws Exception {
    Group group = identity.newGroup("unit-sfj");
    group.setName("县司法局");
    group.setType("WORKFLOW");
    identity.saveGroup(group);
    User user = identity.newUser("sfj-wang");
    user.setFirstName("王法");
    user.setLastName("科员");
    user.setPassword("sfj-secret-1");
    identity.saveUser(user);
    identity.createMembership("sfj-wang", "unit-sfj");

    assertThat(sync.sync()).isEqualTo(2);
    assertThat(units.findById("sfj")).get().extracting(Unit::getName).isEqualTo("县司法局");
    assertThat(people.findById("sfj-wang")).get().extracting(Person::getUnitCode, Person::getName)
        .containsExactly("sfj", "王法");
    assertThat(new Http(port).get("/api/units", "sfj-wang", "sfj-secret-1").statusCode()).isEqualTo(200);
    assertThat(authorizations.isUserAuthorized("sfj-wang", List.of("unit-sfj"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(registrationFormUnits()).contains("sfj");
    assertThat(sync.sync()).as("only what is new or changed").isZero();
    // a name corrected in Camunda Admin is followed
    user = identity.createUserQuery().userId("sfj-wang").singleResult();
    user.setFirstName("王法明");
    identity.saveUser(user);
    assertThat(sync.sync()).isOne();
    assertThat(people.findById("sfj-wang")).get().extracting(Person::getName, Person::getTitle)
        .containsExactly("王法明", "科员");
  }

  private long instancesSeenBy(String user, ProcessInstance pi) {
    authenticate(user);
    try {
      return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private List<String> registrationFormUnits() throws Exception {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("supervision-case")
        .latestVersion().singleResult().getId();
    try (InputStream in = forms.getDeployedStartForm(definition)) {
      for (JsonNode c : JSON.readTree(in).path("components")) {
        if ("leadUnit".equals(c.path("key").asText())) {
          return c.path("values").findValuesAsText("value");
        }
      }
    }
    return List.of();
  }
}
