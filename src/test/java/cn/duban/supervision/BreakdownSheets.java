package cn.duban.supervision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * R29: task-breakdown sheets as an office fills them in: the application's template with rows
 * typed into it (a date as a date cell, as Excel makes it; anything else as text).
 */
public final class BreakdownSheets {

  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private BreakdownSheets() {
  }

  /** A good row: a task of 县住房和城乡建设局 for 林晓东, due on {@code deadline}, with a milestone. */
  public static Map<BreakdownColumn, Object> row(String title, LocalDate deadline) {
    Map<BreakdownColumn, Object> row = new LinkedHashMap<>();
    row.put(BreakdownColumn.TITLE, title);
    row.put(BreakdownColumn.CONTENT, title + "，按期完成并报送成效");
    row.put(BreakdownColumn.LEAD_UNIT, "县住房和城乡建设局");
    row.put(BreakdownColumn.CO_UNITS, "县发展和改革局");
    row.put(BreakdownColumn.RESPONSIBLE_PERSON, "林晓东");
    row.put(BreakdownColumn.DEADLINE, deadline);
    row.put(BreakdownColumn.MILESTONES, deadline.minusDays(7) + " 完成方案");
    row.put(BreakdownColumn.QUALITY_CHECKLIST, "改造方案经专家评审\n居民满意度不低于90%");
    return row;
  }

  /** Many good rows, titled by number. */
  public static List<Map<BreakdownColumn, Object>> rows(String title, int count, LocalDate deadline) {
    List<Map<BreakdownColumn, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      rows.add(row(title + "（" + i + "）", deadline));
    }
    return rows;
  }

  /** The template with the rows typed in from its second row on. */
  public static byte[] fill(byte[] template, List<Map<BreakdownColumn, Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheet(BreakdownSheet.SHEET_NAME);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (Map.Entry<BreakdownColumn, Object> e : rows.get(r).entrySet()) {
          Cell cell = row.createCell(e.getKey().ordinal());
          if (e.getValue() instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (e.getValue() != null) {
            cell.setCellValue(e.getValue().toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template as the application hands it out. */
  public static byte[] template() {
    return BreakdownSheet.template(null, List.of(), List.of());
  }
}
