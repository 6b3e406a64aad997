package cn.duban.message;

import cn.duban.common.InputException;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R33 over HTTP. Everyone: his own settings ({@code /api/messages/settings}). The supervision
 * office and administrators: the deliveries by state, and a retry of a failed one (督办看板 shows
 * them). Administrators: the templates, the recipients of each event and the group robots.
 */
@RestController
@RequestMapping("/api/messages")
public class MessageController {

  private final Access access;
  private final MessageSettings settings;
  private final MessageOutbox outbox;
  private final MessageTemplates templates;
  private final MessageRecipients recipients;
  private final MessageWebhooks webhooks;

  public MessageController(Access access, MessageSettings settings, MessageOutbox outbox, MessageTemplates templates,
      MessageRecipients recipients, MessageWebhooks webhooks) {
    this.access = access;
    this.settings = settings;
    this.outbox = outbox;
    this.templates = templates;
    this.recipients = recipients;
    this.webhooks = webhooks;
  }

  public record SettingInput(Boolean mail, Boolean webhook, Boolean sms, String phone, String quietFrom,
      String quietUntil) {
  }

  @GetMapping("/settings")
  public MessageSettings.Setting mySettings() {
    return settings.of(viewer().userId());
  }

  @PutMapping("/settings")
  public MessageSettings.Setting saveMySettings(@RequestBody SettingInput in) {
    return settings.save(viewer().userId(), in.mail(), in.webhook(), in.sms(), in.phone(), in.quietFrom(),
        in.quietUntil());
  }

  /** Deliveries by state: FAILED (the default), PENDING, SENDING or SENT; the newest 200. */
  @GetMapping("/deliveries")
  public List<MessageOutbox.Delivery> deliveries(@RequestParam(defaultValue = "FAILED") String status) {
    office();
    if (!Set.of("FAILED", "PENDING", "SENDING", "SENT").contains(status)) {
      throw new InputException("status", "发送状态应为 FAILED、PENDING、SENDING 或 SENT（status）");
    }
    return outbox.withStatus(status).stream().map(MessageOutbox.Delivery::listed).toList();
  }

  @PostMapping("/deliveries/{id}/retry")
  public MessageOutbox.Delivery retry(@PathVariable long id) {
    office();
    if (!outbox.retry(id)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "该消息不是发送失败状态，无需重发");
    }
    return outbox.find(id).listed();
  }

  @GetMapping("/templates")
  public List<MessageTemplates.Template> templates() {
    admin();
    return templates.all();
  }

  public record TemplateInput(String subject, String body) {
  }

  @PutMapping("/templates/{type}")
  public MessageTemplates.Template saveTemplate(@PathVariable String type, @RequestBody TemplateInput in) {
    return templates.save(type(type), in.subject(), in.body(), admin());
  }

  @GetMapping("/recipients")
  public Map<MessageType, Set<RecipientRole>> recipients() {
    admin();
    return recipients.all();
  }

  @PutMapping("/recipients/{type}")
  public Set<RecipientRole> saveRecipients(@PathVariable String type, @RequestBody List<String> roles) {
    admin();
    return recipients.save(type(type), roles);
  }

  @GetMapping("/webhooks")
  public List<MessageWebhooks.Webhook> webhooks() {
    admin();
    return webhooks.all();
  }

  public record WebhookInput(String kind, String url, String secret) {
  }

  @PutMapping("/webhooks/{owner}")
  public MessageWebhooks.Webhook saveWebhook(@PathVariable String owner, @RequestBody WebhookInput in) {
    return webhooks.save(owner, in.kind(), in.url(), in.secret(), admin());
  }

  @DeleteMapping("/webhooks/{owner}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void removeWebhook(@PathVariable String owner) {
    admin();
    if (!webhooks.remove(owner)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "未配置该群机器人：" + owner);
    }
  }

  private static MessageType type(String type) {
    try {
      return MessageType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new InputException("type", "未知的消息类别：" + type + "（type）");
    }
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }

  private void office() {
    if (!viewer().in(Groups.SUPERVISION_OFFICE, Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有督查室和系统管理员可以查看和重发消息");
    }
  }

  private String admin() {
    Viewer v = viewer();
    if (!v.in(Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以设置消息模板、接收人和群机器人");
    }
    return v.userId();
  }
}
