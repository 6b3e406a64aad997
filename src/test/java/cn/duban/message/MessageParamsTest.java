package cn.duban.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R33: what an event carries always fits its column; quiet hours across midnight and within a day. */
class MessageParamsTest {

  @Test
  @DisplayName("R33 an event with a very long text is shortened to fit the outbox, never failing the case's transaction")
  void longTextsAreShortened() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("caseNumber", "督〔2026〕1号");
    params.put("text", "很长的批示内容".repeat(600));
    params.put("overdue", "\"引号\"\n换行".repeat(500));
    String json = Messages.json(params);
    assertThat(json.length()).isLessThanOrEqualTo(Messages.PARAMS_MAX);
    assertThat(Messages.params(json)).containsEntry("caseNumber", "督〔2026〕1号");
    assertThat(Messages.params(json).get("text")).startsWith("很长的批示内容").endsWith("…");
  }

  @Test
  @DisplayName("R33 quiet hours: 22:00-07:00 holds an SMS until the morning, 12:00-13:30 until the afternoon, equal times never")
  void quietHours() {
    MessageSettings.Setting night = new MessageSettings.Setting("p", true, true, true, "13800000000", "22:00", "07:00");
    assertThat(night.smsAllowedFrom(LocalDateTime.of(2026, 3, 2, 22, 0))).isEqualTo(LocalDateTime.of(2026, 3, 3, 7, 0));
    assertThat(night.smsAllowedFrom(LocalDateTime.of(2026, 3, 3, 6, 59))).isEqualTo(LocalDateTime.of(2026, 3, 3, 7, 0));
    assertThat(night.smsAllowedFrom(LocalDateTime.of(2026, 3, 3, 7, 0))).isEqualTo(LocalDateTime.of(2026, 3, 3, 7, 0));
    assertThat(night.smsAllowedFrom(LocalDateTime.of(2026, 3, 2, 21, 59))).isEqualTo(LocalDateTime.of(2026, 3, 2, 21, 59));
    MessageSettings.Setting noon = new MessageSettings.Setting("p", true, true, true, "13800000000", "12:00", "13:30");
    assertThat(noon.smsAllowedFrom(LocalDateTime.of(2026, 3, 2, 12, 10))).isEqualTo(LocalDateTime.of(2026, 3, 2, 13, 30));
    assertThat(noon.smsAllowedFrom(LocalDateTime.of(2026, 3, 2, 23, 0))).isEqualTo(LocalDateTime.of(2026, 3, 2, 23, 0));
    MessageSettings.Setting none = new MessageSettings.Setting("p", true, true, true, "13800000000", "00:00", "00:00");
    assertThat(none.smsAllowedFrom(LocalDateTime.of(2026, 3, 2, 23, 0))).isEqualTo(LocalDateTime.of(2026, 3, 2, 23, 0));
  }

  @Test
  @DisplayName("R33 DingTalk's signature: HmacSHA256 of timestamp and secret, Base64, URL-encoded")
  void dingTalkSignature() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("SECabc".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(
        mac.doFinal("1700000000000\nSECabc".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(MessageSenders.dingTalkSign(1700000000000L, "SECabc")).isEqualTo(expected);
  }

  @Test
  @DisplayName("R33 a template's placeholders take the event's values; one without a value is left empty")
  void templatesFill() {
    assertThat(MessageTemplates.fill("{recipientName}：{caseNumber}{missing}“{title}”", Map.of("recipientName", "林晓东",
        "caseNumber", "督〔2026〕1号", "title", "含$符号\\的标题"))).isEqualTo("林晓东：督〔2026〕1号“含$符号\\的标题”");
    for (MessageType type : MessageType.values()) {
      MessageTemplates.Text text = MessageTemplates.defaultText(type);
      assertThat(text.subject()).as(type.name()).startsWith("【督办】");
      assertThat(text.body()).as(type.name()).contains("{recipientName}");
    }
  }

  @Test
  @DisplayName("R33 an event key too long for the outbox (a long task id) is shortened with a digest: still one key per event")
  void longKeysAreShortened() {
    String base = "task:" + "x".repeat(240) + ":";
    String a = MessageEvent.of(MessageType.NEW_TASK, base + "zjj").build().key();
    String b = MessageEvent.of(MessageType.NEW_TASK, base + "fgj").build().key();
    assertThat(a).hasSizeLessThanOrEqualTo(MessageEvent.KEY_LENGTH).startsWith("task:xxx").isNotEqualTo(b)
        .isEqualTo(MessageEvent.of(MessageType.NEW_TASK, base + "zjj").build().key());
    assertThat(MessageEvent.of(MessageType.NEW_TASK, "task:1:signFor:zjj").build().key()).isEqualTo("task:1:signFor:zjj");
  }
}
