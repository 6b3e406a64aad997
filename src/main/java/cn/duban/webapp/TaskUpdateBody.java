package cn.duban.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        chain.doFilter(new Body(request, body), response);
      }
    });
    registration.setName("duban-task-update-body");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  /** The request with the body read once and handed on. */
  private static final class Body extends HttpServletRequestWrapper {

    private final byte[] body;

    Body(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
