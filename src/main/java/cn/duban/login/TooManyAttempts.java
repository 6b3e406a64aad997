package cn.duban.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a login attempt that must wait: 429, {@code Retry-After} in seconds, and a problem
 * (RFC 9457) in Chinese. The text is also in {@code message}, where Camunda's webapps and REST
 * clients look for an error's text: the login page shows it as it is.
 */
public final class TooManyAttempts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TooManyAttempts() {
  }

  public static String message(Duration wait) {
    long seconds = LoginThrottle.seconds(wait);
    String when = seconds < 120 ? seconds + "秒" : ((seconds + 59) / 60) + "分钟";
    return "登录失败次数过多，请于" + when + "后再试";
  }

  public static void write(HttpServletResponse response, Duration wait) throws IOException {
    String message = message(wait);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "登录尝试过于频繁");
    problem.put("status", 429);
    problem.put("detail", message);
    problem.put("message", message);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(LoginThrottle.seconds(wait)));
    response.setContentType("application/problem+json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
