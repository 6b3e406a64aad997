package cn.duban.web;

import cn.duban.engine.Conflicts;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.common.InputException;
import cn.duban.common.Refusal;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How an error of the engine's REST API is answered: the status and the Chinese message, never the exception. */
class EngineErrorsTest {

  /** The engine as the translation sees it: these ids exist, these tasks have ended. */
  record Engine(Set<String> existing, Set<String> ended) implements EngineErrors.Lookup {

    @Override
    public boolean exists(EngineErrors.Named named) {
      return existing.contains(named.id());
    }

    @Override
    public boolean taskEnded(String taskId) {
      return ended.contains(taskId);
    }
  }

  private static final Engine ENGINE = new Engine(Set.of("t1", "pi1", "supervision-case"), Set.of("done"));

  private static Problem translate(Throwable error, int status, String method, String path) {
    return EngineErrors.translate(error, status, method, path, ENGINE);
  }

  @Test
  @DisplayName("a start form refused by the application: only its Chinese message, and the field apart")
  void refusedStartForm() {
    InputException refused = new InputException("milestones", "关键节点第2行的日期格式不正确（milestones）");
    RestException wrapped = new RestException(Status.BAD_REQUEST, refused,
        "Cannot instantiate process definition supervision-case:1:abc: " + refused.getMessage());
    Problem p = translate(wrapped, 400, "POST", "process-definition/key/supervision-case/submit-form");
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.detail()).isEqualTo("关键节点第2行的日期格式不正确（milestones）");
    assertThat(p.field()).isEqualTo("milestones");
    assertThat(p.json()).doesNotContain("Cannot instantiate", "RestException", "supervision-case:1");
  }

  @Test
  @DisplayName("a task completed by someone else: 409 whether the lock caught it or the task was already gone")
  void taskTakenMeanwhile() {
    Problem locked = translate(new RestException(Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[t1]' failed"), "Cannot complete"),
        500, "POST", "task/t1/complete");
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.detail()).isEqualTo("该任务已被他人办理，请刷新");

    Problem gone = translate(new NullValueException("Cannot find task with id done: task is null"), 500, "POST",
        "engine/default/task/done/submit-form");
    assertThat(gone.status()).isEqualTo(409);
    assertThat(gone.detail()).isEqualTo("该任务已被他人办理，请刷新");

    // read before the other completion committed, its grant checked after: the grant went with the task
    Problem grantGone = translate(new AuthorizationException("zjj-lin", "TASK_WORK", "Task", "done"), 403, "POST",
        "task/done/submit-form");
    assertThat(grantGone.status()).isEqualTo(409);
    assertThat(translate(new AuthorizationException("zjj-lin", "TASK_WORK", "Task", "t1"), 403, "POST",
        "task/t1/submit-form").status()).isEqualTo(403);

    Problem neverWas = translate(new NullValueException("Cannot find task with id x: task is null"), 500, "POST",
        "task/x/complete");
    assertThat(neverWas.status()).isEqualTo(404);
    assertThat(neverWas.detail()).isEqualTo("任务不存在或已办结：x");
  }

  @Test
  @DisplayName("an unknown id named in the path is 404, whatever Camunda answered; one that exists keeps its real error")
  void unknownIds() {
    assertThat(translate(new NullValueException("execution nope doesn't exist: execution is null"), 500, "GET",
        "process-instance/nope/variables")).isEqualTo(Problem.of(404, "流程实例不存在：nope"));
    assertThat(translate(new InvalidRequestException(Status.NOT_FOUND, "No job found with id 'j'"), 404, "POST",
        "job/j/execute")).isEqualTo(Problem.of(404, "作业不存在：j"));
    assertThat(translate(new RestException(Status.NOT_FOUND, "No matching process definition with key: k"), 404,
        "POST", "process-definition/key/k/start")).isEqualTo(Problem.of(404, "流程定义不存在：k"));
    assertThat(translate(new NullPointerException("Cannot invoke TaskEntity.getId()"), 500, "GET",
        "task/x/deployed-form").status()).isEqualTo(404);
    // an existing task whose claim lacks the user: the engine's check of an argument, 400
    Problem missingArgument = translate(new NullValueException("userId is null"), 500, "POST", "task/t1/claim");
    assertThat(missingArgument.status()).isEqualTo(400);
    assertThat(missingArgument.field()).isEqualTo("userId");
    // endpoints in an id's place are not ids
    assertThat(EngineErrors.named("task/count")).isNull();
    assertThat(EngineErrors.named("process-instance/delete")).isNull();
    assertThat(EngineErrors.named("engine/default/job/j1/retries")).isEqualTo(new EngineErrors.Named("job", "j1", false));
  }

  @Test
  @DisplayName("the server's own failures: 500 with a general Chinese message, no SQL, no class name")
  void serverFailures() {
    ProcessEngineException sql = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database"
        + " Operations with message 'insert into ACT_RU_VARIABLE ... ERROR: invalid byte sequence for encoding UTF8: 0x00'",
        new SQLException("ERROR: invalid byte sequence", "22021"));
    Problem p = translate(new RestException(Status.INTERNAL_SERVER_ERROR, sql, "Cannot complete task t1: " + sql.getMessage()),
        500, "POST", "task/t1/complete");
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.json()).doesNotContainIgnoringCase("insert").doesNotContain("ACT_", "Exception", "ENGINE-");
    assertThat(p.detail()).contains("服务器处理请求时出错");
  }

  @Test
  @DisplayName("refusals: the application's own message is kept, the engine's English one replaced")
  void refusals() {
    assertThat(translate(new Refusal("“签收督办事项”只能提交表单中的内容，不能提交：caseId"), 403, "PUT",
        "task/t1/variables/caseId").detail()).contains("只能提交表单中的内容");
    Problem engine = translate(new AuthorizationException("The user with id 'zjj-lin' does not have 'READ' permission"),
        403, "GET", "process-instance/pi1");
    assertThat(engine.detail()).isEqualTo("您没有执行此操作的权限");
    assertThat(engine.json()).doesNotContain("zjj-lin", "permission");
  }

  @Test
  @DisplayName("malformed JSON, a bad query parameter and a wrong content type: 400 or 415 in Chinese")
  void badRequests() throws Exception {
    Exception json = new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character");
    assertThat(translate(new InvalidRequestException(Status.BAD_REQUEST, json, ""), 400, "POST", "task/t1/complete"))
        .isEqualTo(new Problem(400, EngineErrors.NOT_JSON, "body"));
    Problem parameter = translate(new InvalidRequestException(Status.BAD_REQUEST,
        "Cannot set query parameter 'dueBefore' to value 'soon': Cannot convert value \"soon\" to java type java.util.Date"),
        400, "GET", "task");
    assertThat(parameter.field()).isEqualTo("dueBefore");
    assertThat(parameter.json()).doesNotContain("java.util.Date");
    assertThat(translate(new jakarta.ws.rs.NotSupportedException(), 415, "POST", "task/t1/complete").status())
        .isEqualTo(415);
    assertThat(translate(new jakarta.ws.rs.NotFoundException(), 404, "GET", "no/such/path"))
        .isEqualTo(Problem.of(404, "请求的地址不存在"));
  }

  @Test
  @DisplayName("two requests at once: the engine's lock, a deadlock, a unique key taken meanwhile are conflicts")
  void conflicts() {
    assertThat(Conflicts.isConflict(new OptimisticLockingException("x"))).isTrue();
    assertThat(Conflicts.isConflict(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
    assertThat(Conflicts.isConflict(new RuntimeException(new SQLException("duplicate key", "23505")))).isTrue();
    assertThat(Conflicts.isConflict(new RuntimeException(new SQLException("bad byte", "22021")))).isFalse();
    assertThat(Conflicts.isConflict(new IllegalStateException("x"))).isFalse();
  }
}
