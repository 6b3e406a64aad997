package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;

/**
 * What the packaged application does with the configuration an operator gives it: the jar and the
 * image name no profile, so they must not fall back to the demonstration (its users share the
 * published password), and the demonstration working day must not reach a real deployment. The
 * context of this class is the production profile alone, as docker-compose.yml runs it.
 */
@ActiveProfiles(profiles = "postgres", inheritProfiles = false)
@ExtendWith(OutputCaptureExtension.class)
class ProductionDefaultsTest extends PostgresTestSupport {

  @Test
  @DisplayName("java -jar without a profile refuses to start, before any database, and says which profile to name")
  void noProfileRefusesToStart(CapturedOutput output) {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(Application.class)))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("No profile is active")
        .hasMessageContaining("SPRING_PROFILES_ACTIVE=postgres")
        .hasMessageContaining("SPRING_PROFILES_ACTIVE=demo");
    assertThat(output).contains("APPLICATION FAILED TO START", "Action:", "DUBAN_ADMIN_PASSWORD");
  }

  @Test
  @DisplayName("the production profile creates no demo user: only the administrator it is given, and duban2026 opens nothing")
  void productionProfileHasNoDemoUsers() {
    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
    assertThat(identity.checkPassword("admin", "pg-admin-secret")).isTrue();
    // (after a wrong password the engine delays the user's next check: the right one comes first)
    assertThat(identity.checkPassword("admin", Http.DEMO_PASSWORD)).isFalse();
    assertThat(identity.checkPassword("ducha", Http.DEMO_PASSWORD)).isFalse();
  }

  @Test
  @DisplayName("the demonstration working day refuses to start outside the demo profile, naming the setting and its variable")
  void demoWorkingDayOutsideDemoRefusesToStart() {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(Application.class).profiles("postgres")
        .properties("DUBAN_DEMO_WORKING_DAY=PT1M")))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("duban.calendar.demo-working-day")
        .hasMessageContaining("DUBAN_DEMO_WORKING_DAY")
        .hasMessageContaining("[postgres]");
    // the setting itself, e.g. on the command line, with the demo organisation but not the demo
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(Application.class)
        .profiles("postgres", "demo-organization"), "--duban.calendar.demo-working-day=PT1M"))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("duban.calendar.demo-working-day");
  }

  @Test
  @DisplayName("the demo profile keeps the demonstration working day; the production profile without it passes")
  void demoWorkingDayInDemoIsAccepted() {
    MockEnvironment demo = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
        .withProperty("duban.calendar.demo-working-day", "PT1M");
    demo.setActiveProfiles("demo");
    assertThatCode(() -> new StartupChecks().postProcessEnvironment(demo, null)).doesNotThrowAnyException();
    MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/duban")
        .withProperty("duban.calendar.demo-working-day", "");
    production.setActiveProfiles("postgres");
    assertThatCode(() -> new StartupChecks().postProcessEnvironment(production, null)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a profile that configures no database (a typing error, say) refuses to start instead of running in memory")
  void profileWithoutDatabaseRefusesToStart() {
    assertThatThrownBy(() -> start(new SpringApplicationBuilder(Application.class).profiles("postgre")))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("spring.datasource.url")
        .hasMessageContaining("[postgre]");
  }

  @Test
  @DisplayName("./mvnw spring-boot:run is the demonstration: the run goal's default profile is demo")
  void runGoalDefaultsToDemo() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
    String plugin = "/project/build/plugins/plugin[artifactId='spring-boot-maven-plugin']";
    // default-cli: the execution Maven uses for a goal named on the command line, as spring-boot:run is
    String runDefault = XPathFactory.newInstance().newXPath().evaluate(plugin
        + "/executions/execution[id='default-cli']/configuration/systemPropertyVariables/spring.profiles.default", pom);
    assertThat(runDefault).isEqualTo("demo");
    // and nowhere else: not for the plugin's other goals, not in the application's own configuration
    assertThat(XPathFactory.newInstance().newXPath().evaluate("count(//*[local-name()='spring.profiles.default'])", pom))
        .isEqualTo("1");
    assertThat(XPathFactory.newInstance().newXPath().evaluate("count(" + plugin
        + "/executions/execution[id='default-cli']/goals)", pom)).isEqualTo("0");
    assertThat(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")))
        .allSatisfy(document -> assertThat(document.getProperty("spring.profiles.default")).isNull());
  }

  /** Starts the application as its main method does, without a web server; it is expected to fail before any bean. */
  private static void start(SpringApplicationBuilder application, String... args) {
    application.web(WebApplicationType.NONE).run(args).close();
  }
}
