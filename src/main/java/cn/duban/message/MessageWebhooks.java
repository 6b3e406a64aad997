package cn.duban.message;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R33: the group robots a unit or a person receives messages by (enterprise WeChat or DingTalk). */
@Service
public class MessageWebhooks {

  public enum Kind { WECHAT, DINGTALK }

  /** {@code owner}: UNIT:&lt;code&gt; or PERSON:&lt;user id&gt;. */
  public record Webhook(String owner, Kind kind, String url, String secret) {
  }

  private final JdbcTemplate jdbc;
  private final LimitClock clock;

  public MessageWebhooks(JdbcTemplate jdbc, LimitClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Webhook> of(String owner) {
    return jdbc.query("select owner, kind, url, secret from message_webhook where owner = ?",
        (rs, i) -> new Webhook(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)), owner)
        .stream().findFirst();
  }

  public List<Webhook> all() {
    return jdbc.query("select owner, kind, url, secret from message_webhook order by owner",
        (rs, i) -> new Webhook(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4) == null ? null : "******"));
  }

  @Transactional
  public Webhook save(String owner, String kind, String url, String secret, String by) {
    if (owner == null || !owner.matches("(UNIT|PERSON):[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new InputException("owner", "接收方应为 UNIT:单位代码 或 PERSON:用户名（owner）");
    }
    Kind k;
    try {
      k = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InputException("kind", "机器人类型应为 WECHAT（企业微信）或 DINGTALK（钉钉）（kind）");
    }
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
        || url.length() > 1000) {
      throw new InputException("url", "请填写机器人的 Webhook 地址（http 或 https）（url）");
    }
    String s = secret == null || secret.isBlank() ? null : secret.strip();
    jdbc.update("delete from message_webhook where owner = ?", owner);
    jdbc.update("insert into message_webhook (owner, kind, url, secret, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)",
        owner, k.name(), url.strip(), s, by, clock.now().atOffset(ZoneOffset.UTC));
    return new Webhook(owner, k, url.strip(), s == null ? null : "******");
  }

  public boolean remove(String owner) {
    return jdbc.update("delete from message_webhook where owner = ?", owner) > 0;
  }
}
