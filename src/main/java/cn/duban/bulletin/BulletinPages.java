package cn.duban.bulletin;

import cn.duban.bulletin.BulletinFigures.Item;
import cn.duban.bulletin.BulletinFigures.Ranked;
import cn.duban.bulletin.BulletinFigures.UnitLine;
import cn.duban.calendar.LimitClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * R34: a bulletin as people read it: a printable page in the style of the notices (template
 * {@code templates/bulletin.html}, which escapes every value; its charts drawn by Chart.js, served
 * with the Cockpit plugin duban-bulletins) and an Excel workbook. Both are made from the stored
 * figures, so a published bulletin reads the same however the cases change later.
 */
@Component
public class BulletinPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final BulletinService bulletins;
  private final LimitClock clock;
  private final ObjectMapper json;
  private final String office;

  public BulletinPages(BulletinService bulletins, LimitClock clock, ObjectMapper json,
      @Value("${duban.notice.issuing-office:县委县政府督查室}") String office) {
    this.bulletins = bulletins;
    this.clock = clock;
    this.json = json;
    this.office = office;
  }

  /**
   * The page's content: the head (office, title, status), the office's comment, the county's and
   * each unit's figures, the units named, the items, and the charts' data as JSON for the canvases.
   */
  public record Page(Long id, String office, String title, String period, boolean published, String status,
      String issuedOn, String comment, String computedAt, BulletinFigures figures, String levelChart,
      String rateChart, String summary) {
  }

  public Page page(Bulletin b) {
    BulletinFigures f = bulletins.figures(b);
    Instant issued = b.published() ? b.getPublishedAt() : b.getComputedAt();
    String status = b.published() ? "已发布（" + MINUTE.format(b.getPublishedAt().atZone(clock.zone())) + "）"
        : "通报稿，待督查室审核发布";
    return new Page(b.getId(), office, b.getTitle(), new BulletinService.Period(b.getPeriodFrom(), b.getPeriodTo()).text(),
        b.published(), status, DAY.format(issued.atZone(clock.zone())), b.getComment(),
        MINUTE.format(f.computedAt().atZone(clock.zone())), f, write(f.charts()),
        write(Map.of("units", f.units().stream().filter(u -> u.onTimeRate() != null).map(UnitLine::unitName).toList(),
            "rates", f.units().stream().filter(u -> u.onTimeRate() != null).map(UnitLine::onTimeRate).toList())),
        summary(f));
  }

  public ModelAndView view(Bulletin b) {
    return new ModelAndView("bulletin", Map.of("page", page(b)));
  }

  /** The opening paragraph: the county's figures in words. */
  static String summary(BulletinFigures f) {
    UnitLine t = f.total();
    return "本期全县新立项督查事项" + t.registered() + "件，按期办结" + t.closedOnTime() + "件，逾期办结" + t.closedLate()
        + "件；期末在办" + t.open() + "件，其中已逾期" + t.overdue() + "件。本期发出限期催办单（黄色）" + t.yellowNotices()
        + "份、限期具结单（红色）" + t.redNotices() + "份，各单位记分合计" + BulletinCompiler.signed(t.points()) + "分。";
  }

  /** The bulletin as a workbook: the units' figures, the units named, the items praised and criticised. */
  public byte[] xlsx(Bulletin b) {
    BulletinFigures f = bulletins.figures(b);
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      Sheet units = book.createSheet("各单位督办情况");
      units.createRow(0).createCell(0).setCellValue(b.getTitle() + "　" + (b.published() ? "已发布" : "通报稿"));
      head(units, 1, header, "名次", "单位", "新立项", "按期办结", "逾期办结", "期末在办", "其中逾期", "黄色催办单",
          "红色具结单", "记分", "按期办结率（%）");
      int r = 2;
      for (UnitLine u : f.units()) {
        unitRow(units.createRow(r++), u);
      }
      unitRow(units.createRow(r++), f.total());
      if (b.getComment() != null) {
        units.createRow(++r).createCell(0).setCellValue("审核意见：" + b.getComment());
      }
      Sheet ranked = book.createSheet("先进与后进");
      head(ranked, 0, header, "类别", "单位", "情况");
      r = 1;
      r = rankedRows(ranked, r, "表扬", f.best());
      rankedRows(ranked, r, "督促", f.worst());
      itemSheet(book.createSheet("表扬事项"), header, f.praised());
      itemSheet(book.createSheet("批评事项"), header, f.criticised());
      for (Sheet s : List.of(units, ranked)) {
        for (int c = 0; c < 11; c++) {
          s.setColumnWidth(c, (c == 1 ? 24 : c == 2 && s == ranked ? 60 : 11) * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void unitRow(Row row, UnitLine u) {
    if (u.rank() > 0) {
      row.createCell(0).setCellValue(u.rank());
    }
    row.createCell(1).setCellValue(u.unitName());
    int[] counts = {u.registered(), u.closedOnTime(), u.closedLate(), u.open(), u.overdue(), u.yellowNotices(),
        u.redNotices()};
    for (int i = 0; i < counts.length; i++) {
      row.createCell(2 + i).setCellValue(counts[i]);
    }
    row.createCell(9).setCellValue(u.points().doubleValue());
    if (u.onTimeRate() != null) {
      row.createCell(10).setCellValue(u.onTimeRate());
    }
  }

  private static int rankedRows(Sheet sheet, int r, String kind, List<Ranked> units) {
    for (Ranked u : units) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(kind);
      row.createCell(1).setCellValue(u.unitName());
      row.createCell(2).setCellValue(u.why());
    }
    return r;
  }

  private static void itemSheet(Sheet sheet, CellStyle header, List<Item> items) {
    head(sheet, 0, header, "编号", "事项", "单位", "事由", "日期", "记分");
    int r = 1;
    for (Item i : items) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(i.caseNumber());
      row.createCell(1).setCellValue(i.title());
      row.createCell(2).setCellValue(i.unitName());
      row.createCell(3).setCellValue(i.reason());
      row.createCell(4).setCellValue(String.valueOf(i.day()));
      row.createCell(5).setCellValue(i.points().doubleValue());
    }
    int[] widths = {16, 40, 24, 30, 12, 8};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
  }

  private static void head(Sheet sheet, int index, CellStyle style, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(values[i]);
      cell.setCellStyle(style);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
