package cn.duban.message;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R33: the Chinese texts of the messages, one template per kind of event. The defaults are files
 * (messages/templates/&lt;TYPE&gt;.txt: the subject on the first line, then a blank line, then the
 * body); an administrator's text is stored in message_template and used instead. Placeholders are
 * {name}: {caseNumber}, {title}, {unitName}, {deadline}, {level}, {link}, {recipientName}, ...
 * A placeholder without a value is left empty.
 */
@Service
public class MessageTemplates {

  static final int SUBJECT_MAX = 500;
  static final int BODY_MAX = 4000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

  private final JdbcTemplate jdbc;
  private final LimitClock clock;

  public MessageTemplates(JdbcTemplate jdbc, LimitClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A template as an administrator sees it: {@code custom} when it is not the file's default. */
  public record Template(MessageType type, String label, String subject, String body, boolean custom) {
  }

  public record Text(String subject, String body) {
  }

  public List<Template> all() {
    List<Template> all = new ArrayList<>();
    for (MessageType type : MessageType.values()) {
      all.add(get(type));
    }
    return all;
  }

  public Template get(MessageType type) {
    List<Template> stored = jdbc.query("select subject, body from message_template where event_type = ?",
        (rs, i) -> new Template(type, type.label(), rs.getString(1), rs.getString(2), true), type.name());
    if (!stored.isEmpty()) {
      return stored.get(0);
    }
    Text d = defaultText(type);
    return new Template(type, type.label(), d.subject(), d.body(), false);
  }

  /** An administrator's text; blank subject and body go back to the default. */
  @Transactional
  public Template save(MessageType type, String subject, String body, String by) {
    boolean reset = (subject == null || subject.isBlank()) && (body == null || body.isBlank());
    if (!reset) {
      // checked before anything changes: a refused text leaves the one in force
      if (subject == null || subject.isBlank() || subject.length() > SUBJECT_MAX) {
        throw new InputException("subject", "请填写消息标题，不超过" + SUBJECT_MAX + "字（subject）");
      }
      if (body == null || body.isBlank() || body.length() > BODY_MAX) {
        throw new InputException("body", "请填写消息正文，不超过" + BODY_MAX + "字（body）");
      }
    }
    jdbc.update("delete from message_template where event_type = ?", type.name());
    if (!reset) {
      jdbc.update("insert into message_template (event_type, subject, body, updated_by, updated_at) values (?, ?, ?, ?, ?)",
          type.name(), subject.strip(), body.strip(), by, clock.now().atOffset(ZoneOffset.UTC));
    }
    return get(type);
  }

  public Text render(MessageType type, Map<String, String> values) {
    Template t = get(type);
    return new Text(cut(fill(t.subject(), values), SUBJECT_MAX), cut(fill(t.body(), values), BODY_MAX));
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static Text defaultText(MessageType type) {
    ClassPathResource file = new ClassPathResource("messages/templates/" + type.name() + ".txt");
    try (InputStream in = file.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      int split = text.indexOf("\n\n");
      return split < 0 ? new Text(text.strip(), "") : new Text(text.substring(0, split).strip(), text.substring(split + 2).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("no default template for " + type, e);
    }
  }
}
