package cn.duban.supervision;

import cn.duban.organization.Person;
import cn.duban.organization.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * R29: the task-breakdown sheet (任务分解表) as an xlsx workbook: the template the application hands
 * out, and the reading of a filled-in sheet into rows as typed. Reading checks only the file's
 * shape (a workbook, the header, the number of rows); what a cell says is checked by
 * {@link Breakdown}, every row at once.
 */
final class BreakdownSheet {

  static final String SHEET_NAME = "任务分解表";
  static final String ORGANIZATION_SHEET = "单位和人员";
  static final String FILE_NAME = "任务分解表.xlsx";
  /** One sheet registers at most this many cases; a larger breakdown goes in several sheets. */
  static final int MAX_ROWS = 1000;
  private static final int TEMPLATE_ROWS = 500;

  private BreakdownSheet() {
  }

  /**
   * The template: the header with a note on every column, text and date formats that keep what is
   * typed as it is typed, a list of the units to pick the lead unit from, and a second sheet
   * naming the units and people with their codes and accounts.
   */
  static byte[] template(String parentTitle, List<Unit> units, List<Person> people) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(SHEET_NAME);
      Sheet org = book.createSheet(ORGANIZATION_SHEET);
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle head = book.createCellStyle();
      head.setFont(bold);
      head.setWrapText(true);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle text = book.createCellStyle();
      text.setDataFormat(book.createDataFormat().getFormat("@"));
      text.setWrapText(true);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));

      Row header = sheet.createRow(0);
      Drawing<?> drawing = sheet.createDrawingPatriarch();
      BreakdownColumn[] columns = BreakdownColumn.values();
      for (int i = 0; i < columns.length; i++) {
        BreakdownColumn column = columns[i];
        Cell cell = header.createCell(i);
        cell.setCellValue(column.header());
        cell.setCellStyle(head);
        ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
        anchor.setCol1(i);
        anchor.setCol2(i + 3);
        anchor.setRow1(0);
        anchor.setRow2(4);
        Comment note = drawing.createCellComment(anchor);
        note.setString(book.getCreationHelper().createRichTextString(column.hint()));
        cell.setCellComment(note);
        sheet.setColumnWidth(i, column.width() * 256);
        sheet.setDefaultColumnStyle(i, column == BreakdownColumn.DEADLINE ? date : text);
      }
      sheet.createFreezePane(0, 1);

      Row orgHead = org.createRow(0);
      String[] orgHeaders = {"单位名称", "单位代码", "", "人员姓名", "账号", "职务", "所在单位"};
      for (int i = 0; i < orgHeaders.length; i++) {
        Cell c = orgHead.createCell(i);
        c.setCellValue(orgHeaders[i]);
        c.setCellStyle(head);
        org.setColumnWidth(i, (i == 2 ? 4 : 18) * 256);
      }
      int rows = Math.max(units.size(), people.size());
      for (int r = 0; r < rows; r++) {
        Row row = org.createRow(r + 1);
        if (r < units.size()) {
          row.createCell(0).setCellValue(units.get(r).getName());
          row.createCell(1).setCellValue(units.get(r).getCode());
        }
        if (r < people.size()) {
          Person p = people.get(r);
          row.createCell(3).setCellValue(p.getName());
          row.createCell(4).setCellValue(p.getId());
          row.createCell(5).setCellValue(p.getTitle() == null ? "" : p.getTitle());
          String unit = p.getUnitCode() == null ? "" : units.stream().filter(u -> u.getCode().equals(p.getUnitCode()))
              .map(Unit::getName).findFirst().orElse(p.getUnitCode());
          row.createCell(6).setCellValue(unit);
        }
      }
      if (!units.isEmpty()) {
        // the lead unit picked from the list of units; typing a name or code is still allowed
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation pick = helper.createValidation(
            helper.createFormulaListConstraint("'" + ORGANIZATION_SHEET + "'!$A$2:$A$" + (units.size() + 1)),
            new CellRangeAddressList(1, TEMPLATE_ROWS, BreakdownColumn.LEAD_UNIT.ordinal(),
                BreakdownColumn.LEAD_UNIT.ordinal()));
        pick.setShowErrorBox(false);
        sheet.addValidationData(pick);
      }
      if (parentTitle != null) {
        book.getProperties().getCoreProperties().setTitle(SHEET_NAME + "：" + parentTitle);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a filled-in sheet (the first sheet of the workbook), blank rows left out, each with
   * its row number as Excel shows it. A file that is no workbook, or whose header lacks a
   * required column, is refused whole.
   */
  static List<BreakdownRow> read(InputStream in) {
    try (Workbook book = WorkbookFactory.create(in)) {
      if (book.getNumberOfSheets() == 0) {
        throw refused(0, "", "文件中没有工作表");
      }
      Sheet sheet = book.getSheet(SHEET_NAME) != null ? book.getSheet(SHEET_NAME) : book.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
      Row header = sheet.getRow(sheet.getFirstRowNum());
      if (header == null) {
        throw refused(1, "", "工作表为空，请使用下载的模板填写");
      }
      Map<BreakdownColumn, Integer> at = new EnumMap<>(BreakdownColumn.class);
      for (Cell cell : header) {
        BreakdownColumn.ofHeader(formatter.formatCellValue(cell)).ifPresent(c -> at.putIfAbsent(c, cell.getColumnIndex()));
      }
      List<BreakdownProblem> missing = new ArrayList<>();
      for (BreakdownColumn c : BreakdownColumn.values()) {
        if (c.required() && !at.containsKey(c)) {
          missing.add(new BreakdownProblem(header.getRowNum() + 1, c.label(), "表头缺少此列，请使用下载的模板填写"));
        }
      }
      if (!missing.isEmpty()) {
        throw new BreakdownException("file", missing);
      }
      List<BreakdownRow> rows = new ArrayList<>();
      for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<BreakdownColumn, String> cells = new EnumMap<>(BreakdownColumn.class);
        at.forEach((column, index) -> cells.put(column, value(row.getCell(index), column, formatter, evaluator)));
        BreakdownRow read = new BreakdownRow(r + 1, cells);
        if (!read.isBlank()) {
          rows.add(read);
        }
        if (rows.size() > MAX_ROWS) {
          throw refused(0, "", "一张任务分解表最多" + MAX_ROWS + "行，请分成几张表上传");
        }
      }
      if (rows.isEmpty()) {
        throw refused(0, "", "表中没有任务，请自第2行起每行填写一项任务");
      }
      return rows;
    } catch (EncryptedDocumentException e) {
      throw refused(0, "", "文件设有密码，请取消密码后上传");
    } catch (IOException | RuntimeException e) {
      if (e instanceof BreakdownException b) {
        throw b;
      }
      throw refused(0, "", "文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板填写");
    }
  }

  /** A cell as text: a date cell as yyyy-MM-dd, a number as shown, a formula by its value. */
  private static String value(Cell cell, BreakdownColumn column, DataFormatter formatter, FormulaEvaluator evaluator) {
    if (cell == null) {
      return null;
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      LocalDateTime at = cell.getLocalDateTimeCellValue();
      LocalDate day = at.toLocalDate();
      return day.toString();
    }
    if (type == CellType.NUMERIC && column == BreakdownColumn.DEADLINE) {
      // a date typed into a cell formatted as a number
      return DateUtil.isValidExcelDate(cell.getNumericCellValue())
          ? DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate().toString()
          : formatter.formatCellValue(cell, evaluator);
    }
    String v = formatter.formatCellValue(cell, evaluator);
    return v == null || v.isBlank() ? null : v;
  }

  private static BreakdownException refused(int row, String column, String message) {
    return new BreakdownException("file", List.of(new BreakdownProblem(row, column, message)));
  }
}
