package cn.duban.webapp;

import cn.duban.calendar.HolidayTableException;
import cn.duban.common.InputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Bad input to the project's API: 400, problem+json, the message in Chinese and the field named; 403 when refused. */
@RestControllerAdvice(basePackages = "cn.duban")
public class ApiErrors {

  @ExceptionHandler(InputException.class)
  public ProblemDetail badInput(InputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("输入有误");
    problem.setProperty("field", e.field());
    if (e instanceof HolidayTableException table) {
      // every bad line of a holiday table at once, for the page to mark
      problem.setProperty("problems", table.problems());
    }
    return problem;
  }

  @ExceptionHandler(ResponseStatusException.class)
  public ProblemDetail status(ResponseStatusException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    problem.setTitle(switch (e.getStatusCode().value()) {
      case 404 -> "未找到";
      case 403 -> "无权操作";
      case 429 -> "提交过于频繁";
      default -> "请求有误";
    });
    return problem;
  }

  /** The engine refused the caller (Camunda's authorization checks): 403, without the engine's details. */
  @ExceptionHandler(AuthorizationException.class)
  public ProblemDetail forbidden(AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "您没有执行此操作的权限");
    problem.setTitle("无权操作");
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确");
    problem.setTitle("输入有误");
    problem.setProperty("field", e.getName());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON");
    problem.setTitle("输入有误");
    problem.setProperty("field", "body");
    return problem;
  }
}
