package cn.duban.assessment;

import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;
import static cn.duban.common.FormValues.strings;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.common.FormValues;
import cn.duban.common.InputException;
import cn.duban.common.Inputs;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.ledger.SubjectType;
import cn.duban.ledger.Ledger;
/**
 * The delegates of annual-assessment.bpmn, highlight-selection.bpmn and front-line-days.bpmn.
 */
@Configuration
public class AssessmentDelegates {

  public static final String YEAR = "assessmentYear";
  static final String ANNUAL_ASSESSMENT = "annual-assessment";
  static final String HIGHLIGHT_SELECTION = "highlight-selection";

  private final AssessmentService assessment;
  private final HighlightRepository highlights;
  private final FrontLineRecordRepository frontLine;
  private final OrganizationService organization;
  private final Ledger ledger;
  private final LimitClock clock;
  private final AssessmentProperties properties;
  private final HistoryService history;

  public AssessmentDelegates(AssessmentService assessment, HighlightRepository highlights,
      FrontLineRecordRepository frontLine, OrganizationService organization, Ledger ledger, LimitClock clock,
      AssessmentProperties properties, HistoryService history) {
    this.assessment = assessment;
    this.highlights = highlights;
    this.frontLine = frontLine;
    this.organization = organization;
    this.ledger = ledger;
    this.clock = clock;
    this.properties = properties;
    this.history = history;
  }

  // ---------------------------------------------------------------- annual assessment

  /**
   * The year from the start form, or, started by the timer, the year that just ended. A year is
   * assessed once: started by hand for a year already under way, the start is refused; started by
   * the timer, the instance ends at once.
   */
  @Bean
  public JavaDelegate openAssessment() {
    return ex -> {
      int lastYear = clock.today().getYear() - 1;
      int year = number(ex, YEAR, lastYear);
      // a year still running has bookings to come: its results could not be final
      if (year < 2000 || year > lastYear) {
        throw new InputException(YEAR, "考核年度须是2000年至" + lastYear + "年间已结束的年度（" + YEAR + "）");
      }
      boolean byHand = ex.hasVariable(YEAR);
      ex.setVariable(YEAR, year);
      openOnce(ex, ANNUAL_ASSESSMENT, year + "年度考核", byHand, YEAR);
      // a published year is closed even when the instance that published it was cancelled later
      if (!byHand && assessment.findYear(year).map(AssessmentYear::published).orElse(false)) {
        ex.setVariable("alreadyUnderway", true);
      }
    };
  }

  @Bean
  public JavaDelegate computeAssessment() {
    return ex -> {
      assessment.compute(year(ex));
      ex.setVariable("assessmentSummary", summary(year(ex)));
    };
  }

  @Bean
  public JavaDelegate recordReview() {
    return ex -> {
      String action = string(ex, "reviewAction");
      if ("ADJUST".equals(action)) {
        assessment.adjustGrade(year(ex), string(ex, "adjustPerson"), string(ex, "adjustGrade"),
            string(ex, "adjustReason"), Actors.of(ex));
        ex.setVariable("assessmentSummary", summary(year(ex)));
      } else if ("RECOMPUTE".equals(action)) {
        assessment.compute(year(ex));
        ex.setVariable("assessmentSummary", summary(year(ex)));
      } else if (!"CONFIRM".equals(action)) {
        throw new InputException("reviewAction", "请选择确认发布、调整等次或重新计算（reviewAction）");
      }
    };
  }

  @Bean
  public JavaDelegate publishResults() {
    return ex -> assessment.publish(year(ex), Actors.of(ex));
  }

  @Bean
  public JavaDelegate recordSelfExamination() {
    return ex -> assessment.recordSelfExamination(year(ex), string(ex, "poorUnit"), string(ex, "selfExamination"));
  }

  @Bean
  public JavaDelegate recordHeadInterview() {
    return ex -> assessment.recordHeadInterview(year(ex), string(ex, "poorUnit"), string(ex, "headInterview"));
  }

  @Bean
  public JavaDelegate recordLowGradeFollowUp() {
    return ex -> assessment.recordFollowUp(year(ex), string(ex, "followUpPerson"), string(ex, "followUpMeasure"),
        string(ex, "followUpNote"));
  }

  /** A string variable holds 4000 characters; the summary stays well below. */
  static final int SUMMARY_MAX = 3800;
  private static final int NAMES_MAX = 20;
  private static final int UNITS_MAX = 30;

  /**
   * What the assessment office reviews, in the task form: the ranking as a table, the proposed
   * grades counted (named where they are not 称职), those tied for the last 优秀 places, the
   * adjustments, and the full report's address. Long lists are cut: the report has them whole.
   */
  String summary(int year) {
    StringBuilder md = new StringBuilder("**单位排名**\n\n| 名次 | 单位 | 得分 | 档次 |\n|---|---|---|---|\n");
    List<UnitResult> units = assessment.units(year);
    for (int i = 0; i < units.size(); i++) {
      if (units.size() > UNITS_MAX && i == UNITS_MAX - 10) {
        md.append("| …… | 共").append(units.size()).append("个单位 | | |\n");
        i = units.size() - 10;
      }
      UnitResult u = units.get(i);
      md.append("| ").append(u.getRank()).append(" | ").append(u.getUnitName()).append(" | ")
          .append(u.getScore().stripTrailingZeros().toPlainString()).append(" | ").append(u.getTier().label())
          .append(" |\n");
    }
    List<PersonResult> people = assessment.people(year);
    Map<Grade, List<PersonResult>> byGrade = people.stream()
        .collect(Collectors.groupingBy(PersonResult::getGrade, () -> new EnumMap<>(Grade.class), Collectors.toList()));
    md.append("\n**拟定等次**：").append(Arrays.stream(Grade.values()).map(g -> {
      List<PersonResult> graded = byGrade.getOrDefault(g, List.of());
      return g.label() + " " + graded.size() + "人" + (g == Grade.COMPETENT || graded.isEmpty() ? ""
          : "（" + names(graded.stream().map(PersonResult::getPersonName).toList()) + "）");
    }).collect(Collectors.joining("；")));
    List<String> tied = people.stream()
        .filter(p -> p.getGrade() == Grade.COMPETENT && p.getReasons().contains(AssessmentService.REVIEW_CHOOSES))
        .map(PersonResult::getPersonName).toList();
    if (!tied.isEmpty()) {
      md.append("\n\n**同分争优秀名额，请选定**：").append(names(tied));
    }
    List<String> adjusted = people.stream().filter(p -> p.getAdjustReason() != null)
        .map(p -> p.getPersonName() + "调整为" + p.getGrade().label()).toList();
    if (!adjusted.isEmpty()) {
      md.append("\n\n**已调整**：").append(names(adjusted));
    }
    String report = "\n\n完整报告（可打印，可下载Excel）：/api/assessment/" + year + "/report";
    if (md.length() > SUMMARY_MAX - report.length()) {
      md.setLength(SUMMARY_MAX - report.length() - 10);
      md.append("……（未完）");
    }
    return md.append(report).toString();
  }

  private static String names(List<String> names) {
    return names.size() <= NAMES_MAX ? String.join("、", names)
        : String.join("、", names.subList(0, NAMES_MAX)) + "等" + names.size() + "人";
  }

  // ---------------------------------------------------------------- R23 highlight selection

  /** The half year from the start form, or, started by the timer, the half year that just ended; once. */
  @Bean
  public JavaDelegate openHighlightSelection() {
    return ex -> {
      LocalDate today = clock.today();
      boolean byHand = ex.hasVariable("highlightYear");
      int year = number(ex, "highlightYear", today.getMonthValue() <= 6 ? today.getYear() - 1 : today.getYear());
      int half = number(ex, "highlightHalf", today.getMonthValue() <= 6 ? 2 : 1);
      if (half != 1 && half != 2) {
        throw new InputException("highlightHalf", "请选择上半年或下半年（highlightHalf）");
      }
      if (year < 2000 || LocalDate.of(year, half == 1 ? 1 : 7, 1).isAfter(today)) {
        throw new InputException("highlightYear", "评选期须是已经开始的半年（highlightYear）");
      }
      String period = year + "年" + (half == 1 ? "上半年" : "下半年");
      ex.setVariable("highlightYear", year);
      ex.setVariable("highlightHalf", half);
      ex.setVariable("highlightPeriodText", period);
      openOnce(ex, HIGHLIGHT_SELECTION, period + "亮点工作评选", byHand, "highlightHalf");
    };
  }

  @Bean
  public JavaDelegate recordNomination() {
    return ex -> {
      Boolean nominate = bool(ex, "nominate");
      if (nominate == null) {
        throw new InputException("nominate", "请选择是否申报（nominate）");
      }
      String unit = string(ex, "nominatingUnit");
      String selection = callerOf(ex);
      if (nominate && highlights.findByProcessInstanceIdAndUnitCode(selection, unit).isEmpty()) {
        highlights.save(new Highlight(number(ex, "highlightYear", 0), number(ex, "highlightHalf", 0), unit,
            Inputs.text("highlightTitle", string(ex, "highlightTitle"), "亮点工作名称", 255),
            Inputs.text("highlightDescription", string(ex, "highlightDescription"), "亮点工作简介", 2000),
            selection, clock.now()));
      }
    };
  }

  /**
   * The highlight selection a unit's nomination belongs to: the process that called the
   * nomination's own (highlight-nomination.bpmn), which keeps each unit's input from the others.
   */
  private static String callerOf(DelegateExecution ex) {
    DelegateExecution caller = ex.getProcessInstance().getSuperExecution();
    return caller == null ? ex.getProcessInstanceId() : caller.getProcessInstanceId();
  }

  @Bean
  public JavaDelegate prepareHighlightSelection() {
    return ex -> {
      List<Highlight> nominated = highlights.findByProcessInstanceIdOrderById(ex.getProcessInstanceId());
      ex.setVariable("nominationCount", nominated.size());
      ex.setVariable("nominationOptions", FormValues.json(nominated.stream()
          .map(h -> Map.of("label", organization.unitName(h.getUnitCode()) + "：" + h.getTitle(),
              "value", h.getId().toString()))
          .toList()));
    };
  }

  /** R23: each selected highlight books its bonus for its unit, once. */
  @Bean
  public JavaDelegate recordHighlightSelection() {
    return ex -> {
      List<String> selected = strings(ex, "selectedHighlights");
      for (Highlight h : highlights.findByProcessInstanceIdOrderById(ex.getProcessInstanceId())) {
        if (selected.contains(h.getId().toString())) {
          h.select();
          BigDecimal bonus = properties.highlightBonus();
          ledger.book(new Ledger.Booking("HIGHLIGHT:" + h.getId(), SubjectType.UNIT, h.getUnitCode(), "HIGHLIGHT",
              "R23", "亮点工作：" + h.getTitle(), bonus, "HIGHLIGHT", h.getId().toString(),
              h.getYear() + "H" + h.getHalf()), clock.now(), h.getYear(), clock.zone());
        }
      }
    };
  }

  // ---------------------------------------------------------------- R27 front-line days

  @Bean
  public JavaDelegate recordFrontLineDays() {
    return ex -> {
      String personId = Actors.of(ex);
      Person person = organization.person("person", personId);
      if (person.getRoles().stream().noneMatch(r -> properties.frontLineTargets().containsKey(r))) {
        throw new InputException("person", "只有县领导、部门主要负责人和乡镇党委书记登记一线工作日（person）");
      }
      String date = FormValues.date(ex, "frontLineDate", clock.zone());
      LocalDate start;
      try {
        start = LocalDate.parse(date == null ? "" : date.length() > 10 ? date.substring(0, 10) : date);
      } catch (Exception e) {
        throw new InputException("frontLineDate", "请填写开始日期（frontLineDate）");
      }
      if (start.isAfter(clock.today())) {
        throw new InputException("frontLineDate", "不能登记今后的日期（frontLineDate）");
      }
      int days = number(ex, "frontLineDays", 0);
      if (days < 1 || days > FrontLineRecord.MAX_DAYS) {
        throw new InputException("frontLineDays", "天数须在1至" + FrontLineRecord.MAX_DAYS + "之间（frontLineDays）");
      }
      LocalDate end = start.plusDays(days - 1L);
      frontLine.findByPersonIdAndStartDateBetween(person.getId(), start.minusDays(FrontLineRecord.MAX_DAYS), end)
          .stream().filter(f -> !f.endDate().isBefore(start)).findFirst().ifPresent(f -> {
            throw new InputException("frontLineDate", "与已登记的" + f.getStartDate() + "起" + f.getDays()
                + "天重叠，同一天不能登记两次（frontLineDate）");
          });
      frontLine.save(new FrontLineRecord(person.getId(), start, days,
          Inputs.text("frontLinePlace", string(ex, "frontLinePlace"), "地点", 255),
          Inputs.text("frontLineWork", string(ex, "frontLineWork"), "工作内容", 2000), clock.now()));
    };
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Names the instance by its period and sees that no other instance has the period, running or
   * completed (cancelled ones do not count): a start by hand is then refused, a start by the timer
   * sets {@code alreadyUnderway} for the process to end.
   */
  private void openOnce(DelegateExecution ex, String processKey, String businessKey, boolean byHand, String field) {
    ex.setProcessBusinessKey(businessKey);
    boolean another = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list().stream()
        .anyMatch(h -> !h.getId().equals(ex.getProcessInstanceId()) && !h.getState().endsWith("TERMINATED"));
    if (another && byHand) {
      throw new InputException(field, businessKey + "已经启动过，不能重复启动（" + field + "）");
    }
    ex.setVariable("alreadyUnderway", another);
  }

  private static int year(DelegateExecution ex) {
    return ((Number) ex.getVariable(YEAR)).intValue();
  }

  /** A whole number from a form field, or the fallback when the field is empty. */
  private static int number(DelegateExecution ex, String name, int fallback) {
    Object v = ex.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.toString());
      if (d != Math.rint(d)) {
        throw new NumberFormatException();
      }
      return (int) d;
    } catch (NumberFormatException e) {
      throw new InputException(name, "“" + v + "”不是整数（" + name + "）");
    }
  }
}
