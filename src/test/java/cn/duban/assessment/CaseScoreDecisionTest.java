package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring defaults of processes/rules/case-score.dmn, row by row (R4-R7, R32). */
class CaseScoreDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/rules/case-score.dmn")) {
      decision = engine.parseDecision("case-score", in);
    }
  }

  @ParameterizedTest(name = "{3} {0} for {1}: {2} points")
  @DisplayName("R4 R5 R6 R7 scoring table")
  @CsvSource({
      "CLOSED_ON_TIME,   LEAD_UNIT,  2,   R7",
      "CLOSED_ON_TIME,   CO_UNIT,    1,   R7",
      "CLOSED_EARLY,     LEAD_UNIT,  0.5, R7",
      "EXCEEDS_STANDARD, LEAD_UNIT,  1,   R7",
      "CLOSURE_REJECTED, LEAD_UNIT,  -1,  R7",
      "YELLOW_NOTICE,    LEAD_UNIT,  -1,  R4",
      "RED_NOTICE,       LEAD_UNIT,  -2,  R5",
      "ACCOUNTABILITY,   LEAD_UNIT,  -5,  R6",
      "ACCOUNTABILITY,   CO_UNIT,    -2.5, R6",
  })
  void row(String event, String role, double points, String ruleRef) {
    DmnDecisionResultEntries result = evaluate(event, role);
    assertThat(result).as("a row for %s/%s", event, role).isNotNull();
    assertThat(((Number) result.getEntry("points")).doubleValue()).isEqualTo(points);
    assertThat((String) result.getEntry("ruleRef")).isEqualTo(ruleRef);
    assertThat((String) result.getEntry("ruleLabel")).isNotBlank();
  }

  @ParameterizedTest(name = "no points for {1} on {0}")
  @DisplayName("R4 R5 R7 events that only the lead unit answers for book nothing for a co-unit")
  @CsvSource({"YELLOW_NOTICE, CO_UNIT", "RED_NOTICE, CO_UNIT", "CLOSED_EARLY, CO_UNIT", "CLOSURE_REJECTED, CO_UNIT",
      "EXCEEDS_STANDARD, CO_UNIT", "UNKNOWN_EVENT, LEAD_UNIT"})
  void noRow(String event, String role) {
    assertThat(evaluate(event, role)).isNull();
  }

  @ParameterizedTest(name = "R32 {0} for the responsible person: {1} points")
  @DisplayName("R32 the responsible person's rows: on time +1, early +0.5, yellow -0.5, red -1")
  @CsvSource({
      "CLOSED_ON_TIME, 1",
      "CLOSED_EARLY,   0.5",
      "YELLOW_NOTICE,  -0.5",
      "RED_NOTICE,     -1",
  })
  void responsiblePersonRow(String event, double points) {
    row(event, "RESPONSIBLE_PERSON", points, "R32");
  }

  @ParameterizedTest(name = "R32 no points for the responsible person on {0}")
  @DisplayName("R32 no default row for the responsible person on accountability (its measures book it), beyond the standard or a rejected closure")
  @CsvSource({"ACCOUNTABILITY", "EXCEEDS_STANDARD", "CLOSURE_REJECTED"})
  void noResponsiblePersonRow(String event) {
    assertThat(evaluate(event, "RESPONSIBLE_PERSON")).isNull();
  }

  private static DmnDecisionResultEntries evaluate(String event, String role) {
    return engine.evaluateDecision(decision, Map.of("event", event, "role", role)).getFirstResult();
  }
}
