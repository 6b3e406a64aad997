package cn.duban.assessment;

import cn.duban.common.FormValues;
import cn.duban.organization.OrganizationService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The process variables of the annual assessment and the highlight selection, in one place: the
 * year or half year the instance is for, and what the review and selection forms show.
 */
@Component
public class AssessmentVariables {

  public static final String YEAR = "assessmentYear";
  static final String HIGHLIGHT_YEAR = "highlightYear";
  static final String HIGHLIGHT_HALF = "highlightHalf";

  private final OrganizationService organization;

  public AssessmentVariables(OrganizationService organization) {
    this.organization = organization;
  }

  static int year(VariableScope scope) {
    return ((Number) scope.getVariable(YEAR)).intValue();
  }

  static HighlightService.Period period(VariableScope scope) {
    return new HighlightService.Period(((Number) scope.getVariable(HIGHLIGHT_YEAR)).intValue(),
        ((Number) scope.getVariable(HIGHLIGHT_HALF)).intValue());
  }

  VariableMap period(HighlightService.Period p) {
    return Variables.createVariables().putValue(HIGHLIGHT_YEAR, p.year()).putValue(HIGHLIGHT_HALF, p.half())
        .putValue("highlightPeriodText", p.text());
  }

  /** R23: the nominations as the selection form lists them. */
  VariableMap nominations(List<Highlight> nominated) {
    return Variables.createVariables()
        .putValue("nominationCount", nominated.size())
        .putValue("nominationOptions", FormValues.json(nominated.stream()
            .map(h -> Map.of("label", organization.unitName(h.getUnitCode()) + "：" + h.getTitle(),
                "value", h.getId().toString()))
            .toList()));
  }
}
