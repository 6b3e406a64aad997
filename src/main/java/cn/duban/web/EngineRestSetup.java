package cn.duban.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Adds {@link EngineRestErrors} to both JAX-RS applications that serve the engine's REST resources:
 * {@code /engine-rest}, which the REST starter builds as a Spring Boot Jersey application (so a
 * customizer reaches it), and the webapps' {@code /camunda/api/engine}, which Tasklist and Cockpit
 * call and which the webapp starter registers as a servlet named "Engine Api" unless one of that
 * name exists. That servlet is registered here first, with the same application and the additions.
 */
@Configuration
public class EngineRestSetup {

  /** The webapp starter's name for the servlet of the engine API. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  public ResourceConfigCustomizer engineRestErrors() {
    return config -> config.register(EngineRestErrors.class);
  }

  @Bean
  public ServletContextInitializer webappEngineApi(CamundaBpmProperties properties) {
    return new WebappEngineApiRegistration(properties.getWebapp().getApplicationPath());
  }

  /** Runs before the webapp starter's initializer, which then keeps this registration. */
  static final class WebappEngineApiRegistration implements ServletContextInitializer, Ordered {

    private final String applicationPath;

    WebappEngineApiRegistration(String applicationPath) {
      this.applicationPath = applicationPath;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
      if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) != null) {
        throw new IllegalStateException("The servlet \"" + WEBAPP_ENGINE_API + "\" was registered before the"
            + " project's: the webapps' engine API would answer errors without the project's messages");
      }
      ServletRegistration.Dynamic registration = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
      registration.addMapping(applicationPath + "/api/engine/*");
      registration.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, WebappEngineApi.class.getName());
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }

  /** The webapps' engine API as the webapp starter defines it, with the project's additions. */
  public static class WebappEngineApi extends EngineRestApplication {

    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.add(EngineRestErrors.class);
      return classes;
    }
  }
}
