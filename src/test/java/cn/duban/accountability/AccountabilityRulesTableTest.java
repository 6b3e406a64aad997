package cn.duban.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.duban.organization.SubjectKind;
/** The three tables of processes/rules/accountability-measure.dmn, row by row (R11, R12, R13, R14). */
class AccountabilityRulesTableTest {

  private static DmnEngine engine;
  private static Map<String, DmnDecision> decisions;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/rules/accountability-measure.dmn")) {
      List<DmnDecision> parsed = engine.parseDecisions(in);
      decisions = Map.of(parsed.get(0).getKey(), parsed.get(0), parsed.get(1).getKey(), parsed.get(1),
          parsed.get(2).getKey(), parsed.get(2));
    }
  }

  @ParameterizedTest(name = "R11 {0} {1}, {2} before this year: {3}, discipline {4}")
  @DisplayName("R11 R13 the measure a fault calls for")
  @CsvSource({
      "PERSON, GENERAL,            0, REPRIMAND,                false",
      "PERSON, GENERAL,            1, ORDERED_SELF_EXAMINATION, false",
      "PERSON, GENERAL,            2, CIRCULATED_CRITICISM,     false",
      "PERSON, GENERAL,            5, CIRCULATED_CRITICISM,     false",
      "PERSON, SERIOUS,            0, ADMONISHMENT_TALK,        true",
      "PERSON, SERIOUS,            1, OFF_POST_TRAINING,        true",
      "PERSON, ESPECIALLY_SERIOUS, 0, TRANSFER,                 true",
      "PERSON, ESPECIALLY_SERIOUS, 3, DISMISSAL_DEMOTION,       true",
      "UNIT,   GENERAL,            0, UNIT_INTERVIEW,           false",
      "UNIT,   GENERAL,            1, CIRCULATED_CRITICISM,     false",
      "UNIT,   SERIOUS,            0, UNIT_HEAD_ADMONISHMENT,   false",
      "UNIT,   ESPECIALLY_SERIOUS, 2, UNIT_HEAD_ADMONISHMENT,   false",
  })
  void measure(String subject, String severity, int prior, String measure, boolean discipline) {
    DmnDecisionResultEntries r = evaluate(AccountabilityRules.MEASURE,
        Map.of("subjectType", subject, "severity", severity, "priorCount", prior));
    assertThat((String) r.getEntry("measure")).isEqualTo(measure);
    assertThat((Boolean) r.getEntry("toDiscipline")).isEqualTo(discipline);
    assertThat(Measure.valueOf(measure).appliesTo(SubjectKind.valueOf(subject))).isTrue();
  }

  @ParameterizedTest(name = "R12 level {0}, {1}, {2} {3}, {4} before, principal's assignment {5}: leader {6}, principal {7}")
  @DisplayName("R12 whom a failure is traced up to (seed 001 §三(四)): a task not completed to the leader in charge, a grave one on to the principal leader")
  @CsvSource({
      // a traced procedure is not traced further
      "1, UPWARD_TRACE,       PERSON, ESPECIALLY_SERIOUS, 0, true,  false, false",
      "2, UPWARD_TRACE,       PERSON, SERIOUS,            1, false, false, false",
      // especially serious, whatever the trigger: up to the principal leader
      "0, RED_LIMIT_LAPSED,   UNIT,   ESPECIALLY_SERIOUS, 0, false, true,  true",
      "0, VALID_COMPLAINT,    PERSON, ESPECIALLY_SERIOUS, 0, false, true,  true",
      // a principal leader's own assignment: the principal leader
      "0, RED_LIMIT_LAPSED,   PERSON, GENERAL,            0, true,  false, true",
      "0, MANUAL,             UNIT,   SERIOUS,            0, true,  false, true",
      // 完不成任务 (the red limit lapsed): the leader in charge, and for a serious fault the principal leader too
      "0, RED_LIMIT_LAPSED,   PERSON, SERIOUS,            0, false, true,  true",
      "0, RED_LIMIT_LAPSED,   UNIT,   GENERAL,            0, false, true,  false",
      "0, RED_LIMIT_LAPSED,   PERSON, GENERAL,            0, false, true,  false",
      // other triggers: a serious fault to the leader in charge, a unit's second fault in a year (落实不力) too
      "0, VALID_COMPLAINT,    PERSON, SERIOUS,            0, false, true,  false",
      "0, MYSTERY_INSPECTION, UNIT,   GENERAL,            1, false, true,  false",
      "0, MYSTERY_INSPECTION, UNIT,   GENERAL,            0, false, false, false",
      "0, VALID_COMPLAINT,    PERSON, GENERAL,            1, false, false, false",
      "0, MANUAL,             PERSON, GENERAL,            0, false, false, false",
  })
  void trace(int level, String trigger, String subject, String severity, int prior, boolean principal, boolean leader,
      boolean principalLeader) {
    DmnDecisionResultEntries r = evaluate(AccountabilityRules.TRACE, Map.of("traceLevel", level, "trigger", trigger,
        "subjectType", subject, "severity", severity, "priorCount", prior, "principalAssignment", principal));
    assertThat(Trigger.valueOf(trigger)).isNotNull();
    assertThat((Boolean) r.getEntry("traceLeaderInCharge")).isEqualTo(leader);
    assertThat((Boolean) r.getEntry("tracePrincipalLeader")).isEqualTo(principalLeader);
  }

  @ParameterizedTest(name = "R14 {0} costs {1}")
  @DisplayName("R14 what each measure and sanction costs")
  @CsvSource({
      "REPRIMAND, -1", "ORDERED_SELF_EXAMINATION, -1", "CIRCULATED_CRITICISM, -2", "ADMONISHMENT_TALK, -3",
      "UNIT_INTERVIEW, -2", "UNIT_HEAD_ADMONISHMENT, -3", "OFF_POST_TRAINING, -5", "TRANSFER, -5",
      "DISMISSAL_DEMOTION, -5", "WARNING, -5", "DEMERIT, -5", "MAJOR_DEMERIT, -5", "DOWNGRADE, -5", "REMOVAL, -5",
      "EXPULSION, -5",
  })
  void deduction(String code, double points) {
    DmnDecisionResultEntries r = evaluate(AccountabilityRules.DEDUCTION, Map.of("code", code));
    assertThat(((Number) r.getEntry("points")).doubleValue()).isEqualTo(points);
    assertThat((String) r.getEntry("ruleLabel")).startsWith("问责：");
  }

  @ParameterizedTest(name = "every measure and sanction has a price: {0}")
  @CsvSource({"REPRIMAND", "NONE"})
  @DisplayName("R14 no price for no sanction")
  void everyCodePriced(String code) {
    boolean priced = evaluate(AccountabilityRules.DEDUCTION, Map.of("code", code)) != null;
    assertThat(priced).isEqualTo(!"NONE".equals(code));
    for (Measure m : Measure.values()) {
      assertThat(evaluate(AccountabilityRules.DEDUCTION, Map.of("code", m.name()))).as(m.name()).isNotNull();
    }
    for (Sanction s : Sanction.values()) {
      assertThat(evaluate(AccountabilityRules.DEDUCTION, Map.of("code", s.name())) != null).as(s.name())
          .isEqualTo(s != Sanction.NONE);
    }
  }

  private static DmnDecisionResultEntries evaluate(String key, Map<String, Object> inputs) {
    return engine.evaluateDecision(decisions.get(key), inputs).getFirstResult();
  }
}
