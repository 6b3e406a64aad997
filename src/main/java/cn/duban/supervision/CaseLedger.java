package cn.duban.supervision;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeRepository;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Viewer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R34 督办台账: every case with its number, source, title, lead and co-units, responsible person,
 * deadline, level, state, notices and closure, filtered by year, unit, level, state and source, as
 * the caller may see it ({@link Viewer#mayRead}, as {@code /api/cases}): a unit its own rows. As
 * rows for JSON and the page, as an Excel workbook, and drawn as {@link CaseCharts}. Read only,
 * never inside a case's own transaction.
 */
@Component
public class CaseLedger {

  private final SupervisionCaseRepository cases;
  private final NoticeRepository notices;
  private final OrganizationService organization;
  private final LimitClock clock;

  public CaseLedger(SupervisionCaseRepository cases, NoticeRepository notices, OrganizationService organization,
      LimitClock clock) {
    this.cases = cases;
    this.notices = notices;
    this.organization = organization;
    this.clock = clock;
  }

  /** The filters of the 台账 and of {@code /api/cases}; null: any. */
  public record Filter(int year, String unit, WarningLevel level, CaseStatus status, CaseSource source) {

    /** Whether the case passes: the unit leads it or helps with it. */
    boolean admits(SupervisionCase c) {
      return (unit == null || c.unitCodes().contains(unit)) && (level == null || c.getWarningLevel() == level)
          && (status == null || c.getStatus() == status) && (source == null || c.getSource() == source);
    }
  }

  /**
   * The filters as the query gives them, checked: a year from 2000 to 2100 (none: this year), a
   * unit that exists, a level, state or source by its code; anything else is refused naming the
   * parameter.
   */
  public Filter filter(Integer year, String unit, String level, String status, String source) {
    int y = year != null ? year : clock.today().getYear();
    if (y < 2000 || y > 2100) {
      throw new InputException("year", "年度须在2000至2100之间（year）");
    }
    String u = blank(unit) ? null : unit.strip();
    if (u != null && organization.findUnit(u).isEmpty()) {
      throw new InputException("unit", "单位“" + u + "”不存在（unit）");
    }
    return new Filter(y, u, code(WarningLevel.class, level, "level", "督办级别"),
        code(CaseStatus.class, status, "status", "状态"), code(CaseSource.class, source, "source", "来源"));
  }

  /** The year's cases the filter admits and the viewer may read, in numbering order. */
  @Transactional(readOnly = true)
  public List<SupervisionCase> cases(Filter filter, Viewer viewer) {
    return cases.findByYearOrderBySequence(filter.year()).stream()
        .filter(c -> filter.admits(c) && viewer.mayRead(c.viewers())).toList();
  }

  /** A notice in a 台账 row: its kind, name, day and printable page. */
  public record NoticeLine(String kind, String name, LocalDate issuedOn, String page) {
  }

  /** A row of the 台账. {@code closure}: 按期办结, 逾期办结, 已撤销 with the day, or empty while open. */
  public record LedgerRow(Long id, String caseNumber, int year, String source, String sourceLabel, String title,
      String leadUnit, String leadUnitName, List<String> coUnits, String coUnitNames, String responsiblePerson,
      String responsiblePersonName, LocalDate deadline, String level, String levelLabel, String status,
      String statusLabel, List<NoticeLine> notices, LocalDate closedOn, Boolean closedOnTime, String closure,
      String processInstanceId) {

    /** The notices as one cell: 黄色 2026-03-21、红色 2026-03-28. */
    public String noticesText() {
      return notices.stream().map(n -> n.name() + " " + n.issuedOn()).collect(Collectors.joining("、"));
    }
  }

  @Transactional(readOnly = true)
  public List<LedgerRow> rows(Filter filter, Viewer viewer) {
    return rows(cases(filter, viewer));
  }

  /** The rows of the cases, their notices read in one query. */
  public List<LedgerRow> rows(List<SupervisionCase> list) {
    ZoneId zone = clock.zone();
    Map<Long, List<Notice>> byCase = list.isEmpty() ? Map.of()
        : notices.findByCaseIdInOrderByIssuedAt(list.stream().map(SupervisionCase::getId).toList()).stream()
            .collect(Collectors.groupingBy(Notice::getCaseId));
    return list.stream().map(c -> {
      List<NoticeLine> ns = byCase.getOrDefault(c.getId(), List.of()).stream()
          .map(n -> new NoticeLine(n.getKind().name(), n.getKind().colour() + "（" + n.getKind().title() + "）",
              LocalDate.ofInstant(n.getIssuedAt(), zone), "/api/cases/" + c.getId() + "/notices/" + n.getKind().name()))
          .toList();
      LocalDate closedOn = c.getClosedAt() == null ? null : LocalDate.ofInstant(c.getClosedAt(), zone);
      String closure = closedOn != null ? closedOn + (Boolean.TRUE.equals(c.getClosedOnTime()) ? " 按期办结" : " 逾期办结")
          : c.getWithdrawnAt() != null ? LocalDate.ofInstant(c.getWithdrawnAt(), zone) + " 已撤销" : "";
      return new LedgerRow(c.getId(), c.getCaseNumber(), c.getYear(), c.getSource().name(), c.getSource().label(),
          c.getTitle(), c.getLeadUnit(), organization.unitName(c.getLeadUnit()), c.coUnitList(),
          c.coUnitList().stream().map(organization::unitName).collect(Collectors.joining("、")),
          c.getResponsiblePerson(), organization.personName(c.getResponsiblePerson()), c.getDeadline(),
          c.getWarningLevel().name(), c.getWarningLevel().label(), c.getStatus().name(), c.getStatus().label(), ns,
          closedOn, c.getClosedOnTime(), closure, c.getProcessInstanceId());
    }).toList();
  }

  /** The charts of the filtered cases: registrations by month and level, on-time closures by unit, in the year. */
  @Transactional(readOnly = true)
  public CaseCharts charts(Filter filter, Viewer viewer) {
    YearMonth last = YearMonth.of(filter.year(), 12);
    if (last.isAfter(YearMonth.from(clock.today()))) {
      last = YearMonth.from(clock.today());
    }
    ZoneId zone = clock.zone();
    return CaseCharts.of(cases(filter, viewer), last, zone, LocalDate.of(filter.year(), 1, 1).atStartOfDay(zone).toInstant(),
        LocalDate.of(filter.year() + 1, 1, 1).atStartOfDay(zone).toInstant(), organization::unitName);
  }

  /**
   * 督办看板's charts: the cases the viewer may read registered in the last twelve months by level,
   * and the closures on time by unit over the same months.
   */
  @Transactional(readOnly = true)
  public CaseCharts lastTwelveMonths(Viewer viewer) {
    YearMonth last = YearMonth.from(clock.today());
    ZoneId zone = clock.zone();
    var from = last.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant();
    // the columns the charts count and those that say who reads a case, not a year of cases as entities
    List<CaseCharts.Row> rows = cases.findChartRowsSince(from);
    List<CaseCharts.Row> seen = viewer.overseesAll() ? rows
        : rows.stream().filter(r -> viewer.mayRead(r.viewers())).toList();
    return CaseCharts.ofRows(seen, last, zone, from, last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
        organization::unitName);
  }

  /** The 台账 as an Excel workbook, one case a row, the filters stated above the table. */
  public byte[] xlsx(List<LedgerRow> rows, String filters) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      Sheet sheet = book.createSheet("督办台账");
      sheet.createRow(0).createCell(0).setCellValue("督办台账（" + filters + "）");
      String[] heads = {"编号", "来源", "事项名称", "牵头单位", "协办单位", "责任人", "完成时限", "督办级别", "状态",
          "通知单", "办结情况"};
      Row head = sheet.createRow(1);
      for (int i = 0; i < heads.length; i++) {
        Cell cell = head.createCell(i);
        cell.setCellValue(heads[i]);
        cell.setCellStyle(header);
      }
      int r = 2;
      for (LedgerRow row : rows) {
        Row line = sheet.createRow(r++);
        String[] values = {row.caseNumber(), row.sourceLabel(), row.title(), row.leadUnitName(), row.coUnitNames(),
            row.responsiblePersonName(), String.valueOf(row.deadline()), row.levelLabel(), row.statusLabel(),
            row.noticesText(), row.closure()};
        for (int i = 0; i < values.length; i++) {
          line.createCell(i).setCellValue(values[i]);
        }
      }
      int[] widths = {16, 14, 40, 22, 30, 12, 12, 10, 10, 40, 20};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 2);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A choice of a filter: its code and what people read. */
  public record Option(String code, String label) {
  }

  /** What the 台账 page offers to filter by. */
  public record Options(List<Option> units, List<Option> levels, List<Option> statuses, List<Option> sources) {
  }

  public Options options() {
    return new Options(organization.allUnits().stream().map(u -> new Option(u.getCode(), u.getName())).toList(),
        Arrays.stream(WarningLevel.values()).map(l -> new Option(l.name(), l.label())).toList(),
        Arrays.stream(CaseStatus.values()).map(l -> new Option(l.name(), l.label())).toList(),
        Arrays.stream(CaseSource.values()).map(l -> new Option(l.name(), l.label())).toList());
  }

  /** The filter in words, for the workbook's title: 2026年度，县住房和城乡建设局，黄灯. */
  public String describe(Filter f) {
    StringBuilder s = new StringBuilder(f.year() + "年度");
    if (f.unit() != null) {
      s.append("，").append(organization.unitName(f.unit()));
    }
    if (f.level() != null) {
      s.append("，").append(f.level().label());
    }
    if (f.status() != null) {
      s.append("，").append(f.status().label());
    }
    if (f.source() != null) {
      s.append("，").append(f.source().label());
    }
    return s.toString();
  }

  private static <E extends Enum<E>> E code(Class<E> type, String value, String field, String label) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new InputException(field, "“" + label + "”无效：" + value.strip() + "（" + field + "）");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
