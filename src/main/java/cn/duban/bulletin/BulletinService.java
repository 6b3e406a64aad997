package cn.duban.bulletin;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.message.MessageEvent;
import cn.duban.message.MessageType;
import cn.duban.message.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R34: generates a bulletin for a period (its figures computed once and kept), records the supervision
 * office's review comment and publishes it, after which it never changes; publishing tells every
 * unit's head and the county's leaders (R33: an outbox event written with the publication).
 */
@Service
public class BulletinService {

  static final int COMMENT_LENGTH = 2000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final BulletinRepository bulletins;
  private final BulletinCompiler compiler;
  private final LimitClock clock;
  private final ObjectMapper json;
  private final Messages messages;

  public BulletinService(BulletinRepository bulletins, BulletinCompiler compiler, LimitClock clock, ObjectMapper json,
      Messages messages) {
    this.bulletins = bulletins;
    this.compiler = compiler;
    this.clock = clock;
    this.json = json;
    this.messages = messages;
  }

  /** A period as asked for: its first and last day. */
  public record Period(LocalDate from, LocalDate to) {

    /** 2026年11月, 2026年度, or 2026年11月3日至2026年11月20日. */
    public String text() {
      if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth())) {
        return from.getYear() + "年" + from.getMonthValue() + "月";
      }
      if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
        return from.getYear() + "年度";
      }
      return DAY.format(from) + "至" + DAY.format(to);
    }

    public String title() {
      return "督查通报（" + text() + "）";
    }
  }

  /** The month before the one of {@code today}: the period of the monthly bulletin. */
  public static Period previousMonth(LocalDate today) {
    YearMonth month = YearMonth.from(today).minusMonths(1);
    return new Period(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * The period of the start form or the API, checked: both days given as 2026-11-01, the first not
   * after the last, the last not after today, at most a year.
   */
  public Period period(Object fromValue, Object toValue) {
    LocalDate from = day(fromValue, "periodFrom", "通报期间起始日");
    LocalDate to = day(toValue, "periodTo", "通报期间截止日");
    if (to.isBefore(from)) {
      throw new InputException("periodTo", "通报期间截止日不能早于起始日（periodTo）");
    }
    if (to.isAfter(clock.today())) {
      throw new InputException("periodTo", "通报期间截止日不能晚于今天（periodTo）");
    }
    if (from.plusYears(1).isBefore(to.plusDays(1))) {
      throw new InputException("periodFrom", "通报期间最长一年（periodFrom）");
    }
    return new Period(from, to);
  }

  /** The bulletin already generated for the period, draft or published. */
  public Optional<Bulletin> existing(Period p) {
    return bulletins.findByPeriodFromAndPeriodTo(p.from(), p.to());
  }

  /**
   * Generates the bulletin of the period: its figures computed now and stored as they are. A
   * period has one bulletin; asked for again by a person, that is refused.
   */
  @Transactional
  public Bulletin generate(Period p, String requestedBy, String processInstanceId) {
    existing(p).ifPresent(b -> {
      throw new InputException("periodFrom", p.title() + "已" + (b.published() ? "发布" : "生成，正在审核") + "，不能重复生成（periodFrom）");
    });
    BulletinFigures figures = compiler.compute(p.from(), p.to());
    return bulletins.save(new Bulletin(p.from(), p.to(), p.title(), write(figures), figures.computedAt(),
        requestedBy, processInstanceId));
  }

  /** The review's comment, then publication; a published bulletin is left as it is. */
  @Transactional
  public Bulletin publish(Long id, String comment, String by) {
    Bulletin b = get(id);
    if (b.published()) {
      return b;
    }
    if (comment != null && comment.strip().length() > COMMENT_LENGTH) {
      throw new InputException("bulletinComment", "审核意见不能超过" + COMMENT_LENGTH + "字（bulletinComment）");
    }
    b.review(comment, by);
    if (b.publish(by, clock.now())) {
      messages.enqueue(MessageEvent.of(MessageType.BULLETIN_PUBLISHED, "bulletin:" + b.getId())
          .with("title", b.getTitle()).with("period", new Period(b.getPeriodFrom(), b.getPeriodTo()).text())
          .with("link", "/api/bulletins/" + b.getId() + "/page").build());
    }
    return b;
  }

  /** R34: a published bulletin never changes: a later comment is refused. */
  @Transactional
  public Bulletin comment(Long id, String comment, String by) {
    Bulletin b = get(id);
    b.review(comment, by);
    return b;
  }

  public Bulletin get(Long id) {
    return bulletins.findById(id).orElseThrow(() -> new IllegalStateException("no bulletin " + id));
  }

  public Optional<Bulletin> find(Long id) {
    return bulletins.findById(id);
  }

  /** Newest first: the published ones, and the drafts too when {@code withDrafts}. */
  public List<Bulletin> list(boolean withDrafts) {
    return withDrafts ? bulletins.findAllByOrderByPeriodToDescIdDesc()
        : bulletins.findByStatusOrderByPeriodToDescIdDesc(BulletinStatus.PUBLISHED);
  }

  public BulletinFigures figures(Bulletin b) {
    try {
      return json.readValue(b.getFigures(), BulletinFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bulletin " + b.getId() + " holds unreadable figures", e);
    }
  }

  private String write(BulletinFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("figures not writable", e);
    }
  }

  private static LocalDate day(Object value, String field, String label) {
    if (value == null || value.toString().isBlank()) {
      throw new InputException(field, "请填写" + label + "（" + field + "）");
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InputException(field, label + "须为日期，如2026-11-01（" + field + "）");
    }
  }
}
