package cn.duban.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * A notice as a printable page in the traditional layout (template {@code templates/notice.html}):
 * the issuing office and the notice's name at the head in the colour of its kind, the number, the
 * addressee, the item and its requirements, the limit, the issuing office and date at the foot.
 * The page is made from the notice's stored fields; the template escapes every one of them.
 */
@Component
public class NoticePage {

  /** R25: what a provisional limit says wherever it is shown. */
  public static final String PROVISIONAL_NOTE = "暂按法定节假日计算，待国务院办公厅通知发布后自动调整";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  /** The one value the template writes unescaped (into its style sheet), so it is held to a colour. */
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** A row of the sheet's table: 责任人 | 林晓东. */
  public record Row(String label, String value) {
  }

  /**
   * A printable sheet: who issues it, its kind's colour (CSS {@code #rrggbb}) and the colour's
   * name, its name, number, addressee, its paragraphs and rows, its limit (null: none; provisional
   * or not, R25) and the day it was issued.
   */
  public record Sheet(String office, String colour, String colourName, String name, String number, String addressee,
      List<String> paragraphs, List<Row> rows, Instant limitAt, boolean limitProvisional, Instant issuedAt,
      ZoneId zone) {

    public Sheet {
      if (!COLOUR.matcher(colour).matches()) {
        throw new IllegalArgumentException("not a colour: " + colour);
      }
      paragraphs = List.copyOf(paragraphs);
      rows = List.copyOf(rows);
    }

    /** "2026年3月20日 23:59", or null when the sheet sets no limit. */
    public String limit() {
      return limitAt == null ? null : MINUTE.format(limitAt.atZone(zone));
    }

    /** R25: the note under a provisional limit, else null. */
    public String limitNote() {
      return limitAt != null && limitProvisional ? PROVISIONAL_NOTE : null;
    }

    public String issuedOn() {
      return DAY.format(issuedAt.atZone(zone));
    }
  }

  /** A case's green, yellow or red notice, from the fields it was issued with. */
  public Sheet sheet(Notice n, ZoneId zone) {
    NoticeFields f = n.getFields();
    List<Row> rows = new ArrayList<>();
    row(rows, "协办单位", f.coUnits());
    row(rows, "责任人", f.responsiblePerson());
    row(rows, "工作内容和要求", f.requirement());
    row(rows, "关键节点", f.milestones());
    row(rows, "质量标准", f.qualityStandard());
    return new Sheet(f.issuingOffice(), colour(n.getKind()), n.getKind().colour(), n.getKind().title(),
        n.getCaseNumber(), n.getAddresseeUnit(), List.of(f.demand()), rows, n.getLimitAt(), n.isProvisional(),
        n.getIssuedAt(), zone);
  }

  /** The page of a case's notice, for a controller to return. */
  public ModelAndView view(Notice n, ZoneId zone) {
    return view(sheet(n, zone));
  }

  /** The page of any sheet in this layout (a complaint's urging notice, say). */
  public ModelAndView view(Sheet sheet) {
    return new ModelAndView("notice", Map.of("sheet", sheet));
  }

  private static void row(List<Row> rows, String label, String value) {
    if (value != null) {
      rows.add(new Row(label, value));
    }
  }

  static String colour(NoticeKind kind) {
    return switch (kind) {
      case GREEN -> "#1b7f3b";
      case YELLOW -> "#b8860b";
      case RED -> "#c00000";
    };
  }
}
