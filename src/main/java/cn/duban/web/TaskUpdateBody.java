package cn.duban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist saves a follow-up date or a due date by sending the task back whole (PUT /task/{id}),
 * including the {@code camundaFormRef} it was given; the REST API cannot read that field back (an
 * interface without a type), so every task with a Camunda Form failed with an English server error.
 * The field is dropped on the way in: a task's form is the model's and is never changed this way.
 * Who may save a task whole is unchanged: administrators; a handler works a task (TASK_WORK) and
 * moves none of its dates, which are its limits'.
 */
@Configuration
public class TaskUpdateBody {

  private static final Pattern TASK = Pattern.compile(".*/task/[^/]+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> taskUpdateWithoutFormRef() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!"PUT".equals(request.getMethod()) || !TASK.matcher(request.getRequestURI()).matches()) {
          chain.doFilter(request, response);
          return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        try {
          JsonNode task = JSON.readTree(body);
          if (task instanceof ObjectNode fields && fields.remove("camundaFormRef") != null) {
            body = JSON.writeValueAsBytes(fields);
          }
        } catch (IOException notJson) {
          // the REST API answers a body it cannot read itself
        }
        chain.doFilter(new BufferedRequest(request, body), response);
      }
    });
    registration.setName("duban-task-update-body");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
