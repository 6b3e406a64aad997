package cn.duban.accountability;

import cn.duban.common.Decision;
import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.duban.organization.SubjectKind;
/**
 * R13, R21, R24: what final measures mean for a person's grade and career, the questions the
 * annual assessment will ask. Final records are written directly; the procedure that makes them
 * is proven in AccountabilityProcessTest.
 */
class AccountabilityConsequencesTest extends ProcessTestSupport {

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  @Autowired AccountabilityRecordRepository records;
  @Autowired AccountabilityConsequences consequences;

  @Test
  @DisplayName("R21 no final measure: no cap; any final measure bars 优秀; a revoked one does not")
  void anyFinalMeasureBarsExcellent() {
    String person = person();
    assertThat(consequences.gradeCaps(person, 2026)).satisfies(c -> {
      assertThat(c.excellentBarred()).isFalse();
      assertThat(c.competentBarred()).isFalse();
      assertThat(c.reasons()).isEmpty();
    });
    revoked(person, 2026);
    assertThat(consequences.gradeCaps(person, 2026).excellentBarred()).isFalse();
    finalRecord(person, 2026, Severity.GENERAL, false, Measure.REPRIMAND, null);
    assertThat(consequences.gradeCaps(person, 2026)).satisfies(c -> {
      assertThat(c.excellentBarred()).isTrue();
      assertThat(c.competentBarred()).isFalse();
      assertThat(c.reasons()).anyMatch(r -> r.contains("不得评为优秀"));
    });
    assertThat(consequences.gradeCaps(person, 2025).excellentBarred()).as("another year").isFalse();
  }

  @Test
  @DisplayName("R21 a warning, demerit, major demerit or downgrade, or a circulated criticism, bars 称职 and better")
  void cappingSanctionsAndCriticism() {
    for (Sanction s : new Sanction[] {Sanction.WARNING, Sanction.DEMERIT, Sanction.MAJOR_DEMERIT, Sanction.DOWNGRADE}) {
      String person = person();
      finalRecord(person, 2026, Severity.SERIOUS, true, Measure.ADMONISHMENT_TALK, s);
      assertThat(consequences.gradeCaps(person, 2026).competentBarred()).as(s.name()).isTrue();
      assertThat(consequences.gradeCaps(person, 2026).incompetent()).as(s.name()).isFalse();
    }
    String criticised = person();
    finalRecord(criticised, 2026, Severity.GENERAL, true, Measure.CIRCULATED_CRITICISM, null);
    assertThat(consequences.gradeCaps(criticised, 2026).competentBarred()).isTrue();
    String admonished = person();
    finalRecord(admonished, 2026, Severity.SERIOUS, true, Measure.ADMONISHMENT_TALK, Sanction.NONE);
    assertThat(consequences.gradeCaps(admonished, 2026).competentBarred()).as("an admonishment talk alone").isFalse();
  }

  @Test
  @DisplayName("R21 three general faults with direct responsibility in a year bar 称职 and better; without it they do not")
  void threeGeneralFaults() {
    String person = person();
    finalRecord(person, 2026, Severity.GENERAL, true, Measure.REPRIMAND, null);
    finalRecord(person, 2026, Severity.GENERAL, true, Measure.ORDERED_SELF_EXAMINATION, null);
    finalRecord(person, 2026, Severity.GENERAL, false, Measure.ORDERED_SELF_EXAMINATION, null);
    assertThat(consequences.gradeCaps(person, 2026).competentBarred()).isFalse();
    finalRecord(person, 2026, Severity.GENERAL, true, Measure.ORDERED_SELF_EXAMINATION, null);
    assertThat(consequences.gradeCaps(person, 2026)).satisfies(c -> {
      assertThat(c.competentBarred()).isTrue();
      assertThat(c.reasons()).anyMatch(r -> r.contains("一年内犯一般过错达3次"));
    });
  }

  @Test
  @DisplayName("R21 removal from post (撤职) and dismissal (免职降职) mean 不称职")
  void removalMeansIncompetent() {
    String removed = person();
    finalRecord(removed, 2026, Severity.ESPECIALLY_SERIOUS, true, Measure.TRANSFER, Sanction.REMOVAL);
    assertThat(consequences.gradeCaps(removed, 2026).incompetent()).isTrue();
    String dismissed = person();
    finalRecord(dismissed, 2026, Severity.ESPECIALLY_SERIOUS, true, Measure.DISMISSAL_DEMOTION, Sanction.NONE);
    assertThat(consequences.gradeCaps(dismissed, 2026).incompetent()).isTrue();
  }

  @Test
  @DisplayName("R21 an analyst's edit of grade-caps.dmn counts from the next assessment: without the 通报批评 row, a criticism only bars 优秀")
  void analystEditsTheCaps() throws Exception {
    String criticised = person();
    finalRecord(criticised, 2026, Severity.GENERAL, true, Measure.CIRCULATED_CRITICISM, null);
    assertThat(consequences.peopleOfYear(2026).gradeCaps(criticised).competentBarred()).isTrue();
    String original = Files.readString(Path.of("processes/rules/grade-caps.dmn"));
    String edited = original.replaceAll("(?s)<rule id=\"Rule_grade_caps_circulated_criticism\">.*?</rule>", "");
    assertThat(edited).isNotEqualTo(original);
    repository.createDeployment().name("analyst-edit").addString("grade-caps.dmn", edited).deploy();
    try {
      AccountabilityConsequences.GradeCaps caps = consequences.peopleOfYear(2026).gradeCaps(criticised);
      assertThat(caps.competentBarred()).isFalse();
      assertThat(caps.excellentBarred()).isTrue();
    } finally {
      repository.createDeployment().name("analyst-undo").addString("grade-caps.dmn", original).deploy();
    }
    assertThat(consequences.gradeCaps(criticised, 2026).competentBarred()).isTrue();
  }

  @Test
  @DisplayName("R24 admonishment talks in two consecutive years make rotation or demotion due")
  void rotationDue() {
    String person = person();
    finalRecord(person, 2025, Severity.SERIOUS, true, Measure.ADMONISHMENT_TALK, null);
    assertThat(consequences.rotationDue(person, 2025)).isFalse();
    assertThat(consequences.rotationDue(person, 2026)).isFalse();
    finalRecord(person, 2026, Severity.SERIOUS, true, Measure.ADMONISHMENT_TALK, null);
    assertThat(consequences.rotationDue(person, 2026)).isTrue();
  }

  private static String person() {
    return "c-person-" + PEOPLE.incrementAndGet();
  }

  private void finalRecord(String person, int year, Severity severity, boolean direct, Measure measure, Sanction sanction) {
    AccountabilityRecord r = open(person, year);
    r.assess(severity, direct, Decision.of("xiaoneng", Instant.now(), "测试事实"));
    r.propose(measure, sanction != null);
    if (sanction != null) {
      r.sanction(sanction, Decision.of("jijian", Instant.now(), "测试"));
    }
    r.approve(measure, Decision.of("wangfxz", Instant.now(), null));
    r.makeFinal(measure, sanction, Instant.now(), null);
    records.save(r);
  }

  private void revoked(String person, int year) {
    AccountabilityRecord r = open(person, year);
    r.revoke(Instant.now());
    records.save(r);
  }

  private static AccountabilityRecord open(String person, int year) {
    return new AccountabilityRecord("test-" + UUID.randomUUID(), null, 0, SubjectKind.PERSON, person, "测试人员",
        Trigger.MANUAL, null, null, "测试", year, Instant.now(), "xiaoneng", null, "zhaoxz");
  }
}
