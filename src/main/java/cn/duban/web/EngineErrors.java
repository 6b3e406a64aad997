package cn.duban.web;

import cn.duban.engine.Conflicts;
import cn.duban.common.InputException;
import cn.duban.common.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * What an error of the engine's REST API means to the person who sent the request, in Chinese.
 * Camunda answers many of a person's mistakes with a 500 and its own English text: a task completed
 * by someone else a moment earlier, an id that does not exist, a form refused by the application
 * (wrapped in "Cannot instantiate process definition …"). Here the original exception, the status
 * Camunda chose and the request's path become the status and the message a person can act on:
 * <ul>
 *   <li>the application's refusal of input: 400 with its own message and field;</li>
 *   <li>the same data changed by someone else at the same time: 409;</li>
 *   <li>a task, process instance, job or process definition named in the path that does not
 *       exist: 404, or 409 when the task was there and has been completed meanwhile (also when
 *       the engine found it gone only as it checked the caller's grant on it);</li>
 *   <li>malformed JSON, a bad query parameter, an unsupported content type: 400 or 415;</li>
 *   <li>anything else the server failed at: 500 with a general message (the log has the rest).</li>
 * </ul>
 */
final class EngineErrors {

  static final String TASK_TAKEN = "该任务已被他人办理，请刷新";
  static final String CHANGED_MEANWHILE = Problem.detailOf(409);
  static final String FORBIDDEN = Problem.detailOf(403);
  static final String NOT_JSON = "请求内容不是有效的 JSON，或不符合接口要求的格式";
  static final String SERVER_ERROR = Problem.detailOf(500);
  /** The field of the current password when a user changes his own (PUT .../user/{id}/credentials). */
  static final String CURRENT_PASSWORD = "authenticatedUserPassword";

  /** A resource named by the path, e.g. {@code task/{id}/complete} or {@code process-definition/key/{key}/start}. */
  record Named(String kind, String id, boolean byKey) {

    String label() {
      return LABELS.getOrDefault(kind, "请求的资源");
    }

    /** What a person reads when it is not there. */
    String missing() {
      return ("task".equals(kind) ? "任务不存在或已办结" : label() + "不存在") + "：" + shortened(id);
    }
  }

  /** What the engine holds under an id, whoever asks; only asked when an error names one. */
  interface Lookup {

    /** Whether the resource exists; true for kinds that are not looked up. */
    boolean exists(Named named);

    /** Whether a task with this id existed and has ended (completed or cancelled). */
    boolean taskEnded(String taskId);
  }

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("task", "任务"),
      Map.entry("process-instance", "流程实例"),
      Map.entry("execution", "执行实例"),
      Map.entry("job", "作业"),
      Map.entry("job-definition", "作业定义"),
      Map.entry("process-definition", "流程定义"),
      Map.entry("decision-definition", "决策定义"),
      Map.entry("deployment", "部署"),
      Map.entry("incident", "异常事件"),
      Map.entry("variable-instance", "变量"),
      Map.entry("external-task", "外部任务"),
      Map.entry("filter", "过滤器"),
      Map.entry("batch", "批处理"),
      Map.entry("user", "用户"),
      Map.entry("group", "用户组"),
      Map.entry("tenant", "租户"),
      Map.entry("authorization", "授权"),
      Map.entry("history/process-instance", "流程实例"),
      Map.entry("history/task", "任务"),
      Map.entry("history/activity-instance", "活动实例"),
      Map.entry("history/variable-instance", "变量"),
      Map.entry("history/incident", "异常事件"),
      Map.entry("history/job-log", "作业日志"));

  /** Path segments in an id's place that name an endpoint, not a resource. */
  private static final Set<String> ENDPOINTS = Set.of("count", "create", "statistics", "statistics-count", "suspended",
      "delete", "delete-historic-query-based", "job-retries", "retries", "variables-async", "message-async",
      "report", "cleanable-process-instance-report", "set-removal-time", "duration", "key", "fetchAndLock",
      "correlate", "options", "check", "password-policy", "restart", "migration", "modification");

  private static final Pattern ENGINE_PREFIX = Pattern.compile("^/?engine/[^/]+");
  private static final Pattern RESOURCE = Pattern.compile("^/?((?:history/)?[a-z-]+)/(key/)?([^/]+)(?:/.*)?$");
  private static final Pattern QUERY_PARAMETER = Pattern.compile("query parameter '([A-Za-z0-9_.]+)'");
  private static final Pattern NULL_PARAMETER = Pattern.compile("\\b([A-Za-z][A-Za-z0-9_]*) is null$");
  private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
  /**
   * SQL states of losing to a concurrent change: serialization failure and deadlock (PostgreSQL),
   * a unique key taken meanwhile, and H2's lock timeout and concurrent update.
   */

  private EngineErrors() {
  }

  /**
   * The answer to a failed request.
   *
   * @param error the exception that ended it, if any (a request Jersey refused has none)
   * @param status the status Camunda's exception handling chose
   * @param path the path within the REST application, e.g. {@code task/1/complete} or
   *     {@code engine/default/task/1/complete}
   */
  static Problem translate(Throwable error, int status, String method, String path, Lookup lookup) {
    InputException input = find(error, InputException.class);
    if (input != null) {
      return new Problem(400, input.getMessage(), input.field());
    }
    FormFieldValidationException form = find(error, FormFieldValidationException.class);
    if (form != null) {
      return Problem.of(400, "表单内容未通过校验，请检查后重新提交");
    }
    Refusal refusal = find(error, Refusal.class);
    if (refusal != null) {
      return Problem.of(403, refusal.getMessage());
    }
    if (status == 401) {
      return Problem.of(401, "请先登录");
    }
    Named named = named(path);
    if (status == 403 || find(error, AuthorizationException.class) != null) {
      // a task completed by someone else between the engine reading it and checking the caller's
      // grant on it: the grant went with the task
      return taskTaken(named, method, lookup) ? Problem.of(409, TASK_TAKEN) : Problem.of(403, FORBIDDEN);
    }
    if (Conflicts.isConflict(error)) {
      return Problem.of(409, named != null && "task".equals(named.kind()) ? TASK_TAKEN : CHANGED_MEANWHILE);
    }
    if (named != null && !lookup.exists(named)) {
      return taskTaken(named, method, lookup) ? Problem.of(409, TASK_TAKEN) : Problem.of(404, named.missing());
    }
    if (status == 404) {
      // the resource exists but is not the caller's to see, or the path leads nowhere: say no more
      return Problem.of(404, named != null ? named.missing() : Problem.detailOf(404));
    }
    if (status == 400) {
      Matcher parameter = QUERY_PARAMETER.matcher(messages(error));
      if (parameter.find()) {
        return new Problem(400, "查询参数 " + parameter.group(1) + " 的值无效（" + parameter.group(1) + "）",
            parameter.group(1));
      }
    }
    if (find(error, JsonProcessingException.class) != null) {
      return new Problem(400, NOT_JSON, "body");
    }
    if (status == 400 && messages(error).contains("authenticated user password is not valid")) {
      // changing one's own password with a wrong current one (the login throttle counts it by this field)
      return new Problem(400, "当前密码不正确（" + CURRENT_PASSWORD + "）", CURRENT_PASSWORD);
    }
    NullValueException missing = find(error, NullValueException.class);
    if (missing != null && status >= 400) {
      // the engine's check of a required argument; the resource itself was found above
      Matcher name = NULL_PARAMETER.matcher(String.valueOf(missing.getMessage()));
      String field = name.find() ? name.group(1) : null;
      return new Problem(400, "请求缺少必要的内容" + (field == null ? "" : "（" + field + "）"), field);
    }
    if (status == 415) {
      return new Problem(415, Problem.detailOf(415), "Content-Type");
    }
    return Problem.of(status >= 500 ? 500 : status, Problem.detailOf(status));
  }

  /** A write to a task that was there and has ended meanwhile. */
  private static boolean taskTaken(Named named, String method, Lookup lookup) {
    return named != null && "task".equals(named.kind()) && WRITES.contains(method) && !lookup.exists(named)
        && lookup.taskEnded(named.id());
  }

  /** The resource the path names, or null. */
  static Named named(String path) {
    if (path == null) {
      return null;
    }
    String p = ENGINE_PREFIX.matcher(path).replaceFirst("");
    Matcher m = RESOURCE.matcher(p);
    if (!m.matches() || !LABELS.containsKey(m.group(1))) {
      return null;
    }
    boolean byKey = m.group(2) != null;
    if (byKey && !"process-definition".equals(m.group(1)) && !"decision-definition".equals(m.group(1))) {
      return null;
    }
    String id = m.group(3);
    if (!byKey && ENDPOINTS.contains(id)) {
      return null;
    }
    return new Named(m.group(1), id, byKey);
  }

  static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** An id from the path as a message shows it: a person's typo, not a page of text. */
  private static String shortened(String id) {
    return id.length() > 80 ? id.substring(0, 80) + "…" : id;
  }
}
