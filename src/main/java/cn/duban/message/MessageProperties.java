package cn.duban.message;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R33: the messages' settings ({@code duban.messages.*}, documented in application.yml and the
 * README). Each channel is off until switched on.
 *
 * @param pollerEnabled whether this node works the outbox (tests work it themselves)
 * @param pollInterval the pause between two looks at the outbox
 * @param maxAttempts tries of one delivery before it is shown as failed on 督办看板
 * @param firstRetry the pause after the first failure, doubled after each further one
 * @param claimFor how long a node holds a delivery it took; a node that died is relieved after it
 * @param baseUrl the application's address as people open it, for the links in messages
 * @param reminderDays the working days before a limit at which the unit is reminded
 * @param dailyCycle when the deadline reminders and the daily digest go out (on working days)
 * @param keepSent how long sent messages and their events are kept (failed ones stay until retried)
 */
@ConfigurationProperties("duban.messages")
public record MessageProperties(@DefaultValue("true") boolean pollerEnabled,
    @DefaultValue("PT10S") Duration pollInterval, @DefaultValue("5") int maxAttempts,
    @DefaultValue("PT1M") Duration firstRetry, @DefaultValue("PT5M") Duration claimFor,
    @DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("3") int reminderDays,
    @DefaultValue("0 30 8 * * *") String dailyCycle, @DefaultValue("P90D") java.time.Period keepSent,
    @DefaultValue Mail mail, @DefaultValue Webhook webhook,
    @DefaultValue Sms sms, @DefaultValue Quiet quiet) {

  /** E-mail through Spring Boot's mail support ({@code spring.mail.*}); the address is the Camunda user's. */
  public record Mail(@DefaultValue("false") boolean enabled, @DefaultValue("duban@localhost") String from) {
  }

  /** Group robots of enterprise WeChat and DingTalk, configured per unit or person (message_webhook). */
  public record Webhook(@DefaultValue("false") boolean enabled, @DefaultValue("PT10S") Duration timeout) {
  }

  /**
   * An SMS gateway over HTTP. {@code bodyTemplate} names {phone}, {text}, {user} and {password};
   * values are JSON-escaped for a JSON content type, URL-encoded for a form. {@code user} and
   * {@code password} (HTTP basic unless the body carries them) and {@code token} (a bearer token)
   * come from the environment.
   */
  public record Sms(@DefaultValue("false") boolean enabled, String url, @DefaultValue("POST") String method,
      @DefaultValue("application/json") String contentType,
      @DefaultValue("{\"phone\":\"{phone}\",\"text\":\"{text}\"}") String bodyTemplate, String user, String password,
      String token, @DefaultValue("PT10S") Duration timeout) {
  }

  /** Default quiet hours: no SMS from {@code from} until {@code until}; held until then. */
  public record Quiet(@DefaultValue("22:00") LocalTime from, @DefaultValue("07:00") LocalTime until) {
  }
}
