package cn.duban.webapp;

import cn.duban.common.InputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the project's API: 400, problem+json, the message in Chinese and the field named. */
@RestControllerAdvice(basePackages = "cn.duban")
public class ApiErrors {

  @ExceptionHandler(InputException.class)
  public ProblemDetail badInput(InputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("输入有误");
    problem.setProperty("field", e.field());
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
