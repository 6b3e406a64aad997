package cn.duban;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a configuration that would put an office at risk, before anything connects to
 * a database: no profile named (the demonstration with its published password used to start by
 * default), no database configured, or the demonstration working day outside the demo profile
 * (one stray variable would make every limit of real cases last minutes). Runs once the
 * configuration files and the environment are read; {@link StartupRefusedAnalyzer} prints why and
 * what to set.
 */
public class StartupChecks implements EnvironmentPostProcessor, Ordered {

  static final String DEMO_PROFILE = "demo";
  static final String DEMO_WORKING_DAY = "duban.calendar.demo-working-day";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = Arrays.asList(environment.getActiveProfiles().length > 0
        ? environment.getActiveProfiles() : environment.getDefaultProfiles());
    if (profiles.isEmpty() || profiles.equals(List.of("default"))) {
      throw new StartupRefusedException(
          "No profile is active. Without one the application has neither a database nor an administrator; "
              + "it no longer starts the demonstration by default, whose users all share the published password.",
          "Name a profile. For real use: SPRING_PROFILES_ACTIVE=postgres with DUBAN_DB_URL, DUBAN_DB_USER, "
              + "DUBAN_DB_PASSWORD, DUBAN_ADMIN_USER and DUBAN_ADMIN_PASSWORD (README, \"Running on PostgreSQL\"). "
              + "For a demonstration on H2 in ./data with the demo users: SPRING_PROFILES_ACTIVE=demo "
              + "(./mvnw spring-boot:run does this by itself).");
    }
    if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
      throw new StartupRefusedException(
          "No database is configured (spring.datasource.url) by the active profiles " + profiles
              + ": the application would run on a throw-away in-memory database.",
          "Use the profile postgres (SPRING_PROFILES_ACTIVE=postgres, database from DUBAN_DB_URL) or demo, "
              + "or set spring.datasource.url in the configuration of your own profile.");
    }
    String demoWorkingDay = environment.getProperty(DEMO_WORKING_DAY);
    if (StringUtils.hasText(demoWorkingDay) && !environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      throw new StartupRefusedException(
          DEMO_WORKING_DAY + " (environment variable DUBAN_DEMO_WORKING_DAY) is set to " + demoWorkingDay
              + " while the profiles " + profiles + " are active. It makes every working day of every limit last "
              + demoWorkingDay + ", so real cases would turn yellow and red within minutes: it is for "
              + "demonstrations only.",
          "Remove DUBAN_DEMO_WORKING_DAY from the environment (or " + DEMO_WORKING_DAY
              + " from the configuration), or run the demonstration: SPRING_PROFILES_ACTIVE=demo.");
    }
  }

  /** After the configuration files are read (ConfigDataEnvironmentPostProcessor), before anything else. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }
}
