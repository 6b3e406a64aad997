package cn.duban.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.duban.engine.TaskForms;
/**
 * No text a person sends may carry control characters (NUL, escape, backspace and the like; tab,
 * line feed and carriage return are text). PostgreSQL refuses NUL in any text column, so such input
 * ended as a 500 naming the SQL statement, while H2 stored it; the other control characters are
 * stored by both and come back to break a form or a printed notice. Every text from outside comes
 * through HTTP, so it is checked once, here, before anything reads it: the path, the credentials of
 * HTTP basic, the query's and a form's parameters, a text body (a file sent as it is), and every
 * string of a JSON body, including the JSON that a Camunda variable of type Json carries inside a string. A breach is 400 naming the field (a
 * form's field by its label), whatever the database, and nothing has happened yet.
 */
@Configuration
public class InputCharacters {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Wrappers of Camunda's variable transfer objects: the variable's name is the field. */
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "localVariables");
  private static final Set<String> VARIABLE_PARTS = Set.of("value", "type", "valueInfo");
  private static final Pattern TASK_FORM = Pattern.compile(".*/task/([^/]+)/(?:submit-form|complete|resolve)/?$");
  private static final Pattern START_FORM =
      Pattern.compile(".*/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:submit-form|start)/?$");

  /** The first control character a person may not send; tab, line feed and carriage return are allowed. */
  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> controlCharacters(ObjectProvider<ProcessEngine> engine,
      TaskForms forms) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String refused = refusedOutsideBody(request);
        HttpServletRequest next = request;
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (refused == null && contentType.contains("json")) {
          byte[] body = request.getInputStream().readAllBytes();
          refused = refusedInBody(body);
          next = new BufferedRequest(request, body);
        } else if (refused == null && contentType.startsWith("text/")) {
          // a file sent as it is: a holiday table uploaded as text/plain
          byte[] body = request.getInputStream().readAllBytes();
          refused = hasControlCharacter(new String(body, charsetOf(request))) ? BODY : null;
          next = new BufferedRequest(request, body);
        } else if (refused == null && contentType.startsWith("application/x-www-form-urlencoded")) {
          // read here and handed on as parameters and as the body: a JAX-RS resource (the webapps'
          // login) reads the body itself and warns when the container has consumed it
          byte[] body = request.getInputStream().readAllBytes();
          Charset charset = charsetOf(request);
          Map<String, String[]> parameters = BufferedRequest.parse(new String(body, charset),
              charset, queryParameters(request));
          refused = refusedIn(parameters);
          next = new BufferedRequest(request, body, parameters);
        }
        if (refused == null) {
          chain.doFilter(next, response);
          return;
        }
        String label = PATH.equals(refused) || USERNAME.equals(refused) || BODY.equals(refused) ? null
            : label(request, refused);
        new Problem(400, message(refused, label), refused).write(response);
      }

      private String label(HttpServletRequest request, String field) {
        try {
          return formLabel(engine.getObject(), forms, request.getRequestURI(), field);
        } catch (RuntimeException notFound) {
          return null;  // the message names the field without its label
        }
      }
    });
    registration.setName("duban-input-characters");
    // after the character encoding is set (parameters are decoded once, with the first encoding),
    // before the authentication filters, which look the user up by name
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*", "/public/*");
    return registration;
  }

  static final String PATH = "path";
  static final String USERNAME = "username";
  static final String BODY = "body";

  private static Charset charsetOf(HttpServletRequest request) {
    try {
      return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
          : Charset.forName(request.getCharacterEncoding());
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  static String message(String field, String label) {
    if (PATH.equals(field)) {
      return "请求地址中含有不允许的控制字符";
    }
    if (BODY.equals(field)) {
      return "提交的内容中含有不允许的控制字符（如 NUL），请删除后重新提交（" + BODY + "）";
    }
    if (USERNAME.equals(field) && label == null) {
      return "用户名或密码中含有不允许的控制字符（如 NUL），请检查后重新输入（" + USERNAME + "）";
    }
    // a form's label may go on with a hint in brackets: the name before it is what a person looks for
    String name = label == null || label.split("[（(]")[0].isBlank() ? field : label.split("[（(]")[0].strip();
    return "“" + name + "”中含有不允许的控制字符（如 NUL），请删除后重新提交（" + field + "）";
  }

  /** The field of the path, the credentials or a parameter that holds a control character, or null. */
  static String refusedOutsideBody(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (hasControlCharacter(path)) {
      return PATH;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
            StandardCharsets.UTF_8);
        if (hasControlCharacter(credentials)) {
          return USERNAME;
        }
      } catch (IllegalArgumentException notBase64) {
        // the authentication filter refuses it as it is
      }
    }
    return refusedIn(queryParameters(request));
  }

  /** The query's parameters, decoded as the container decodes the path (UTF-8); read without the body. */
  private static Map<String, String[]> queryParameters(HttpServletRequest request) {
    return BufferedRequest.parse(request.getQueryString(), StandardCharsets.UTF_8, new LinkedHashMap<>());
  }

  private static String refusedIn(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (hasControlCharacter(parameter.getKey())) {
        return PATH;
      }
      for (String value : parameter.getValue()) {
        if (value != null && hasControlCharacter(value)) {
          return parameter.getKey();
        }
      }
    }
    return null;
  }

  /** The field of a JSON body that holds a control character, or null (also for a body that is not JSON). */
  static String refusedInBody(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return refused(JSON.readTree(body), new ArrayList<>());
    } catch (IOException notJson) {
      return null;  // the application answers malformed JSON itself
    }
  }

  private static String refused(JsonNode node, List<String> path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (hasControlCharacter(text)) {
        return fieldOf(path);
      }
      String trimmed = text.strip();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
          // a Json variable's value: a list from a form, sent as a string
          return refused(JSON.readTree(trimmed), path);
        } catch (IOException notJson) {
          return null;
        }
      }
      return null;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        path.add(field.getKey());
        String found = hasControlCharacter(field.getKey()) ? fieldOf(path.subList(0, path.size() - 1))
            : refused(field.getValue(), path);
        path.remove(path.size() - 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        String found = refused(element, path);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The field a person knows: a variable's name inside Camunda's {@code variables} (or
   * {@code modifications}), else the innermost property.
   */
  static String fieldOf(List<String> path) {
    for (int i = path.size() - 2; i >= 0; i--) {
      if (VARIABLE_MAPS.contains(path.get(i))) {
        return path.get(i + 1);
      }
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      if (!VARIABLE_PARTS.contains(path.get(i))) {
        return path.get(i);
      }
    }
    return BODY;
  }

  /** The label of the field on the form the request submits (a task's or a start form), if it is one. */
  static String formLabel(ProcessEngine engine, TaskForms forms, String uri, String field) {
    Matcher task = TASK_FORM.matcher(uri);
    if (task.matches()) {
      Task t = engine.getTaskService().createTaskQuery().taskId(task.group(1)).singleResult();
      if (t == null || t.getProcessDefinitionId() == null) {
        return null;
      }
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(t.getProcessDefinitionId());
      UserTask userTask = model.getModelElementById(t.getTaskDefinitionKey());
      return userTask == null ? null : forms.label(userTask.getCamundaFormRef(), field);
    }
    Matcher start = START_FORM.matcher(uri);
    if (start.matches()) {
      var query = engine.getRepositoryService().createProcessDefinitionQuery();
      ProcessDefinition definition = start.group(1) != null
          ? query.processDefinitionKey(start.group(1)).latestVersion().singleResult()
          : query.processDefinitionId(start.group(2)).singleResult();
      if (definition == null) {
        return null;
      }
      BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
      for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
        if (event.getParentElement() instanceof Process && event.getCamundaFormRef() != null) {
          return forms.label(event.getCamundaFormRef(), field);
        }
      }
    }
    return null;
  }
}
