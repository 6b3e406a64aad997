package cn.duban.login;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapps' login, the engine API's other password checks and Camunda Admin's unlock through
 * {@link LoginThrottle}. HTTP basic on /engine-rest and /api passes it in
 * cn.duban.web.RestSecurity, where those requests are authenticated.
 */
@Configuration
public class LoginFilters {

  @Bean
  public FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle,
      CamundaBpmProperties camunda) {
    String app = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<WebappLoginThrottle> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottle(throttle, app));
    registration.setName("duban-webapp-login-throttle");
    registration.addUrlPatterns(app + "/api/admin/auth/user/*");
    return registration;
  }

  @Bean
  public FilterRegistrationBean<PasswordCheckEndpoints> passwordCheckEndpoints(LoginThrottle throttle,
      CamundaBpmProperties camunda) {
    String app = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<PasswordCheckEndpoints> registration =
        new FilterRegistrationBean<>(new PasswordCheckEndpoints(throttle, app));
    registration.setName("duban-password-check-endpoints");
    registration.addUrlPatterns(app + "/api/engine/*", "/engine-rest/*");
    return registration;
  }

  @Bean
  public FilterRegistrationBean<AdminUnlockFilter> adminUnlockLiftsThrottles(LoginThrottle throttle,
      CamundaBpmProperties camunda) {
    FilterRegistrationBean<AdminUnlockFilter> registration = new FilterRegistrationBean<>(new AdminUnlockFilter(throttle));
    registration.setName("duban-admin-unlock");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/engine/*", "/engine-rest/*");
    return registration;
  }
}
