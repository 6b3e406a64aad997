package cn.duban.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A notice as a printable page in the traditional layout: the issuing office and the notice's name
 * at the head in the colour of its kind, the number, the addressee, the item and its requirements,
 * the limit, the issuing office and date at the foot. It shows the fields the notice was issued
 * with, never a reading of its text.
 */
@Component
public class NoticePage {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  /** R25: what a provisional limit says wherever it is shown. */
  public static final String PROVISIONAL_NOTE = "暂按法定节假日计算，待国务院办公厅通知发布后自动调整";

  /**
   * A printable sheet: who issues it, its kind's colour (CSS), name, number, addressee, its
   * paragraphs and rows, its limit (provisional or not, R25) and the day it was issued.
   */
  public record Sheet(String office, String colour, String colourName, String name, String number, String addressee,
      List<String> paragraphs, List<String[]> rows, Instant limitAt, boolean limitProvisional, Instant issuedAt,
      ZoneId zone) {
  }

  /** A case's green, yellow or red notice, from the fields it was issued with. */
  public String html(Notice n, ZoneId zone) {
    NoticeFields f = n.getFields();
    List<String[]> rows = new ArrayList<>();
    row(rows, "协办单位", f.coUnits());
    row(rows, "责任人", f.responsiblePerson());
    row(rows, "工作内容和要求", f.requirement());
    row(rows, "关键节点", f.milestones());
    row(rows, "质量标准", f.qualityStandard());
    return html(new Sheet(f.issuingOffice(), colour(n.getKind()), n.getKind().colour(), n.getKind().title(),
        n.getCaseNumber(), n.getAddresseeUnit(), List.of(f.demand()), rows, n.getLimitAt(), n.isProvisional(),
        n.getIssuedAt(), zone));
  }

  private static void row(List<String[]> rows, String label, String value) {
    if (value != null) {
      rows.add(new String[] {label, value});
    }
  }

  public String html(Sheet s) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
        .append(esc(s.name())).append(" ").append(esc(s.number())).append("</title><style>")
        .append("body{font-family:'FangSong','STFangsong','WenQuanYi Zen Hei',serif;background:#f4f4f4;margin:0}")
        .append(".sheet{width:170mm;min-height:230mm;margin:10mm auto;padding:16mm 18mm;background:#fff;")
        .append("border:3px double ").append(s.colour()).append(";box-sizing:border-box}")
        .append(".office{text-align:center;font-size:22px;letter-spacing:4px;color:").append(s.colour()).append("}")
        .append("h1{text-align:center;font-size:30px;letter-spacing:6px;margin:8px 0 4px;color:").append(s.colour())
        .append("}.kind{text-align:center;font-size:14px;color:").append(s.colour()).append("}")
        .append(".rule{border-top:2px solid ").append(s.colour()).append(";margin:10px 0 14px}")
        .append(".number{text-align:right;font-size:16px}.to{font-size:18px;margin-top:18px}")
        .append("p{font-size:17px;line-height:1.9;text-indent:2em;margin:8px 0}")
        .append("table{width:100%;border-collapse:collapse;margin:14px 0;font-size:15px}")
        .append("th,td{border:1px solid #555;padding:6px 8px;text-align:left;vertical-align:top}th{width:7em}")
        .append(".limit{font-size:18px;font-weight:bold;color:").append(s.colour()).append("}")
        .append(".provisional{font-size:14px;font-weight:normal;color:#555}")
        .append(".foot{text-align:right;font-size:17px;margin-top:40px;line-height:1.9}")
        .append(".print{text-align:center;margin:12px}@media print{body{background:#fff}.print{display:none}")
        .append(".sheet{margin:0;border-color:").append(s.colour()).append("}}</style></head><body>")
        .append("<div class=\"print\"><button onclick=\"window.print()\">打印</button></div><div class=\"sheet\">")
        .append("<div class=\"office\">").append(esc(s.office())).append("</div><h1>").append(esc(s.name()))
        .append("</h1><div class=\"kind\">（").append(esc(s.colourName())).append("）</div><div class=\"rule\"></div>")
        .append("<div class=\"number\">").append(esc(s.number())).append("</div>")
        .append("<div class=\"to\">").append(esc(s.addressee())).append("：</div>");
    for (String p : s.paragraphs()) {
      h.append("<p>").append(esc(p)).append("</p>");
    }
    h.append("<table>");
    for (String[] row : s.rows()) {
      h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>");
    }
    if (s.limitAt() != null) {
      h.append("<tr><th>办理时限</th><td class=\"limit\">").append(MINUTE.format(s.limitAt().atZone(s.zone())))
          .append("前");
      if (s.limitProvisional()) {
        h.append("<div class=\"provisional\">（").append(PROVISIONAL_NOTE).append("）</div>");
      }
      h.append("</td></tr>");
    }
    h.append("</table><div class=\"foot\">").append(esc(s.office())).append("<br>")
        .append(DAY.format(s.issuedAt().atZone(s.zone()))).append("</div></div></body></html>");
    return h.toString();
  }

  static String colour(NoticeKind kind) {
    return switch (kind) {
      case GREEN -> "#1b7f3b";
      case YELLOW -> "#b8860b";
      case RED -> "#c00000";
    };
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
