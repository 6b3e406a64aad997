package cn.duban.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R15, R18: the public complaint pages and their API, without login. */
class PublicComplaintTest extends ProcessTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ComplaintRepository complaints;
  @Autowired PublicSubmissionLimiter limiter;
  @Autowired ComplaintProperties properties;

  @BeforeEach
  void freshLimits() {
    limiter.reset();
  }

  @Test
  @DisplayName("R15 the public pages are served in Chinese without login")
  void pages() throws Exception {
    HttpResponse<String> filing = get("/complaint/");
    assertThat(filing.statusCode()).isEqualTo(200);
    assertThat(filing.body()).contains("机关效能投诉", "匿名投诉", "提交投诉");
    assertThat(get("/complaint/track.html").body()).contains("投诉办理查询", "查询码");
    JsonNode units = JSON.readTree(get("/public/units").body());
    assertThat(units.findValuesAsText("name")).contains("县住房和城乡建设局");
  }

  @Test
  @DisplayName("R15 R18 a citizen files a complaint, gets a tracking code, and later sees the reply by that code alone")
  void fileAndTrack() throws Exception {
    HttpResponse<String> filed = post(Map.of("unitCode", "zjj", "officialName", "窗口人员",
        "content", "办理不动产登记时被要求重复提交材料。", "complainantName", "李女士", "complainantContact", "13900000000"));
    assertThat(filed.statusCode()).isEqualTo(201);
    String code = JSON.readTree(filed.body()).path("trackingCode").asText();
    assertThat(code).matches("TS[A-Z2-9]{10}");
    Complaint c = complaints.findByTrackingCode(code).orElseThrow();
    assertThat(c.getChannel()).isEqualTo(Channel.WEBSITE);
    assertThat(c.getReceivedBy()).isEqualTo("public");

    JsonNode status = JSON.readTree(get("/public/complaints/" + code).body());
    assertThat(status.path("statusLabel").asText()).isEqualTo("已受理，待分办");
    assertThat(status.has("reply")).isTrue();
    assertThat(status.path("reply").isNull()).isTrue();
    // nothing personal: no names, no contact, no content
    assertThat(status.toString()).doesNotContain("李女士", "13900000000", "窗口人员", "重复提交材料");

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult();
    complete(pi, "routeComplaint", "tousu", Map.of("routing", "TRANSFER", "transferredTo", "县不动产登记中心"));
    JsonNode answered = JSON.readTree(get("/public/complaints/" + code.toLowerCase()).body());
    assertThat(answered.path("statusLabel").asText()).isEqualTo("已转办");
    assertThat(answered.path("reply").asText()).contains("县不动产登记中心");
  }

  @Test
  @DisplayName("R15 an anonymous complaint is accepted from the public page")
  void anonymous() throws Exception {
    HttpResponse<String> filed = post(Map.of("unitCode", "jtj", "content", "公交站台破损多日无人维修。",
        "anonymous", true, "complainantName", "不应保存"));
    assertThat(filed.statusCode()).isEqualTo(201);
    Complaint c = complaints.findByTrackingCode(JSON.readTree(filed.body()).path("trackingCode").asText()).orElseThrow();
    assertThat(c.isAnonymous()).isTrue();
    assertThat(c.getComplainantName()).isNull();
  }

  @Test
  @DisplayName("R15 empty content, an unknown unit and an over-long text get 400 naming the field, and nothing is stored")
  void badInput() throws Exception {
    long before = complaints.count();
    long instancesBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-investigation")
        .count();
    assertBad(post(Map.of("unitCode", "zjj", "content", " ")), "content", "请填写投诉内容");
    assertBad(post(Map.of("unitCode", "nosuch", "content", "内容")), "unitCode", "不存在");
    assertBad(post(Map.of("content", "内容")), "unitCode", "请选择单位");
    assertBad(post(Map.of("unitCode", "zjj", "content", "长".repeat(2001))), "content", "不能超过2000个字");
    assertBad(post(Map.of("unitCode", "zjj", "content", "内容", "complainantContact", "1".repeat(101))),
        "complainantContact", "不能超过100个字");
    assertThat(complaints.count()).isEqualTo(before);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-investigation").count())
        .as("no process instance was left behind either").isEqualTo(instancesBefore);
  }

  @Test
  @DisplayName("R15 a flood of submissions from one address is stopped with 429, a Chinese message and Retry-After")
  void floodIsLimited() throws Exception {
    for (int i = 0; i < properties.publicSubmissions(); i++) {
      assertThat(post(Map.of("unitCode", "zjj", "content", "第" + i + "次投诉")).statusCode()).isEqualTo(201);
    }
    long stored = complaints.count();
    HttpResponse<String> flooded = post(Map.of("unitCode", "zjj", "content", "再一次"));
    assertThat(flooded.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(flooded.body()).path("detail").asText())
        .isEqualTo("提交过于频繁：同一网络地址1小时内最多提交5件投诉，请于60分钟后再试");
    // the engine's clock stands still here: the window's first filing leaves it in exactly an hour
    assertThat(flooded.headers().firstValue("Retry-After")).hasValue("3600");
    assertThat(complaints.count()).isEqualTo(stored);
  }

  @Test
  @DisplayName("R15 only accepted complaints count: bad requests from an address use none of its slots")
  void badRequestsTakeNoSlot() throws Exception {
    String address = "198.51.100.10";
    for (int i = 0; i < properties.publicSubmissions() + 2; i++) {
      assertThat(post(Map.of("unitCode", "zjj", "content", " "), address).statusCode()).isEqualTo(400);
    }
    for (int i = 0; i < properties.publicSubmissions(); i++) {
      assertThat(post(Map.of("unitCode", "zjj", "content", "第" + i + "次投诉"), address).statusCode()).isEqualTo(201);
    }
    assertThat(post(Map.of("unitCode", "zjj", "content", "再一次"), address).statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName("R15 behind the trusted proxy each client address is counted apart, not the proxy's")
  void addressesBehindTheProxyCountApart() throws Exception {
    for (int i = 0; i < properties.publicSubmissions(); i++) {
      assertThat(post(Map.of("unitCode", "zjj", "content", "第" + i + "次投诉"), "198.51.100.20").statusCode())
          .isEqualTo(201);
    }
    assertThat(post(Map.of("unitCode", "zjj", "content", "再一次"), "198.51.100.20").statusCode()).isEqualTo(429);
    assertThat(post(Map.of("unitCode", "zjj", "content", "另一位群众"), "198.51.100.21").statusCode()).isEqualTo(201);
    assertThat(post(Map.of("unitCode", "zjj", "content", "代理本身"))).as("the proxy itself").extracting(
        HttpResponse::statusCode).isEqualTo(201);
  }

  @Test
  @DisplayName("R15 an unknown tracking code gets 404 with a Chinese message")
  void unknownCode() throws Exception {
    HttpResponse<String> response = get("/public/complaints/TSNOSUCHCODE");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("查询码不存在");
  }

  private static void assertBad(HttpResponse<String> response, String field, String message) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("detail").asText()).contains(message);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(Map<String, Object> body) throws IOException, InterruptedException {
    return post(body, null);
  }

  /** As the public sends it, through the proxy (loopback, trusted) for the client {@code forwardedFor}. */
  private HttpResponse<String> post(Map<String, Object> body, String forwardedFor)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/complaints"))
        .header("Content-Type", "application/json");
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
