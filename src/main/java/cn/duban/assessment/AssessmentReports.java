package cn.duban.assessment;

import cn.duban.accountability.AccountabilityConsequences;
import cn.duban.calendar.LimitClock;
import cn.duban.organization.OrganizationService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The year's ranking and grades as people read them: printable pages (the templates under
 * {@code templates/assessment/}, which escape every value) and an Excel workbook.
 */
@Component
public class AssessmentReports {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final AssessmentService assessment;
  private final OrganizationService organization;
  private final LimitClock clock;
  private final AccountabilityConsequences consequences;

  public AssessmentReports(AssessmentService assessment, OrganizationService organization, LimitClock clock,
      AccountabilityConsequences consequences) {
    this.assessment = assessment;
    this.organization = organization;
    this.clock = clock;
    this.consequences = consequences;
  }

  /**
   * A unit's line of the report's ranking; {@code rectification}: R13, the unit is under
   * rectification now and its head may not be transferred or promoted (empty otherwise).
   */
  public record UnitLine(int rank, String unitCode, String unitName, String score, String tier, String selfExamination,
      String interview, String rectification) {
  }

  /** A person's line of the report's grades; {@code postBar}: R13, why the post may not change now. */
  public record PersonLine(String name, String unit, String score, String grade, String reasons, String frontLine,
      String followUp, String postBar) {
  }

  /** The printable ranking and grade report of a year (template {@code assessment/report.html}). */
  public record ReportPage(int year, String status, String baseScore, List<UnitLine> units, List<PersonLine> people) {
  }

  /** A subtotal of a unit's score sheet: a rule or a source, its entries and points. */
  public record SubtotalLine(String label, int entries, String points) {
  }

  /** An entry of a unit's score sheet. */
  public record EntryLine(String day, String ruleRef, String ruleLabel, String source, String points) {
  }

  /** A unit's score sheet for a year (template {@code assessment/sheet.html}). */
  public record SheetPage(int year, String unitName, String total, List<SubtotalLine> byRule,
      List<SubtotalLine> bySource, List<EntryLine> entries, String rectification) {
  }

  /** R13: the units under rectification now, by unit code, as the pages say it. */
  private Map<String, String> rectifications() {
    Map<String, String> byUnit = new HashMap<>();
    consequences.underRectification().forEach(r -> byUnit.putIfAbsent(r.unitCode(),
        r.text() + "（负责人：" + organization.personName(r.headId()) + "）"));
    return byUnit;
  }

  /** The printable ranking and grade report of a year, in Chinese. */
  public ReportPage report(AssessmentYear y) {
    int year = y.getYear();
    String status = y.published()
        ? "已发布（" + DAY.format(y.getPublishedAt().atZone(clock.zone())) + "）" : "草稿，待审核";
    Map<String, String> rectifying = rectifications();
    List<UnitLine> units = assessment.units(year).stream().map(u -> new UnitLine(u.getRank(), u.getUnitCode(),
        u.getUnitName(), plain(u.getScore()), u.getTier().label(), u.getSelfExamination() == null ? "" : "已提交",
        u.getHeadInterviewedAt() == null ? "" : "已约谈" + (u.isPostAdjustmentDue() ? "（一年两次，调整岗位）" : ""),
        rectifying.getOrDefault(u.getUnitCode(), "")))
        .toList();
    List<PersonLine> people = assessment.people(year).stream().map(p -> new PersonLine(p.getPersonName(),
        p.getUnitCode() == null ? "县直机关" : organization.unitName(p.getUnitCode()), plain(p.getScore()),
        p.getGrade().label() + (p.getAdjustReason() == null ? "" : "（审核调整：" + p.getAdjustReason() + "）"),
        p.getReasons(), frontLine(p), followUp(p), postBar(p.getPersonId()))).toList();
    return new ReportPage(year, status, plain(y.getBaseScore()), units, people);
  }

  public ModelAndView reportView(AssessmentYear y) {
    return new ModelAndView("assessment/report", Map.of("report", report(y)));
  }

  /** A unit's score sheet: its entries summed by rule and by source case, then every entry of the year. */
  public SheetPage sheet(int year, String unit) {
    AssessmentService.Breakdown breakdown = assessment.breakdown(year, unit);
    List<EntryLine> entries = assessment.scoreSheet(year, unit).stream().map(e -> new EntryLine(
        DAY.format(e.getBookedAt().atZone(clock.zone())), e.getRuleRef(), e.getRuleLabel(),
        AssessmentService.sourceLabel(e), plain(e.getPoints()))).toList();
    return new SheetPage(year, organization.unitName(unit), plain(breakdown.total()), subtotals(breakdown.byRule()),
        subtotals(breakdown.bySource()), entries, rectifications().getOrDefault(unit, ""));
  }

  /** R13: why the person's post may not change now, or empty. */
  public String postBar(String personId) {
    return consequences.rectificationOf(personId).map(r -> "整改期间不得调动或提拔：" + r.text()).orElse("");
  }

  public ModelAndView sheetView(int year, String unit) {
    return new ModelAndView("assessment/sheet", Map.of("sheet", sheet(year, unit)));
  }

  private static List<SubtotalLine> subtotals(List<AssessmentService.Subtotal> lines) {
    return lines.stream().map(s -> new SubtotalLine(s.label(), s.entries(), plain(s.points()))).toList();
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
    return measure + (p.isRotationDue() ? "（应轮岗或降职）" : "");
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
