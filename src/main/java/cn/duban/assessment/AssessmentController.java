package cn.duban.assessment;

import cn.duban.accountability.AccountabilityConsequences;
import java.util.Set;
import java.util.stream.Collectors;
import cn.duban.organization.Access;
import cn.duban.organization.Groups;
import cn.duban.organization.Viewer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * R20–R22, R27: a year's results as JSON, as a printable page and as Excel; a unit's score sheet.
 * Everything for the assessment office, the organisation department, leaders and the overseeing
 * offices; a unit sees the published ranking, its own people and its own score sheet.
 */
@RestController
@RequestMapping("/api/assessment/{year}")
public class AssessmentController {

  private final AssessmentService assessment;
  private final AssessmentReports reports;
  private final Access access;
  private final AccountabilityConsequences consequences;

  public AssessmentController(AssessmentService assessment, AssessmentReports reports, Access access,
      AccountabilityConsequences consequences) {
    this.consequences = consequences;
    this.assessment = assessment;
    this.reports = reports;
    this.access = access;
  }

  /** {@code underRectification}: R13, the unit is under rectification now (its head's post may not change). */
  public record UnitView(int rank, String unitCode, String unitName, BigDecimal score, Tier tier, String tierLabel,
      boolean selfExamined, boolean headInterviewed, boolean postAdjustmentDue, boolean underRectification) {
  }

  /** {@code transferOrPromotionBarred}, {@code postChangeBar}: R13, whether and why the post may not change now. */
  public record PersonView(String personId, String personName, String unitCode, BigDecimal score, Grade proposedGrade,
      Grade grade, String gradeLabel, String reasons, String adjustReason, Integer frontLineDays,
      Integer frontLineTarget, boolean frontLineShortfall, String followUpMeasure, boolean rotationDue,
      boolean transferOrPromotionBarred, String postChangeBar) {
  }

  public record Report(int year, boolean published, Instant publishedAt, BigDecimal baseScore, List<UnitView> units,
      List<PersonView> people) {
  }

  public record SheetEntry(Instant bookedAt, String rule, String ruleRef, String ruleLabel, BigDecimal points,
      String sourceType, String sourceId, String sourceLabel) {
  }

  private AssessmentYear year(int year) {
    return assessment.findYear(year)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, year + "年度尚未考核"));
  }

  @GetMapping
  public Report report(@PathVariable int year) {
    AssessmentYear y = year(year);
    Viewer viewer = viewer();
    boolean all = readsAll(viewer);
    if (!all && !y.published()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, year + "年度考核结果尚未发布");
    }
    Set<String> rectifying = consequences.underRectification().stream()
        .map(AccountabilityConsequences.Rectification::unitCode).collect(Collectors.toSet());
    return new Report(year, y.published(), y.getPublishedAt(), y.getBaseScore(),
        assessment.units(year).stream().map(u -> new UnitView(u.getRank(), u.getUnitCode(), u.getUnitName(),
            u.getScore(), u.getTier(), u.getTier().label(), u.getSelfExamination() != null,
            u.getHeadInterviewedAt() != null, u.isPostAdjustmentDue(), rectifying.contains(u.getUnitCode()))).toList(),
        assessment.people(year).stream().filter(p -> all || viewer.ofUnit(p.getUnitCode()))
            .map(p -> {
              String bar = reports.postBar(p.getPersonId());
              return new PersonView(p.getPersonId(), p.getPersonName(), p.getUnitCode(),
                  p.getScore(), p.getProposedGrade(), p.getGrade(), p.getGrade().label(), p.getReasons(),
                  p.getAdjustReason(), p.getFrontLineDays(), p.getFrontLineTarget(), p.frontLineShortfall(),
                  p.getFollowUpMeasure(), p.isRotationDue(), !bar.isEmpty(), bar.isEmpty() ? null : bar);
            }).toList());
  }

  @GetMapping(value = "/report", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ModelAndView reportPage(@PathVariable int year) {
    requireReadsAll();
    return reports.reportView(year(year));
  }

  @GetMapping("/report.xlsx")
  public ResponseEntity<byte[]> reportWorkbook(@PathVariable int year) {
    requireReadsAll();
    year(year);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + year + ".xlsx\"")
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(reports.xlsx(year));
  }

  @GetMapping("/units/{unit}/sheet")
  public List<SheetEntry> sheet(@PathVariable int year, @PathVariable String unit) {
    assessedUnit(year, unit);
    return assessment.scoreSheet(year, unit).stream().map(e -> new SheetEntry(e.getBookedAt(), e.getRule(),
        e.getRuleRef(), e.getRuleLabel(), e.getPoints(), e.getSourceType(), e.getSourceId(),
        AssessmentService.sourceLabel(e))).toList();
  }

  @GetMapping("/units/{unit}/breakdown")
  public AssessmentService.Breakdown breakdown(@PathVariable int year, @PathVariable String unit) {
    assessedUnit(year, unit);
    return assessment.breakdown(year, unit);
  }

  @GetMapping(value = "/units/{unit}/sheet.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public ModelAndView sheetPage(@PathVariable int year, @PathVariable String unit) {
    assessedUnit(year, unit);
    return reports.sheetView(year, unit);
  }

  private void assessedUnit(int year, String unit) {
    Viewer viewer = viewer();
    if (!readsAll(viewer) && !viewer.ofUnit(unit)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看本单位的记分明细");
    }
    year(year);
    if (assessment.units(year).stream().noneMatch(u -> u.getUnitCode().equals(unit))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, year + "年度考核中没有单位“" + unit + "”");
    }
  }

  private Viewer viewer() {
    return access.viewer().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }

  private static boolean readsAll(Viewer v) {
    return v.overseesAll() || v.in(Groups.ASSESSMENT_OFFICE, Groups.ORGANIZATION_DEPARTMENT, Groups.LEADERS);
  }

  private void requireReadsAll() {
    if (!readsAll(viewer())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "考核报告仅供考核办、组织部和县领导查阅");
    }
  }
}
