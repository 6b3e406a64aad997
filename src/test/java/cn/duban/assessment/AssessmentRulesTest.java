package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.assessment.AssessmentService.Placing;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R21 the grade table (annual-grade.dmn) row by row, R21 the 优秀 quota, R22 ranks and tiers with ties. */
class AssessmentRulesTest {

  private static DmnEngine engine;
  private static DmnDecision grade;

  @BeforeAll
  static void parse() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream("processes/rules/annual-grade.dmn")) {
      grade = engine.parseDecision("annual-grade", in);
    }
  }

  @ParameterizedTest(name = "R21 score {0}, excellent barred {1}, competent barred {2}, incompetent {3}: {4}")
  @DisplayName("R21 R19 every grade rule and cap")
  @CsvSource({
      "100,   false, false, false, EXCELLENT",
      "104.5, false, false, false, EXCELLENT",
      "100,   true,  false, false, COMPETENT",
      "99,    false, false, false, COMPETENT",
      "80,    false, false, false, COMPETENT",
      "79.5,  false, false, false, BASICALLY_COMPETENT",
      "60,    false, false, false, BASICALLY_COMPETENT",
      "59.9,  false, false, false, INCOMPETENT",
      "100,   true,  true,  false, BASICALLY_COMPETENT",
      "95,    false, true,  false, BASICALLY_COMPETENT",
      "50,    true,  true,  false, INCOMPETENT",
      "100,   true,  true,  true,  INCOMPETENT",
      "100,   false, false, true,  INCOMPETENT",
  })
  void gradeTable(double score, boolean excellentBarred, boolean competentBarred, boolean incompetent, Grade expected) {
    DmnDecisionResultEntries r = engine.evaluateDecision(grade, Map.of("score", score,
        "excellentBarred", excellentBarred, "competentBarred", competentBarred, "incompetent", incompetent))
        .getSingleResult();
    assertThat((String) r.getEntry("grade")).isEqualTo(expected.name());
    assertThat((String) r.getEntry("ruleLabel")).isNotBlank();
  }

  @Test
  @DisplayName("R21 优秀 is limited to 20% of a unit's people, taken by score")
  void excellentQuota() {
    List<PersonResult> unit = people("u", 104, 101, 100, 98, 97, 96, 95, 94, 93, 92);
    service().applyExcellentQuota(unit);
    assertThat(grades(unit)).containsExactly("EXCELLENT", "EXCELLENT", "COMPETENT", "COMPETENT", "COMPETENT",
        "COMPETENT", "COMPETENT", "COMPETENT", "COMPETENT", "COMPETENT");
    assertThat(unit.get(2).getReasons()).contains("优秀名额已满（本单位10人，名额2人）");
  }

  @Test
  @DisplayName("R21 people with equal scores are taken or left together: the quota never splits a tie")
  void quotaTies() {
    List<PersonResult> tiedAtTheCut = people("u", 103, 100, 100, 90, 90, 90, 90, 90, 90, 90);
    service().applyExcellentQuota(tiedAtTheCut);
    assertThat(grades(tiedAtTheCut).subList(0, 3)).containsExactly("EXCELLENT", "COMPETENT", "COMPETENT");
    assertThat(tiedAtTheCut.get(1).getReasons()).contains("同分2人争剩余1个优秀名额，由考核办审核确定");

    List<PersonResult> lowerBelowATie = people("u", 102, 102, 102, 101, 90, 90, 90, 90, 90, 90);
    service().applyExcellentQuota(lowerBelowATie);
    assertThat(grades(lowerBelowATie).subList(0, 4)).as("nobody below a tie that did not fit")
        .containsExactly("COMPETENT", "COMPETENT", "COMPETENT", "COMPETENT");
    assertThat(lowerBelowATie.get(3).getReasons()).contains("优秀名额已满");

    List<PersonResult> tiedWithin = people("u", 101, 101, 95, 90, 90, 90, 90, 90, 90, 90);
    service().applyExcellentQuota(tiedWithin);
    assertThat(grades(tiedWithin).subList(0, 2)).containsExactly("EXCELLENT", "EXCELLENT");

    List<PersonResult> small = people("s", 100, 100);
    service().applyExcellentQuota(small);
    assertThat(grades(small)).as("20% of two people is nobody").containsExactly("COMPETENT", "COMPETENT");
  }

  @Test
  @DisplayName("R22 units are ranked by score; the best 20% are 好, the last two 差, and ties share rank and tier")
  void tiers() {
    List<Placing> p = AssessmentService.place(scores(105.5, 99, 98.5, 96, 91), 0.2, 2);
    assertThat(p).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "2 MIDDLE", "3 MIDDLE", "4 POOR", "5 POOR");

    List<Placing> tiedForLast = AssessmentService.place(scores(110, 105, 100, 95, 90, 90, 90), 0.2, 2);
    assertThat(tiedForLast).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "2 GOOD", "3 MIDDLE", "4 MIDDLE", "5 POOR", "5 POOR", "5 POOR");

    List<Placing> tiedForFirst = AssessmentService.place(scores(100, 100, 90, 80, 70), 0.2, 2);
    assertThat(tiedForFirst).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "1 GOOD", "3 MIDDLE", "4 POOR", "5 POOR");
  }

  private static AssessmentService service() {
    AssessmentProperties properties = new AssessmentProperties(new BigDecimal("100"), 0.2, 0.2, 2, null, null, null,
        Map.of());
    return new AssessmentService(null, null, null, null, null, null, null, null, null, null, null, properties);
  }

  private static List<PersonResult> people(String unit, double... scores) {
    List<PersonResult> out = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      Grade g = scores[i] >= 100 ? Grade.EXCELLENT : Grade.COMPETENT;
      out.add(new PersonResult(2025, unit + i, "人员" + i, unit, BigDecimal.valueOf(scores[i]), g, "", null, null, false));
    }
    return out;
  }

  private static List<String> grades(List<PersonResult> people) {
    return people.stream().map(p -> p.getGrade().name()).toList();
  }

  private static List<BigDecimal> scores(double... values) {
    List<BigDecimal> out = new ArrayList<>();
    for (double v : values) {
      out.add(BigDecimal.valueOf(v));
    }
    return out;
  }
}
