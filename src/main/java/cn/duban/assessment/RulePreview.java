package cn.duban.assessment;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.complaint.ComplaintService;
import cn.duban.engine.Decisions;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.organization.OrganizationService;
import cn.duban.supervision.CaseScoring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A changed rule table previewed before it is deployed (issue 15): an analyst uploads
 * case-score.dmn, complaint-score.dmn or annual-grade.dmn as changed in Modeler; the DMN engine
 * parses it without deploying it, the year's events are scored again with it and with today's
 * table by the same code that books them (CaseScoring, ComplaintService: only the table differs),
 * and the year's ranking and grades are computed from both as the annual assessment computes them.
 * The answer shows both side by side and what would change. Nothing is booked or stored: the
 * bookings are only summed, the results are never saved, and the tables are evaluated in memory.
 */
@Service
public class RulePreview {

  static final String CASE_SCORE = CaseScoring.DECISION_KEY;
  static final String COMPLAINT_SCORE = "complaint-score";

  /** What the application reads of each table it previews: the same names and types as the code asks. */
  static final Map<String, Decisions.Columns> TABLES = Map.of(
      CASE_SCORE, scoreColumns(),
      COMPLAINT_SCORE, scoreColumns(),
      AssessmentService.GRADE_DECISION, new Decisions.Columns(
          Map.of("score", "double", "excellentBarred", "boolean", "competentBarred", "boolean", "incompetent", "boolean"),
          Map.of("grade", "string", "ruleRef", "string", "ruleLabel", "string")));

  private static Decisions.Columns scoreColumns() {
    return new Decisions.Columns(Map.of("event", "string", "role", "string"),
        Map.of("points", "double", "ruleRef", "string", "ruleLabel", "string"));
  }

  private final Decisions decisions;
  private final AssessmentService assessment;
  private final CaseScoring caseScoring;
  private final ComplaintService complaints;
  private final Ledger ledger;
  private final OrganizationService organization;
  private final LimitClock clock;

  public RulePreview(Decisions decisions, AssessmentService assessment, CaseScoring caseScoring,
      ComplaintService complaints, Ledger ledger, OrganizationService organization, LimitClock clock) {
    this.decisions = decisions;
    this.assessment = assessment;
    this.caseScoring = caseScoring;
    this.complaints = complaints;
    this.ledger = ledger;
    this.organization = organization;
    this.clock = clock;
  }

  /** A unit today and with the uploaded table. */
  public record UnitLine(String unitCode, String unitName, BigDecimal scoreToday, int rankToday, String tierToday,
      BigDecimal scorePreview, int rankPreview, String tierPreview, boolean changed) {
  }

  /** A person today and with the uploaded table. */
  public record PersonLine(String personId, String personName, String unitName, BigDecimal scoreToday,
      String gradeToday, BigDecimal scorePreview, String gradePreview, String reasonsPreview, boolean changed) {
  }

  /** A rule of the score table: how often it books and how many points, today and with the uploaded table. */
  public record RuleLine(String rule, String subject, String labelToday, int entriesToday, BigDecimal pointsToday,
      String labelPreview, int entriesPreview, BigDecimal pointsPreview, boolean changed) {
  }

  public record Preview(int year, String decisionKey, String decisionName, String fileName, String summary,
      int unitsChanged, int peopleChanged, List<RuleLine> rules, List<UnitLine> units, List<PersonLine> people) {
  }

  /** The year to preview: this year, unless named. */
  public int year(Integer year) {
    int thisYear = clock.today().getYear();
    if (year == null) {
      return thisYear;
    }
    if (year < 2000 || year > thisYear) {
      throw new InputException("year", "预览年度须是2000年至" + thisYear + "年（year）");
    }
    return year;
  }

  @Transactional(readOnly = true)
  public Preview preview(int year, byte[] dmn, String fileName) {
    if (dmn == null || dmn.length == 0) {
      throw new InputException("file", "请选择修改后的决策表文件（.dmn）（file）");
    }
    Decisions.Uploaded uploaded = decisions.parse(dmn, TABLES, "file");
    Map<SubjectType, Map<String, BigDecimal>> booked = assessment.totals(year);
    Map<SubjectType, Map<String, BigDecimal>> today;
    Map<SubjectType, Map<String, BigDecimal>> preview;
    List<RuleLine> rules = List.of();
    Decisions.Table gradesToday = decisions.table(AssessmentService.GRADE_DECISION);
    Decisions.Table gradesPreview = gradesToday;
    Function<Decisions.Table, List<Ledger.Booking>> rescore = switch (uploaded.key()) {
      case CASE_SCORE -> table -> caseScoring.rescore(year, table);
      case COMPLAINT_SCORE -> table -> complaints.rescore(year, table);
      default -> null;
    };
    if (rescore != null) {
      String source = uploaded.key().equals(CASE_SCORE) ? CaseScoring.SOURCE_TYPE : ComplaintService.LEDGER_SOURCE;
      List<Ledger.Booking> byToday = rescore.apply(decisions.table(uploaded.key()));
      List<Ledger.Booking> byUpload = rescore.apply(uploaded.table());
      List<LedgerEntry> entries = ledger.ofYear(year, source);
      today = replaced(booked, entries, byToday);
      preview = replaced(booked, entries, byUpload);
      rules = rules(byToday, byUpload);
    } else {
      today = booked;
      preview = booked;
      gradesPreview = uploaded.table();
    }
    AssessmentService.Projection now = assessment.project(year, today, gradesToday);
    AssessmentService.Projection then = assessment.project(year, preview, gradesPreview);
    List<UnitLine> units = units(now.units(), then.units());
    List<PersonLine> people = people(now.people(), then.people());
    int unitsChanged = (int) units.stream().filter(UnitLine::changed).count();
    int peopleChanged = (int) people.stream().filter(PersonLine::changed).count();
    String name = uploaded.name() == null ? uploaded.key() : uploaded.name();
    String summary = unitsChanged == 0 && peopleChanged == 0
        ? "按上传的“" + name + "”重新计算" + year + "年度已发生的事项，各单位和人员的得分、档次和等次均无变化"
        : "按上传的“" + name + "”重新计算" + year + "年度已发生的事项：" + unitsChanged + "个单位、" + peopleChanged
            + "名人员的得分、名次、档次或等次将有变化（仅为预览，未记分、未部署）";
    return new Preview(year, uploaded.key(), name, fileName, summary, unitsChanged, peopleChanged, rules, units, people);
  }

  /** The booked totals with one source's entries replaced by other bookings of the same events. */
  private static Map<SubjectType, Map<String, BigDecimal>> replaced(Map<SubjectType, Map<String, BigDecimal>> booked,
      List<LedgerEntry> entries, List<Ledger.Booking> bookings) {
    Map<SubjectType, Map<String, BigDecimal>> totals = new EnumMap<>(SubjectType.class);
    booked.forEach((type, subjects) -> totals.put(type, new HashMap<>(subjects)));
    for (LedgerEntry e : entries) {
      totals.computeIfAbsent(e.getSubjectType(), t -> new HashMap<>()).merge(e.getSubjectId(), e.getPoints().negate(),
          BigDecimal::add);
    }
    for (Ledger.Booking b : bookings) {
      totals.computeIfAbsent(b.subjectType(), t -> new HashMap<>()).merge(b.subjectId(), b.points(), BigDecimal::add);
    }
    return totals;
  }

  private record RuleKey(String rule, SubjectType subject) {
  }

  private record Sum(String label, int entries, BigDecimal points) {
  }

  private static List<RuleLine> rules(List<Ledger.Booking> today, List<Ledger.Booking> upload) {
    Map<RuleKey, Sum> before = sums(today);
    Map<RuleKey, Sum> after = sums(upload);
    Map<RuleKey, Boolean> keys = new LinkedHashMap<>();
    before.keySet().forEach(k -> keys.put(k, true));
    after.keySet().forEach(k -> keys.put(k, true));
    List<RuleLine> lines = new ArrayList<>();
    Sum none = new Sum("（无此规则）", 0, BigDecimal.ZERO);
    for (RuleKey k : keys.keySet()) {
      Sum b = before.getOrDefault(k, none);
      Sum a = after.getOrDefault(k, none);
      lines.add(new RuleLine(k.rule(), k.subject() == SubjectType.UNIT ? "单位" : "个人", b.label(), b.entries(), b.points(),
          a.label(), a.entries(), a.points(), b.entries() != a.entries() || b.points().compareTo(a.points()) != 0
              || !Objects.equals(b.label(), a.label())));
    }
    return lines;
  }

  private static Map<RuleKey, Sum> sums(List<Ledger.Booking> bookings) {
    Map<RuleKey, Sum> sums = new TreeMap<>((x, y) -> (x.rule() + x.subject()).compareTo(y.rule() + y.subject()));
    for (Ledger.Booking b : bookings) {
      sums.merge(new RuleKey(b.rule(), b.subjectType()), new Sum(b.ruleRef() + " " + b.ruleLabel(), 1, b.points()),
          (x, y) -> new Sum(x.label(), x.entries() + y.entries(), x.points().add(y.points())));
    }
    return sums;
  }

  private static List<UnitLine> units(List<UnitResult> today, List<UnitResult> preview) {
    Map<String, UnitResult> after = new HashMap<>();
    preview.forEach(u -> after.put(u.getUnitCode(), u));
    return today.stream().map(u -> {
      UnitResult a = after.get(u.getUnitCode());
      boolean changed = u.getScore().compareTo(a.getScore()) != 0 || u.getRank() != a.getRank() || u.getTier() != a.getTier();
      return new UnitLine(u.getUnitCode(), u.getUnitName(), plain(u.getScore()), u.getRank(), u.getTier().label(),
          plain(a.getScore()), a.getRank(), a.getTier().label(), changed);
    }).sorted((x, y) -> x.rankPreview() != y.rankPreview() ? Integer.compare(x.rankPreview(), y.rankPreview())
        : x.unitCode().compareTo(y.unitCode())).toList();
  }

  private List<PersonLine> people(List<PersonResult> today, List<PersonResult> preview) {
    Map<String, PersonResult> after = new HashMap<>();
    preview.forEach(p -> after.put(p.getPersonId(), p));
    return today.stream().map(p -> {
      PersonResult a = after.get(p.getPersonId());
      boolean changed = p.getScore().compareTo(a.getScore()) != 0 || p.getGrade() != a.getGrade();
      return new PersonLine(p.getPersonId(), p.getPersonName(),
          p.getUnitCode() == null ? "县直机关" : organization.unitName(p.getUnitCode()), plain(p.getScore()),
          p.getGrade().label(), plain(a.getScore()), a.getGrade().label(), a.getReasons(), changed);
    }).sorted((x, y) -> x.changed() != y.changed() ? (x.changed() ? -1 : 1)
        : (x.unitName() + x.personId()).compareTo(y.unitName() + y.personId())).toList();
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  // ---------------------------------------------------------------- as a workbook

  /** The preview as an Excel workbook: what changes, the units, the people; changed lines marked. */
  public byte[] xlsx(Preview p) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle changed = book.createCellStyle();
      changed.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
      changed.setFillPattern(FillPatternType.SOLID_FOREGROUND);

      Sheet summary = book.createSheet("变化概要");
      row(summary, 0, header, "决策表", p.decisionName() + "（" + p.decisionKey() + "）");
      row(summary, 1, null, "上传文件", Objects.requireNonNullElse(p.fileName(), ""));
      row(summary, 2, null, "年度", String.valueOf(p.year()));
      row(summary, 3, null, "结论", p.summary());
      int r = 5;
      if (!p.rules().isEmpty()) {
        row(summary, r++, header, "规则", "对象", "现行规则", "现行次数", "现行分值合计", "预览规则", "预览次数",
            "预览分值合计", "有变化");
        for (RuleLine l : p.rules()) {
          Row row = row(summary, r++, l.changed() ? changed : null, l.rule(), l.subject(), l.labelToday(), null, null,
              l.labelPreview(), null, null, l.changed() ? "是" : "");
          number(row, 3, l.entriesToday(), l.changed() ? changed : null);
          number(row, 4, l.pointsToday().doubleValue(), l.changed() ? changed : null);
          number(row, 6, l.entriesPreview(), l.changed() ? changed : null);
          number(row, 7, l.pointsPreview().doubleValue(), l.changed() ? changed : null);
        }
      }

      Sheet units = book.createSheet("单位得分与档次");
      row(units, 0, header, "单位", "现行得分", "现行名次", "现行档次", "预览得分", "预览名次", "预览档次", "有变化");
      r = 1;
      for (UnitLine u : p.units()) {
        CellStyle style = u.changed() ? changed : null;
        Row row = row(units, r++, style, u.unitName(), null, null, u.tierToday(), null, null, u.tierPreview(),
            u.changed() ? "是" : "");
        number(row, 1, u.scoreToday().doubleValue(), style);
        number(row, 2, u.rankToday(), style);
        number(row, 4, u.scorePreview().doubleValue(), style);
        number(row, 5, u.rankPreview(), style);
      }

      Sheet people = book.createSheet("个人得分与等次");
      row(people, 0, header, "姓名", "单位", "现行得分", "现行等次", "预览得分", "预览等次", "预览依据", "有变化");
      r = 1;
      for (PersonLine l : p.people()) {
        CellStyle style = l.changed() ? changed : null;
        Row row = row(people, r++, style, l.personName(), l.unitName(), null, l.gradeToday(), null, l.gradePreview(),
            l.reasonsPreview(), l.changed() ? "是" : "");
        number(row, 2, l.scoreToday().doubleValue(), style);
        number(row, 4, l.scorePreview().doubleValue(), style);
      }
      for (Sheet s : List.of(summary, units, people)) {
        for (int c = 0; c < 9; c++) {
          s.setColumnWidth(c, (s == summary && c == 1) || (s == people && c == 6) ? 50 * 256 : 16 * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row row(Sheet sheet, int index, CellStyle style, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Cell cell = row.createCell(i);
      if (values[i] != null) {
        cell.setCellValue(values[i]);
      }
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
    return row;
  }

  private static void number(Row row, int column, double value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }
}
