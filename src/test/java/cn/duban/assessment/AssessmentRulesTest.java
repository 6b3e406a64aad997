package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
  @DisplayName("R32 units too small for one 优秀 place are pooled at the county level: their people share floor(all of them x 20%) places")
  void smallUnitsPooled() {
    // four bureaus of 2, 3, 4 and 1 people: none has a place of its own; together 10 people, 2 places
    List<PersonResult> county = new ArrayList<>(people("a", 101, 99));
    county.addAll(people("b", 102.5, 100, 98));
    county.addAll(people("c", 100, 100, 97, 96));
    county.addAll(people("d", 95));
    // a unit of 5 keeps its own place, outside the pool
    county.addAll(people("e", 103, 102, 90, 90, 90));
    service(true).applyExcellentQuota(county);
    assertThat(excellent(county)).containsExactly("a0", "b0", "e0");
    PersonResult c0 = county.stream().filter(p -> p.getPersonId().equals("c0")).findFirst().orElseThrow();
    assertThat(c0.getReasons()).contains("优秀名额已满（本单位人数不足一个优秀名额，县级统筹：共10人，名额2人）");
    PersonResult e1 = county.stream().filter(p -> p.getPersonId().equals("e1")).findFirst().orElseThrow();
    assertThat(e1.getReasons()).contains("优秀名额已满（本单位5人，名额1人）");

    // a tie at the pool's cut is not split: the review chooses among it
    List<PersonResult> tied = new ArrayList<>(people("a", 100, 100));
    tied.addAll(people("b", 100, 100, 100));
    service(true).applyExcellentQuota(tied);
    assertThat(excellent(tied)).isEmpty();
    assertThat(tied.get(0).getReasons()).contains("同分5人争剩余1个优秀名额，由考核办审核确定（本单位人数不足一个优秀名额，县级统筹：共5人，名额1人）");

    // a pool still too small has no place
    List<PersonResult> few = new ArrayList<>(people("a", 104, 99));
    few.addAll(people("b", 103));
    service(true).applyExcellentQuota(few);
    assertThat(excellent(few)).isEmpty();
  }

  @Test
  @DisplayName("R32 with pooling turned off, each unit keeps its own quota and a unit under 5 people has no 优秀 place")
  void poolingOff() {
    List<PersonResult> county = new ArrayList<>(people("a", 101, 99));
    county.addAll(people("b", 102.5, 100, 98));
    county.addAll(people("c", 100, 100, 97, 96));
    county.addAll(people("d", 95));
    county.addAll(people("e", 103, 102, 90, 90, 90));
    service(false).applyExcellentQuota(county);
    assertThat(excellent(county)).containsExactly("e0");
    PersonResult b0 = county.stream().filter(p -> p.getPersonId().equals("b0")).findFirst().orElseThrow();
    assertThat(b0.getReasons()).contains("优秀名额已满（本单位3人，名额0人）");
  }

  @Test
  @DisplayName("R22 units are ranked by score; the best 20% are 好, the last two 差, and ties share rank and tier")
  void tiers() {
    List<Placing> p = AssessmentService.place(scores(105.5, 99, 98.5, 96, 91), 0.2, 2);
    assertThat(p).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "2 MIDDLE", "3 MIDDLE", "4 POOR", "5 POOR");

    // 20% of seven is one: the 好 tier never holds more than its share
    List<Placing> tiedForLast = AssessmentService.place(scores(110, 105, 100, 95, 90, 90, 90), 0.2, 2);
    assertThat(tiedForLast).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "2 MIDDLE", "3 MIDDLE", "4 MIDDLE", "5 POOR", "5 POOR", "5 POOR");

    List<Placing> ten = AssessmentService.place(scores(110, 109, 108, 107, 106, 105, 104, 103, 102, 101), 0.2, 2);
    assertThat(ten).extracting(Placing::tier).containsExactly(Tier.GOOD, Tier.GOOD, Tier.MIDDLE, Tier.MIDDLE,
        Tier.MIDDLE, Tier.MIDDLE, Tier.MIDDLE, Tier.MIDDLE, Tier.POOR, Tier.POOR);

    List<Placing> allTied = AssessmentService.place(scores(100, 100, 100, 100), 0.2, 2);
    assertThat(allTied).as("nobody is better or worse than anyone").extracting(x -> x.rank() + " " + x.tier())
        .containsOnly("1 GOOD");

    List<Placing> three = AssessmentService.place(scores(101, 100, 99), 0.2, 2);
    assertThat(three).extracting(x -> x.rank() + " " + x.tier()).containsExactly("1 GOOD", "2 POOR", "3 POOR");

    List<Placing> tiedForFirst = AssessmentService.place(scores(100, 100, 90, 80, 70), 0.2, 2);
    assertThat(tiedForFirst).extracting(x -> x.rank() + " " + x.tier())
        .containsExactly("1 GOOD", "1 GOOD", "3 MIDDLE", "4 POOR", "5 POOR");
  }

  @Test
  @DisplayName("R21 the review's summary stays within a string variable for a county of 200 units and 3000 people")
  void summaryFitsAVariable() {
    AssessmentService assessment = mock(AssessmentService.class);
    List<UnitResult> units = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      units.add(new UnitResult(2025, "u" + i, "县第" + i + "号单位（含较长的全称）", BigDecimal.valueOf(100 - i * 0.5), i + 1,
          i < 40 ? Tier.GOOD : i >= 198 ? Tier.POOR : Tier.MIDDLE));
    }
    List<PersonResult> people = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      PersonResult p = new PersonResult(2025, "p" + i, "人员" + i, "u" + (i % 200), BigDecimal.valueOf(100),
          i % 3 == 0 ? Grade.BASICALLY_COMPETENT : Grade.COMPETENT, AssessmentService.REVIEW_CHOOSES, null, null, false);
      if (i % 7 == 0) {
        p.adjust(Grade.COMPETENT, "理由".repeat(500), "kaohe");
      }
      people.add(p);
    }
    when(assessment.units(2025)).thenReturn(units);
    when(assessment.people(2025)).thenReturn(people);
    String summary = new AssessmentSummary(assessment).of(2025);
    assertThat(summary.length()).isLessThanOrEqualTo(AssessmentSummary.SUMMARY_MAX);
    assertThat(summary).contains("| 1 | 县第0号单位", "共200个单位", "| 200 | 县第199号单位", "基本称职 857人", "等2143人", "等429人",
        "/api/assessment/2025/report");
  }

  private static AssessmentService service() {
    return service(false);
  }

  private static AssessmentService service(boolean poolSmallUnits) {
    AssessmentProperties properties = new AssessmentProperties(new BigDecimal("100"), 0.2, 0.2, 2, null, null, null,
        Map.of(), poolSmallUnits);
    return new AssessmentService(null, null, null, null, null, null, null, null, null, null, null, null, properties);
  }

  private static List<PersonResult> people(String unit, double... scores) {
    List<PersonResult> out = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      Grade g = scores[i] >= 100 ? Grade.EXCELLENT : Grade.COMPETENT;
      out.add(new PersonResult(2025, unit + i, "人员" + i, unit, BigDecimal.valueOf(scores[i]), g, "", null, null, false));
    }
    return out;
  }

  private static List<String> excellent(List<PersonResult> people) {
    return people.stream().filter(p -> p.getGrade() == Grade.EXCELLENT).map(PersonResult::getPersonId).toList();
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
