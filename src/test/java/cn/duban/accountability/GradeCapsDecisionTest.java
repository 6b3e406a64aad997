package cn.duban.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.common.Decision;
import cn.duban.organization.SubjectKind;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R21 the grade caps of accountability (processes/rules/grade-caps.dmn), row by row: which final
 * record caps a person's grade how, and the source each default row names.
 */
class GradeCapsDecisionTest {

  private static final String FILE = "processes/rules/grade-caps.dmn";
  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream(FILE)) {
      decision = engine.parseDecision(AccountabilityConsequences.CAPS_DECISION, in);
    }
  }

  @ParameterizedTest(name = "R21 {0} {1}, {2}, direct {3}, {4} direct general faults in the year: {5}")
  @DisplayName("R21 every row of grade-caps.dmn, with the source it names")
  @CsvSource({
      // held accountable at all: no 优秀 (003 §七(三))
      "REPRIMAND,                NONE,          GENERAL,            false, 0, NO_EXCELLENT@003",
      "ADMONISHMENT_TALK,        NONE,          SERIOUS,            true,  0, NO_EXCELLENT@003",
      // the four sanctions: not 称职 or better (003 §七(三))
      "ADMONISHMENT_TALK,        WARNING,       SERIOUS,            true,  0, NO_EXCELLENT@003 NOT_COMPETENT@003",
      "ADMONISHMENT_TALK,        DEMERIT,       SERIOUS,            true,  0, NO_EXCELLENT@003 NOT_COMPETENT@003",
      "OFF_POST_TRAINING,        MAJOR_DEMERIT, SERIOUS,            false, 0, NO_EXCELLENT@003 NOT_COMPETENT@003",
      "TRANSFER,                 DOWNGRADE,     ESPECIALLY_SERIOUS, true,  0, NO_EXCELLENT@003 NOT_COMPETENT@003",
      // three general faults with direct responsibility: not 称职 or better (003 §七(三)); two, or not direct, do not
      "ORDERED_SELF_EXAMINATION, NONE,          GENERAL,            true,  3, NO_EXCELLENT@003 NOT_COMPETENT@003",
      "REPRIMAND,                NONE,          GENERAL,            true,  4, NO_EXCELLENT@003 NOT_COMPETENT@003",
      "ORDERED_SELF_EXAMINATION, NONE,          GENERAL,            true,  2, NO_EXCELLENT@003",
      "ORDERED_SELF_EXAMINATION, NONE,          GENERAL,            false, 3, NO_EXCELLENT@003",
      "ADMONISHMENT_TALK,        NONE,          SERIOUS,            true,  3, NO_EXCELLENT@003",
      // 撤职, a sanction: 不称职 (003 §七(三))
      "TRANSFER,                 REMOVAL,       ESPECIALLY_SERIOUS, true,  0, NO_EXCELLENT@003 INCOMPETENT@003",
      // published county practice: 通报批评 not 称职 or better; 免职降职 不称职
      "CIRCULATED_CRITICISM,     NONE,          GENERAL,            true,  1, NO_EXCELLENT@003 NOT_COMPETENT@县级考核办法",
      "DISMISSAL_DEMOTION,       NONE,          ESPECIALLY_SERIOUS, true,  0, NO_EXCELLENT@003 INCOMPETENT@县级考核办法",
  })
  void row(String measure, String sanction, String severity, boolean direct, int directFaults, String expected) {
    List<Map<String, Object>> rows = engine.evaluateDecision(decision, Variables.fromMap(Map.of("measure", measure,
        "sanction", sanction, "severity", severity, "directResponsibility", direct, "directFaults", directFaults)))
        .getResultList();
    List<String> caps = Arrays.stream(expected.split(" ")).map(e -> e.substring(0, e.indexOf('@'))).toList();
    assertThat(rows).extracting(r -> (String) r.get("cap")).containsExactlyInAnyOrderElementsOf(caps);
    for (String e : expected.split(" ")) {
      String cap = e.substring(0, e.indexOf('@'));
      Map<String, Object> r = rows.stream().filter(x -> cap.equals(x.get("cap"))).findFirst().orElseThrow();
      assertThat((String) r.get("source")).as(cap).contains(e.substring(e.indexOf('@') + 1));
      assertThat((String) r.get("ruleRef")).isEqualTo("R21");
      assertThat((String) r.get("ruleLabel")).isNotBlank();
    }
  }

  @Test
  @DisplayName("R21 each row of grade-caps.dmn names the rule and its source, and answers a known cap")
  void everyRowNamesItsSource() throws IOException {
    DmnModelInstance model;
    try (InputStream in = new FileInputStream(FILE)) {
      model = Dmn.readModelFromStream(in);
    }
    Collection<Rule> rules = model.getModelElementsByType(Rule.class);
    assertThat(rules).hasSize(6);
    for (Rule rule : rules) {
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).startsWith("R21").contains("依据");
      List<String> outputs = rule.getOutputEntries().stream().map(OutputEntry::getTextContent).toList();
      assertThat(outputs.get(0).replace("\"", "")).as(rule.getId()).isIn(
          Arrays.stream(AccountabilityConsequences.Cap.values()).map(Enum::name).toList());
      assertThat(outputs.get(3).replace("\"", "")).as(rule.getId()).isNotBlank();
    }
  }

  @Test
  @DisplayName("R21 a person's caps from the table: the worst row wins, each row is one reason naming its records and source")
  void capsOfAPerson() {
    AccountabilityConsequences.GradeCaps none = AccountabilityConsequences.caps(this::evaluate, List.of());
    assertThat(none.excellentBarred()).isFalse();
    assertThat(none.reasons()).isEmpty();

    AccountabilityConsequences.GradeCaps caps = AccountabilityConsequences.caps(this::evaluate, List.of(
        record(Severity.GENERAL, true, Measure.REPRIMAND, null),
        record(Severity.GENERAL, true, Measure.ORDERED_SELF_EXAMINATION, null),
        record(Severity.GENERAL, true, Measure.CIRCULATED_CRITICISM, null)));
    assertThat(caps.excellentBarred()).isTrue();
    assertThat(caps.competentBarred()).isTrue();
    assertThat(caps.incompetent()).isFalse();
    assertThat(caps.reasons()).containsExactly(
        "受到问责，不得评为优秀和评先评优（训诫；责令检查；通报批评；R21，依据003 §七(三)，楚政发〔2016〕2号）",
        "一年内犯一般过错达3次、均负直接责任，不得评为称职及以上（训诫；责令检查；通报批评；R21，依据003 §七(三)，楚政发〔2016〕2号）",
        "受到通报批评，不得评为称职及以上（通报批评；R21，依据县级考核办法通行做法）");

    AccountabilityConsequences.GradeCaps removed = AccountabilityConsequences.caps(this::evaluate, List.of(
        record(Severity.ESPECIALLY_SERIOUS, true, Measure.TRANSFER, Sanction.REMOVAL)));
    assertThat(removed.incompetent()).isTrue();
    assertThat(removed.competentBarred()).isTrue();
    assertThat(removed.reasons()).last().asString().startsWith("受到撤职处分，评为不称职（调离岗位、撤职处分；");
  }

  private List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
    return engine.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList();
  }

  private static AccountabilityRecord record(Severity severity, boolean direct, Measure measure, Sanction sanction) {
    AccountabilityRecord r = new AccountabilityRecord("test", null, 0, SubjectKind.PERSON, "p", "测试人员",
        Trigger.MANUAL, null, null, "测试", 2026, Instant.now(), "xiaoneng", null, "zhaoxz");
    r.assess(severity, direct, Decision.of("xiaoneng", Instant.now(), "测试事实"));
    r.propose(measure, sanction != null);
    if (sanction != null) {
      r.sanction(sanction, Decision.of("jijian", Instant.now(), "测试"));
    }
    r.approve(measure, Decision.of("wangfxz", Instant.now(), null));
    r.makeFinal(measure, sanction, Instant.now(), null);
    return r;
  }
}
