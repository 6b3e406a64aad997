package cn.duban.web;

import cn.duban.engine.Conflicts;
import cn.duban.calendar.HolidayTableException;
import cn.duban.common.InputException;
import cn.duban.common.Refusal;
import cn.duban.supervision.BreakdownException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the project's API and the public complaint page: problem+json, the message in Chinese,
 * the field named where a person's input is at fault. 400 for bad input, 403 when refused, 404 for
 * what is not there, 409 when someone else changed the same data at the same moment, and 500 with
 * a general message (the exception goes to the log, never into the answer).
 */
@RestControllerAdvice(basePackages = "cn.duban")
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InputException.class)
  public ProblemDetail badInput(InputException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    if (e instanceof HolidayTableException table) {
      // every bad line of a holiday table at once, for the page to mark
      problem.setProperty("problems", table.problems());
    } else if (e instanceof BreakdownException breakdown) {
      // R29: every bad row of a task breakdown at once, with its column and reason
      problem.setProperty("problems", breakdown.problems());
    }
    return problem;
  }

  @ExceptionHandler(ResponseStatusException.class)
  public ProblemDetail status(ResponseStatusException e) {
    return problem(e.getStatusCode(), e.getReason(), null);
  }

  /** The engine refused the caller (Camunda's authorization checks): 403, without the engine's details. */
  @ExceptionHandler(AuthorizationException.class)
  public ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, e instanceof Refusal ? e.getMessage() : EngineErrors.FORBIDDEN, null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确", e.getName());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON", "body");
  }

  /** Two requests changed the same data at once; this one lost and changed nothing. */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class,
      DataIntegrityViolationException.class})
  public ProblemDetail conflict(RuntimeException e, HttpServletRequest request) {
    if (!Conflicts.isConflict(e)) {
      return serverError(e, request);
    }
    LOG.debug("{} {} lost to a concurrent change", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.CONFLICT, EngineErrors.CHANGED_MEANWHILE, null);
  }

  /** Anything else: the server's fault, said in general terms; the details go to the log. */
  @ExceptionHandler(Exception.class)
  public ProblemDetail serverError(Exception e, HttpServletRequest request) {
    InputException input = EngineErrors.find(e, InputException.class);
    if (input != null) {
      return badInput(input);
    }
    if (Conflicts.isConflict(e)) {
      return problem(HttpStatus.CONFLICT, EngineErrors.CHANGED_MEANWHILE, null);
    }
    if (e instanceof ErrorResponse response && response.getStatusCode().value() < 500) {
      // one of Spring's own refusals of a request (a bad header, a binding error)
      return problem(response.getStatusCode(), Problem.detailOf(response.getStatusCode().value()), null);
    }
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, EngineErrors.SERVER_ERROR, null);
  }

  static ProblemDetail problem(HttpStatusCode status, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(Problem.titleOf(status.value()));
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  /**
   * A request that reaches no method of the project's controllers (a wrong content type or
   * method, a missing parameter, an unknown address under /api or /public): the same problem
   * answers, where Spring would send its English error page. These are decided before a
   * controller is chosen, so this advice applies to every handler.
   */
  @RestControllerAdvice
  // before ApiErrors, whose catch-all would answer these with 500 for the project's controllers
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public static class RequestErrors {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ProblemDetail unsupported(HttpMediaTypeNotSupportedException e) {
      return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problem.detailOf(415), "Content-Type");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
      return problem(HttpStatus.NOT_ACCEPTABLE, "无法按请求的格式提供内容", "Accept");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ProblemDetail method(HttpRequestMethodNotSupportedException e) {
      return problem(HttpStatus.METHOD_NOT_ALLOWED, "该地址不支持 " + e.getMethod() + " 请求", null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
      return problem(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName() + "（" + e.getParameterName() + "）",
          e.getParameterName());
    }

    /** A multipart request without the file it must carry (a task-breakdown sheet, R29). */
    @ExceptionHandler(MissingServletRequestPartException.class)
    public ProblemDetail missingPart(MissingServletRequestPartException e) {
      return problem(HttpStatus.BAD_REQUEST, "请选择要上传的文件（" + e.getRequestPartName() + "）", e.getRequestPartName());
    }

    /** An upload larger than spring.servlet.multipart.max-file-size. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件过大，请分成几个文件上传", "file");
    }

    /** Under the project's paths a problem; a missing page of the webapps stays Spring's usual 404. */
    @ExceptionHandler(NoResourceFoundException.class)
    public ProblemDetail notFound(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!path.startsWith("/api/") && !path.startsWith("/public/")) {
        throw e;
      }
      return problem(HttpStatus.NOT_FOUND, Problem.detailOf(404), null);
    }
  }
}
