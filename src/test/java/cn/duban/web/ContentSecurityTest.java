package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers of the project's API: on every answer, a fresh nonce each time; Camunda's webapps keep their own. */
class ContentSecurityTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Test
  @DisplayName("every /api answer, JSON and refusals too, says nosniff and names a policy with a nonce of its own")
  void everyApiAnswer() {
    Http http = new Http(port);
    HttpResponse<String> json = http.get("/api/dashboard", "ducha");
    HttpResponse<String> again = http.get("/api/dashboard", "ducha");
    HttpResponse<String> missing = http.get("/api/cases/999999/notices/GREEN", "ducha");
    HttpResponse<String> anonymous = http.get("/api/dashboard", null);
    for (HttpResponse<String> answer : new HttpResponse[] {json, again, missing, anonymous}) {
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(answer.uri().toString()).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().toString())
          .hasValueSatisfying(p -> assertThat(p).startsWith("default-src 'self'; script-src 'nonce-"));
    }
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json.headers().firstValue("Content-Security-Policy"))
        .isNotEqualTo(again.headers().firstValue("Content-Security-Policy"));
  }

  @Test
  @DisplayName("Camunda's webapps under /camunda send their own policy, not the API's")
  void webappsLeftAlone() {
    HttpResponse<String> tasklist = new Http(port).get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
        .allSatisfy(p -> assertThat(p).contains("'strict-dynamic'").doesNotStartWith("default-src 'self'; script-src"));
  }
}
