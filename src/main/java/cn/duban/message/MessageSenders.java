package cn.duban.message;

import cn.duban.calendar.LimitClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * R33: the three channels. Each {@code send} returns normally when the message was accepted and
 * throws with the reason otherwise; the outbox retries and, in the end, shows the reason.
 */
@Component
public class MessageSenders {

  private final MessageProperties properties;
  private final ObjectProvider<JavaMailSender> mail;
  private final IdentityService identity;
  private final MessageWebhooks webhooks;
  private final LimitClock clock;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String mailHost;

  public MessageSenders(MessageProperties properties, ObjectProvider<JavaMailSender> mail, IdentityService identity,
      MessageWebhooks webhooks, LimitClock clock, @Value("${spring.mail.host:}") String mailHost) {
    this.mailHost = mailHost;
    this.properties = properties;
    this.mail = mail;
    this.identity = identity;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** Whether the channel is switched on and can be used. */
  public boolean on(Channel channel) {
    return switch (channel) {
      case MAIL -> properties.mail().enabled() && !mailHost.isBlank() && mail.getIfAvailable() != null;
      case WEBHOOK -> properties.webhook().enabled();
      case SMS -> properties.sms().enabled() && properties.sms().url() != null && !properties.sms().url().isBlank();
    };
  }

  /** The e-mail address of a person: the Camunda user's. */
  public String email(String personId) {
    User u = identity.createUserQuery().userId(personId).singleResult();
    return u == null || u.getEmail() == null || u.getEmail().isBlank() ? null : u.getEmail().strip();
  }

  public void send(Channel channel, String recipient, String address, String subject, String body) throws Exception {
    switch (channel) {
      case MAIL -> mail(address, subject, body);
      case WEBHOOK -> webhook(recipient, subject, body);
      case SMS -> sms(address, subject, body);
      default -> throw new IllegalStateException(channel.name());
    }
  }

  private void mail(String to, String subject, String body) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("邮件未配置（spring.mail.host）");
    }
    SimpleMailMessage m = new SimpleMailMessage();
    m.setFrom(properties.mail().from());
    m.setTo(to);
    m.setSubject(subject);
    m.setText(body);
    sender.send(m);
  }

  /**
   * The group robot's text message, {"msgtype":"text","text":{"content":...}}, which enterprise
   * WeChat and DingTalk both take; DingTalk's signed robots get timestamp and sign (HmacSHA256 of
   * "timestamp\nsecret", Base64, URL-encoded) in the address.
   */
  private void webhook(String owner, String subject, String body) throws Exception {
    MessageWebhooks.Webhook hook = webhooks.of(owner)
        .orElseThrow(() -> new IllegalStateException("未配置群机器人：" + owner));
    String url = hook.url();
    if (hook.kind() == MessageWebhooks.Kind.DINGTALK && hook.secret() != null) {
      long timestamp = clock.now().toEpochMilli();
      url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + dingTalkSign(timestamp, hook.secret());
    }
    String json = Messages.JSON.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", subject + "\n" + body)));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(properties.webhook().timeout()).header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IOException("群机器人答复 HTTP " + response.statusCode() + "：" + abbreviate(response.body()));
    }
    // both robots answer 200 with {"errcode":0,...}, and a refusal with another errcode
    if (response.body() != null && response.body().contains("\"errcode\"")
        && !response.body().replace(" ", "").contains("\"errcode\":0")) {
      throw new IOException("群机器人拒收：" + abbreviate(response.body()));
    }
  }

  static String dingTalkSign(long timestamp, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] sign = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    return URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
  }

  private void sms(String phone, String subject, String body) throws Exception {
    MessageProperties.Sms sms = properties.sms();
    boolean json = sms.contentType().contains("json");
    boolean form = sms.contentType().contains("x-www-form-urlencoded");
    Map<String, String> values = Map.of("phone", phone, "text", subject + "\n" + body,
        "user", sms.user() == null ? "" : sms.user(), "password", sms.password() == null ? "" : sms.password());
    Map<String, String> encoded = new java.util.HashMap<>();
    values.forEach((k, v) -> encoded.put(k, json ? jsonEscape(v) : form ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v));
    String requestBody = MessageTemplates.fill(sms.bodyTemplate(), encoded);
    boolean credentialsInBody = sms.bodyTemplate().contains("{password}");
    String method = sms.method().toUpperCase();
    HttpRequest.Builder request;
    if ("GET".equals(method)) {
      String url = MessageTemplates.fill(sms.url(), Map.of("phone", URLEncoder.encode(phone, StandardCharsets.UTF_8),
          "text", URLEncoder.encode(values.get("text"), StandardCharsets.UTF_8)));
      request = HttpRequest.newBuilder(URI.create(url)).GET();
    } else {
      request = HttpRequest.newBuilder(URI.create(sms.url()))
          .method(method, HttpRequest.BodyPublishers.ofString(requestBody, StandardCharsets.UTF_8))
          .header("Content-Type", sms.contentType() + (sms.contentType().contains("charset") ? "" : "; charset=utf-8"));
    }
    if (sms.token() != null && !sms.token().isBlank()) {
      request.header("Authorization", "Bearer " + sms.token());
    } else if (!credentialsInBody && sms.user() != null && !sms.user().isBlank()) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (sms.user() + ":" + (sms.password() == null ? "" : sms.password())).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(request.timeout(sms.timeout()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IOException("短信网关答复 HTTP " + response.statusCode() + "：" + abbreviate(response.body()));
    }
  }

  private static String jsonEscape(String v) {
    try {
      String quoted = Messages.JSON.writeValueAsString(v);
      return quoted.substring(1, quoted.length() - 1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
