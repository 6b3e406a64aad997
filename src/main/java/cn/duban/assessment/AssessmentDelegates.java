package cn.duban.assessment;

import static cn.duban.assessment.AssessmentVariables.year;
import static cn.duban.common.FormValues.bool;
import static cn.duban.common.FormValues.string;
import static cn.duban.common.FormValues.strings;

import cn.duban.calendar.LimitClock;
import cn.duban.common.Actors;
import cn.duban.common.FormValues;
import cn.duban.common.InputException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of annual-assessment.bpmn, highlight-selection.bpmn, highlight-nomination.bpmn and
 * front-line-days.bpmn: read the form's variables, call the services, publish the variables.
 */
@Configuration
public class AssessmentDelegates {

  static final String ANNUAL_ASSESSMENT = "annual-assessment";
  static final String HIGHLIGHT_SELECTION = "highlight-selection";

  private final AssessmentService assessment;
  private final AssessmentSummary summary;
  private final HighlightService highlights;
  private final FrontLineService frontLine;
  private final AssessmentVariables variables;
  private final HistoryService history;

  public AssessmentDelegates(AssessmentService assessment, AssessmentSummary summary, HighlightService highlights,
      FrontLineService frontLine, AssessmentVariables variables, HistoryService history) {
    this.assessment = assessment;
    this.summary = summary;
    this.highlights = highlights;
    this.frontLine = frontLine;
    this.variables = variables;
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
      boolean byHand = ex.hasVariable(AssessmentVariables.YEAR);
      int year = assessment.yearToAssess(ex.getVariable(AssessmentVariables.YEAR));
      ex.setVariable(AssessmentVariables.YEAR, year);
      openOnce(ex, ANNUAL_ASSESSMENT, year + "年度考核", byHand, AssessmentVariables.YEAR);
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
      ex.setVariable("assessmentSummary", summary.of(year(ex)));
    };
  }

  @Bean
  public JavaDelegate recordReview() {
    return ex -> {
      String action = string(ex, "reviewAction");
      if ("ADJUST".equals(action)) {
        assessment.adjustGrade(year(ex), string(ex, "adjustPerson"), string(ex, "adjustGrade"),
            string(ex, "adjustReason"), Actors.of(ex));
      } else if ("RECOMPUTE".equals(action)) {
        assessment.compute(year(ex));
      } else if (!"CONFIRM".equals(action)) {
        throw new InputException("reviewAction", "请选择确认发布、调整等次或重新计算（reviewAction）");
      }
      if (!"CONFIRM".equals(action)) {
        ex.setVariable("assessmentSummary", summary.of(year(ex)));
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

  // ---------------------------------------------------------------- R23 highlight selection

  /** The half year from the start form, or, started by the timer, the half year that just ended; once. */
  @Bean
  public JavaDelegate openHighlightSelection() {
    return ex -> {
      boolean byHand = ex.hasVariable(AssessmentVariables.HIGHLIGHT_YEAR);
      HighlightService.Period period = highlights.period(ex.getVariable(AssessmentVariables.HIGHLIGHT_YEAR),
          ex.getVariable(AssessmentVariables.HIGHLIGHT_HALF));
      ex.setVariables(variables.period(period));
      openOnce(ex, HIGHLIGHT_SELECTION, period.text() + "亮点工作评选", byHand, AssessmentVariables.HIGHLIGHT_HALF);
    };
  }

  @Bean
  public JavaDelegate recordNomination() {
    return ex -> highlights.nominate(callerOf(ex), string(ex, "nominatingUnit"), AssessmentVariables.period(ex),
        bool(ex, "nominate"), string(ex, "highlightTitle"), string(ex, "highlightDescription"));
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
    return ex -> ex.setVariables(variables.nominations(highlights.nominations(ex.getProcessInstanceId())));
  }

  /** R23: each selected highlight books its bonus for its unit, once. */
  @Bean
  public JavaDelegate recordHighlightSelection() {
    return ex -> highlights.select(ex.getProcessInstanceId(), strings(ex, "selectedHighlights"));
  }

  // ---------------------------------------------------------------- R27 front-line days

  @Bean
  public JavaDelegate recordFrontLineDays(LimitClock clock) {
    return ex -> frontLine.record(Actors.of(ex), FormValues.date(ex, "frontLineDate", clock.zone()),
        ex.getVariable("frontLineDays"), string(ex, "frontLinePlace"), string(ex, "frontLineWork"));
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
}
