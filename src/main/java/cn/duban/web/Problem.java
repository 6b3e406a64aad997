package cn.duban.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A refused or failed request as the engine's REST API, the webapps' engine API and the request
 * checks answer it: {@code application/problem+json} with a Chinese {@code detail}, the same text
 * as {@code message} (what Camunda's clients, Tasklist and Cockpit show), and the {@code field}
 * at fault where there is one. Never an exception's class name, SQL or a stack trace: those are
 * for the log.
 */
public record Problem(int status, String detail, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Problem {
    if (status < 400) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
  }

  public static Problem of(int status, String detail) {
    return new Problem(status, detail, null);
  }

  public String title() {
    return titleOf(status);
  }

  /** The short heading of an error answer, by status; the project's API uses the same ones. */
  public static String titleOf(int status) {
    return switch (status) {
      case 400 -> "输入有误";
      case 401 -> "请先登录";
      case 403 -> "无权操作";
      case 404 -> "未找到";
      case 405 -> "不支持的请求方法";
      case 406 -> "无法提供所请求的格式";
      case 409 -> "操作冲突";
      case 413 -> "提交的内容过大";
      case 415 -> "不支持的内容类型";
      case 429 -> "提交过于频繁";
      default -> status >= 500 ? "服务器错误" : "请求有误";
    };
  }

  /** What a person reads for a status when nothing more particular is known. */
  public static String detailOf(int status) {
    return switch (status) {
      case 400 -> "请求的参数或内容有误，请检查后重新提交";
      case 401 -> "请先登录";
      case 403 -> "您没有执行此操作的权限";
      case 404 -> "请求的地址不存在";
      case 405 -> "该地址不支持此请求方法";
      case 406 -> "无法按请求的格式提供内容，请接受 application/json";
      case 409 -> "数据已被他人同时修改，请刷新后重试";
      case 413 -> "提交的内容过大";
      case 415 -> "不支持的内容类型，请以 application/json 提交";
      default -> status >= 500 ? "服务器处理请求时出错，请稍后重试；如仍不成功，请联系系统管理员"
          : "请求未能完成（" + status + "）";
    };
  }

  public String json() {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title());
    body.put("status", status);
    body.put("detail", detail);
    body.put("message", detail);
    if (field != null) {
      body.put("field", field);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers a servlet request with this problem (a filter refusing it before the application sees it). */
  public void write(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
    response.getOutputStream().write(json().getBytes(StandardCharsets.UTF_8));
  }
}
