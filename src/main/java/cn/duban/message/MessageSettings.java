package cn.duban.message;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R33: each person's own settings: which channels reach him, his mobile number for SMS and his
 * quiet hours (by default 22:00 to 7:00, when an SMS waits until the end of them).
 */
@Service
public class MessageSettings {

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,19}");

  private final JdbcTemplate jdbc;
  private final LimitClock clock;
  private final MessageProperties properties;

  public MessageSettings(JdbcTemplate jdbc, LimitClock clock, MessageProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /** Quiet hours as "HH:mm"; {@code from} after {@code until} spans midnight. */
  public record Setting(String personId, boolean mail, boolean webhook, boolean sms, String phone, String quietFrom,
      String quietUntil) {

    LocalTime from() {
      return LocalTime.parse(quietFrom);
    }

    LocalTime until() {
      return LocalTime.parse(quietUntil);
    }

    /** The moment an SMS due at {@code at} may go: at once, or when the quiet hours end. */
    LocalDateTime smsAllowedFrom(LocalDateTime at) {
      LocalTime from = from();
      LocalTime until = until();
      if (from.equals(until)) {
        return at;
      }
      LocalTime t = at.toLocalTime();
      boolean quiet = from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
      if (!quiet) {
        return at;
      }
      LocalDateTime end = at.toLocalDate().atTime(until);
      return end.isAfter(at) ? end : end.plusDays(1);
    }
  }

  public Setting of(String personId) {
    List<Setting> stored = jdbc.query("select mail_enabled, webhook_enabled, sms_enabled, phone, quiet_from, quiet_until"
        + " from message_setting where person_id = ?", (rs, i) -> new Setting(personId, rs.getBoolean(1),
            rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
            orDefault(rs.getString(5), properties.quiet().from()), orDefault(rs.getString(6), properties.quiet().until())),
        personId);
    return stored.isEmpty() ? new Setting(personId, true, true, true, null, hhmm(properties.quiet().from()),
        hhmm(properties.quiet().until())) : stored.get(0);
  }

  /** A person's settings as he enters them; checked field by field. */
  @Transactional
  public Setting save(String personId, Boolean mail, Boolean webhook, Boolean sms, String phone, String quietFrom,
      String quietUntil) {
    String p = phone == null || phone.isBlank() ? null : phone.strip();
    if (p != null && !PHONE.matcher(p).matches()) {
      throw new InputException("phone", "手机号码格式不正确，请填写数字，如 13800000000（phone）");
    }
    if (Boolean.TRUE.equals(sms) && p == null) {
      throw new InputException("phone", "接收短信须填写手机号码（phone）");
    }
    String from = time("quietFrom", quietFrom, "免打扰开始时间", properties.quiet().from());
    String until = time("quietUntil", quietUntil, "免打扰结束时间", properties.quiet().until());
    Setting s = new Setting(personId, !Boolean.FALSE.equals(mail), !Boolean.FALSE.equals(webhook),
        Boolean.TRUE.equals(sms), p, from, until);
    jdbc.update("delete from message_setting where person_id = ?", personId);
    jdbc.update("insert into message_setting (person_id, mail_enabled, webhook_enabled, sms_enabled, phone, quiet_from,"
        + " quiet_until, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", personId, s.mail(), s.webhook(), s.sms(), s.phone(),
        s.quietFrom(), s.quietUntil(), clock.now().atOffset(ZoneOffset.UTC));
    return s;
  }

  private static String time(String field, String value, String label, LocalTime fallback) {
    if (value == null || value.isBlank()) {
      return hhmm(fallback);
    }
    try {
      return hhmm(LocalTime.parse(value.strip()));
    } catch (DateTimeParseException e) {
      throw new InputException(field, label + "格式应为“时:分”，如 22:00（" + field + "）");
    }
  }

  private static String orDefault(String value, LocalTime fallback) {
    return value == null ? hhmm(fallback) : value;
  }

  private static String hhmm(LocalTime t) {
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }
}
