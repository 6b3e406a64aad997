package cn.duban.webapp;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API and the project's own API answer only authenticated callers: HTTP basic
 * against the engine's identity service. The webapps keep their own session login.
 */
@Configuration
public class RestSecurity {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApplicationEngineFilter(engine));
    registration.setName("duban-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    return registration;
  }

  /**
   * Authenticates against the application's one engine, whatever its name: the stock filter looks
   * up the engine named "default", which a renamed engine (camunda.bpm.process-engine-name) is not.
   */
  static final class ApplicationEngineFilter extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine engine;

    ApplicationEngineFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      return engine;
    }
  }
}
