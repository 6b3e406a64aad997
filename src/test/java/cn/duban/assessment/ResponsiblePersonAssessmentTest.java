package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import cn.duban.organization.OrganizationAdmin;
import cn.duban.organization.Role;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R32: the people of a unit of ten, all at the base score, are tied and the 优秀 proposal can
 * name nobody; once their cases are booked to them as responsible persons, it separates them.
 * A context of its own: the unit and its year's bookings stay out of the other tests.
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResponsiblePersonAssessmentTest extends ProcessTestSupport {

  private static final int YEAR = 2026;
  private static final String UNIT = "r32";

  @Autowired OrganizationAdmin organization;
  @Autowired AssessmentService assessment;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  @DisplayName("R32 a unit of 10 people: tied at the base score nobody is proposed 优秀; their cases separate them and the proposal names the best two")
  void casesSeparateTheUnit() {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(s -> {
      organization.addUnit(UNIT, "县水务局");
      for (int i = 0; i < 10; i++) {
        organization.addPerson(person(i), "水务员" + i, "科员", UNIT, EnumSet.of(Role.HANDLER), "test-password");
      }
    });

    tx.executeWithoutResult(s -> assessment.compute(YEAR));
    Map<String, PersonResult> before = unit();
    assertThat(before.values()).extracting(p -> p.getScore().stripTrailingZeros().toPlainString()).containsOnly("100");
    assertThat(before.values()).extracting(PersonResult::getGrade).containsOnly(Grade.COMPETENT);
    assertThat(before.get(person(0)).getReasons()).contains("同分10人争剩余2个优秀名额，由考核办审核确定（本单位10人，名额2人）");

    // four cases, registered on Monday 2 March with the deadline Friday 20 March
    ProcessInstance early = registerFor(0);
    ProcessInstance onTime = registerFor(1);
    ProcessInstance yellow = registerFor(2);
    ProcessInstance red = registerFor(3);
    close(early, 0);                                  // on the day: on time and early
    setClock(LocalDateTime.of(2026, 3, 16, 10, 0));
    close(onTime, 1);                                 // on time, not early
    fire(yellow, "stageLimitReached");                // the yellow notice
    setClock(LocalDateTime.of(2026, 3, 24, 10, 0));
    close(yellow, 2);                                 // closed late
    fire(red, "stageLimitReached");
    fire(red, "stageLimitReached");                   // the red notice
    setClock(LocalDateTime.of(2026, 3, 30, 10, 0));
    close(red, 3);

    tx.executeWithoutResult(s -> assessment.compute(YEAR));
    Map<String, PersonResult> after = unit();
    assertThat(IntStream.range(0, 10).mapToObj(i -> after.get(person(i))).map(p ->
            p.getPersonId() + " " + p.getScore().stripTrailingZeros().toPlainString() + " " + p.getGrade()))
        .containsExactly("r32-p0 101.5 EXCELLENT", "r32-p1 101 EXCELLENT", "r32-p2 99.5 COMPETENT",
            "r32-p3 98.5 COMPETENT", "r32-p4 100 COMPETENT", "r32-p5 100 COMPETENT", "r32-p6 100 COMPETENT",
            "r32-p7 100 COMPETENT", "r32-p8 100 COMPETENT", "r32-p9 100 COMPETENT");
    assertThat(after.get(person(4)).getReasons()).contains("优秀名额已满（本单位10人，名额2人）");
    assertThat(after.get(person(4)).getReasons()).doesNotContain(AssessmentService.REVIEW_CHOOSES);
  }

  private ProcessInstance registerFor(int i) {
    setClock(MONDAY);
    Map<String, Object> form = registrationForm();
    form.put("title", "水务工程" + i);
    form.put("leadUnit", UNIT);
    form.remove("coUnits");
    form.put("responsiblePerson", person(i));
    ProcessInstance pi = register(form);
    complete(pi, "signFor", person(i), Map.of("signConfirmed", true));
    return pi;
  }

  private void close(ProcessInstance pi, int i) {
    complete(pi, "handleCase", person(i), Map.of("handleAction", "CLOSURE", "closureReport", "工程完工并通过验收",
        "closureEvidence", "验收报告"));
    complete(pi, "reviewClosure", "ducha", Map.of("reviewDecision", "ACCEPTED",
        "checklistMet", SpinValues.jsonValue("[\"改造方案经专家评审\",\"居民满意度不低于90%\"]").create(),
        "exceedsStandard", false));
  }

  private Map<String, PersonResult> unit() {
    List<PersonResult> people = assessment.people(YEAR).stream().filter(p -> UNIT.equals(p.getUnitCode())).toList();
    assertThat(people).hasSize(10);
    return people.stream().collect(Collectors.toMap(PersonResult::getPersonId, p -> p));
  }

  private static String person(int i) {
    return UNIT + "-p" + i;
  }
}
