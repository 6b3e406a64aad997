package cn.duban.assessment;

import cn.duban.calendar.LimitClock;
import cn.duban.organization.OrganizationService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import cn.duban.ledger.LedgerEntry;
/** The year's ranking and grades as people read them: a printable page and an Excel workbook. */
@Component
public class AssessmentReports {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final AssessmentService assessment;
  private final OrganizationService organization;
  private final LimitClock clock;

  public AssessmentReports(AssessmentService assessment, OrganizationService organization, LimitClock clock) {
    this.assessment = assessment;
    this.organization = organization;
    this.clock = clock;
  }

  /** The printable ranking and grade report of a year, in Chinese. */
  public String html(AssessmentYear y) {
    int year = y.getYear();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>").append(year)
        .append("年度绩效考核结果</title><style>")
        .append("body{font-family:'SimSun','WenQuanYi Zen Hei',serif;margin:24px;color:#000}")
        .append("h1{text-align:center;font-size:22px}h2{font-size:17px;margin-top:28px}")
        .append("table{border-collapse:collapse;width:100%;font-size:14px}")
        .append("th,td{border:1px solid #000;padding:4px 6px;text-align:left}th{background:#eee}")
        .append(".note{font-size:13px;color:#333}@media print{.noprint{display:none}}</style></head><body>");
    h.append("<h1>").append(year).append("年度绩效考核结果</h1>");
    h.append("<p class=\"note\">状态：").append(y.published() ? "已发布（" + DAY.format(y.getPublishedAt()
        .atZone(clock.zone())) + "）" : "草稿，待审核").append("　基础分：").append(plain(y.getBaseScore()))
        .append("　<a class=\"noprint\" href=\"report.xlsx\">下载Excel</a></p>");
    h.append("<h2>一、单位得分与排名</h2><table><tr><th>名次</th><th>单位</th><th>得分</th><th>档次</th>")
        .append("<th>书面检查</th><th>约谈负责人</th></tr>");
    for (UnitResult u : assessment.units(year)) {
      h.append("<tr><td>").append(u.getRank()).append("</td><td><a href=\"units/").append(esc(u.getUnitCode()))
          .append("/sheet.html\">").append(esc(u.getUnitName())).append("</a></td><td>").append(plain(u.getScore()))
          .append("</td><td>").append(u.getTier().label()).append("</td><td>")
          .append(u.getSelfExamination() == null ? "" : "已提交").append("</td><td>")
          .append(u.getHeadInterviewedAt() == null ? "" : "已约谈" + (u.isPostAdjustmentDue() ? "（一年两次，调整岗位）" : ""))
          .append("</td></tr>");
    }
    h.append("</table><h2>二、个人等次</h2><table><tr><th>姓名</th><th>单位</th><th>得分</th><th>等次</th>")
        .append("<th>依据</th><th>一线工作日</th><th>后续处理</th></tr>");
    for (PersonResult p : assessment.people(year)) {
      h.append("<tr><td>").append(esc(p.getPersonName())).append("</td><td>")
          .append(esc(p.getUnitCode() == null ? "县直机关" : organization.unitName(p.getUnitCode()))).append("</td><td>")
          .append(plain(p.getScore())).append("</td><td>").append(p.getGrade().label())
          .append(p.getAdjustReason() == null ? "" : "（审核调整：" + esc(p.getAdjustReason()) + "）").append("</td><td>")
          .append(esc(p.getReasons())).append("</td><td>").append(frontLine(p)).append("</td><td>")
          .append(followUp(p)).append("</td></tr>");
    }
    h.append("</table></body></html>");
    return h.toString();
  }

  /** A unit's score sheet: its entries summed by rule and by source case, then every entry of the year. */
  public String sheetHtml(int year, String unit) {
    String name = organization.unitName(unit);
    AssessmentService.Breakdown breakdown = assessment.breakdown(year, unit);
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
        .append(esc(name)).append(year).append("年度记分明细</title><style>body{font-family:serif;margin:24px}")
        .append("table{border-collapse:collapse;width:100%;margin-bottom:20px}th,td{border:1px solid #000;")
        .append("padding:4px 6px;text-align:left}th{background:#eee}</style></head><body><h1>").append(esc(name))
        .append(year).append("年度记分明细</h1><p>基础分之外合计：").append(plain(breakdown.total()))
        .append("</p><h2>按规则汇总</h2>");
    subtotals(h, "规则", breakdown.byRule());
    h.append("<h2>按来源事项汇总</h2>");
    subtotals(h, "来源事项", breakdown.bySource());
    h.append("<h2>逐笔明细</h2><table><tr><th>日期</th><th>规则</th><th>事项</th><th>来源</th><th>分值</th></tr>");
    for (LedgerEntry e : assessment.scoreSheet(year, unit)) {
      h.append("<tr><td>").append(DAY.format(e.getBookedAt().atZone(clock.zone()))).append("</td><td>")
          .append(esc(e.getRuleRef())).append("</td><td>").append(esc(e.getRuleLabel())).append("</td><td>")
          .append(esc(AssessmentService.sourceLabel(e))).append("</td><td>").append(plain(e.getPoints()))
          .append("</td></tr>");
    }
    h.append("<tr><th colspan=\"4\">合计</th><th>").append(plain(breakdown.total()))
        .append("</th></tr></table></body></html>");
    return h.toString();
  }

  private static void subtotals(StringBuilder h, String what, List<AssessmentService.Subtotal> lines) {
    h.append("<table><tr><th>").append(what).append("</th><th>笔数</th><th>分值</th></tr>");
    for (AssessmentService.Subtotal s : lines) {
      h.append("<tr><td>").append(esc(s.label())).append("</td><td>").append(s.entries()).append("</td><td>")
          .append(plain(s.points())).append("</td></tr>");
    }
    h.append("</table>");
  }

  /** The same report as an Excel workbook: a sheet of units, a sheet of people. */
  public byte[] xlsx(int year) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      Sheet units = book.createSheet("单位排名");
      row(units, 0, header, "名次", "单位", "得分", "档次");
      int r = 1;
      for (UnitResult u : assessment.units(year)) {
        Row row = units.createRow(r++);
        row.createCell(0).setCellValue(u.getRank());
        row.createCell(1).setCellValue(u.getUnitName());
        row.createCell(2).setCellValue(u.getScore().doubleValue());
        row.createCell(3).setCellValue(u.getTier().label());
      }
      Sheet people = book.createSheet("个人等次");
      row(people, 0, header, "姓名", "单位", "得分", "等次", "依据", "一线工作日", "目标");
      r = 1;
      for (PersonResult p : assessment.people(year)) {
        Row row = people.createRow(r++);
        row.createCell(0).setCellValue(p.getPersonName());
        row.createCell(1).setCellValue(p.getUnitCode() == null ? "县直机关" : organization.unitName(p.getUnitCode()));
        row.createCell(2).setCellValue(p.getScore().doubleValue());
        row.createCell(3).setCellValue(p.getGrade().label());
        row.createCell(4).setCellValue(p.getReasons());
        if (p.getFrontLineTarget() != null) {
          row.createCell(5).setCellValue(p.getFrontLineDays());
          row.createCell(6).setCellValue(p.getFrontLineTarget());
        }
      }
      for (Sheet s : List.of(units, people)) {
        for (int c = 0; c < 7; c++) {
          s.setColumnWidth(c, c == 4 ? 60 * 256 : 14 * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(Sheet sheet, int index, CellStyle style, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(values[i]);
      cell.setCellStyle(style);
    }
  }

  private static String frontLine(PersonResult p) {
    if (p.getFrontLineTarget() == null) {
      return "";
    }
    return p.getFrontLineDays() + "/" + p.getFrontLineTarget() + "天" + (p.frontLineShortfall() ? "（未达标）" : "");
  }

  private static String followUp(PersonResult p) {
    String measure = p.getFollowUpMeasure() == null ? ""
        : AssessmentService.FollowUp.valueOf(p.getFollowUpMeasure()).label();
    return esc(measure) + (p.isRotationDue() ? "（应轮岗或降职）" : "");
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
