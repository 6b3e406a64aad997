package cn.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.duban.organization.Person;
import cn.duban.organization.PersonRepository;
import cn.duban.organization.Unit;
import cn.duban.organization.UnitRepository;
import cn.duban.PostgresTestSupport;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A county's year of bookings, ten thousand of them, assessed on a real PostgreSQL: the scores
 * must be the base plus exactly what was booked, for every unit and every person.
 */
class AssessmentOnPostgresTest extends PostgresTestSupport {

  private static final int ENTRIES = 10_000;
  private static final BigDecimal BASE = new BigDecimal("100");
  @Autowired JdbcTemplate jdbc;
  @Autowired UnitRepository units;
  @Autowired PersonRepository people;
  @Autowired AssessmentService assessment;
  @Autowired AssessmentReports reports;

  @Test
  @DisplayName("R20 R21 R22 a year of ten thousand ledger entries on PostgreSQL: every score is the base plus its bookings, ranks and tiers follow the scores, the 优秀 quota holds")
  void tenThousandEntries() throws Exception {
    List<String> unitCodes = units.findAll().stream().map(Unit::getCode).sorted().toList();
    List<String> personIds = people.findAll().stream().map(Person::getId).sorted().toList();
    Map<String, BigDecimal> expected = LedgerLoader.load(jdbc, 2025, ENTRIES, unitCodes, personIds);
    assertThat(jdbc.queryForObject("select count(*) from score_ledger where score_year = 2025", Long.class))
        .isEqualTo(ENTRIES);

    ProcessInstance pi = start("annual-assessment", "admin", Map.of("assessmentYear", 2025));
    assertThat(pi).isWaitingAt("reviewGrades");

    List<UnitResult> unitResults = assessment.units(2025);
    assertThat(unitResults).hasSameSizeAs(unitCodes);
    for (UnitResult u : unitResults) {
      assertThat(u.getScore()).as(u.getUnitCode())
          .isEqualByComparingTo(BASE.add(expected.getOrDefault("UNIT:" + u.getUnitCode(), BigDecimal.ZERO)));
      long better = unitResults.stream().filter(o -> o.getScore().compareTo(u.getScore()) > 0).count();
      assertThat(u.getRank()).as(u.getUnitCode()).isEqualTo(better + 1);
      assertThat(assessment.breakdown(2025, u.getUnitCode()).total()).as(u.getUnitCode())
          .isEqualByComparingTo(u.getScore().subtract(BASE));
    }
    assertThat(unitResults.get(0).getTier()).isEqualTo(Tier.GOOD);
    assertThat(unitResults.get(unitResults.size() - 1).getTier()).isEqualTo(Tier.POOR);
    assertThat(unitResults.stream().filter(u -> u.getTier() == Tier.POOR).count()).isGreaterThanOrEqualTo(2);

    List<PersonResult> personResults = assessment.people(2025);
    assertThat(personResults).hasSameSizeAs(personIds);
    for (PersonResult p : personResults) {
      assertThat(p.getScore()).as(p.getPersonId())
          .isEqualByComparingTo(BASE.add(expected.getOrDefault("PERSON:" + p.getPersonId(), BigDecimal.ZERO)));
    }
    // R21: 优秀 for at most 20% of each unit's people; R32: units too small for a place of their
    // own (fewer than 5) share the places of all their people together
    Map<String, List<PersonResult>> byUnit = personResults.stream()
        .collect(Collectors.groupingBy(p -> String.valueOf(p.getUnitCode())));
    List<PersonResult> pooled = byUnit.values().stream().filter(members -> members.size() < 5)
        .flatMap(List::stream).toList();
    byUnit.forEach((unit, members) -> {
      if (members.size() >= 5) {
        assertThat(members.stream().filter(p -> p.getGrade() == Grade.EXCELLENT).count())
            .as(unit).isLessThanOrEqualTo((long) Math.floor(members.size() * 0.2));
      }
    });
    assertThat(pooled.stream().filter(p -> p.getGrade() == Grade.EXCELLENT).count()).as("the pooled small units")
        .isLessThanOrEqualTo((long) Math.floor(pooled.size() * 0.2));
    assertThat(personResults).as("some are 优秀, within the quota, and some are not")
        .extracting(PersonResult::getGrade).contains(Grade.EXCELLENT, Grade.COMPETENT);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(reports.xlsx(2025)))) {
      assertThat(book.getSheet("单位排名").getPhysicalNumberOfRows()).isEqualTo(1 + unitCodes.size());
      assertThat(book.getSheet("个人等次").getPhysicalNumberOfRows()).isEqualTo(1 + personIds.size());
    }
  }
}
