package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.Retimer;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R30 and R31 limits under R25: a fresh sign-for limit after a reassignment or an insisted return,
 * and a co-unit's default limit, are re-timed from their own start when a holiday table arrives;
 * and (R30) the forms of a return and its decision leave nothing behind for the next sign-for.
 */
class DisputesRetimedTest extends ProcessTestSupport {

  /** The variables of the sign-for and return-decision forms. */
  static final List<String> DISPUTE_FIELDS = List.of("signForAction", "returnReason", "returnReasonText",
      "returnDecision", "returnUnjustified", "returnDecisionComment", "newLeadUnit", "newResponsiblePerson",
      "newDeadline");

  @Autowired Retimer retimer;
  @Autowired HolidayTables holidays;
  @Autowired JdbcTemplate jdbc;

  /** The shared test database goes back to having no 2027 table. */
  @AfterEach
  void forget2027() {
    jdbc.update("delete from limit_adjustment where holiday_table_id in (select id from holiday_table where table_year = 2027)");
    jdbc.update("delete from holiday_table where table_year = 2027");
    holidays.refresh();
  }

  private void returnCase(ProcessInstance pi, String user) {
    Map<String, Object> form = new HashMap<>();
    form.put("signForAction", "RETURN");
    form.put("returnReason", "NOT_OUR_DUTY");
    form.put("returnReasonText", "道路部分应由交通局牵头");
    complete(pi, "signFor", user, form);
  }

  private void reassignToTransport(ProcessInstance pi) {
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "REASSIGN", "newLeadUnit", "jtj",
        "newResponsiblePerson", "jtj-xu", "returnDecisionComment", "道路改造属交通局职责，改由交通局牵头"));
  }

  /** Registered on Monday 28 December 2026, deadline 29 January 2027, returned the same day. */
  private ProcessInstance returnedBeforeNewYear() {
    setClock(LocalDateTime.of(2026, 12, 28, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2027-01-29");
    form.put("milestones", "2027-01-29 全部办结");  // R1: the schedule
    ProcessInstance pi = register(form);
    returnCase(pi, "zjj-lin");
    return pi;
  }

  @Test
  @DisplayName("R30 R25 a case reassigned on 31 December keeps the new unit's sign-for limit counted from the reassignment when the 2027 table arrives; the new unit may still return it")
  void reassignedSignForRetimed() {
    ProcessInstance pi = returnedBeforeNewYear();
    setClock(LocalDateTime.of(2026, 12, 31, 10, 0));
    reassignToTransport(pi);

    // Thursday 31 Dec + 1 working day: 1 Jan 元旦 by statute, 2-3 Jan the weekend
    Date fresh = at(LocalDateTime.of(2027, 1, 4, 23, 59, 59));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getSignForDueAt()).isEqualTo(fresh.toInstant());
    assertThat(c.isLimitsProvisional()).isTrue();
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(fresh);

    retimer.enter(2027, YearBoundaryTest.TABLE_2027, null, "ducha");

    c = reload(c);
    assertThat(c.getSignForDueAt()).as("not the first unit's lapsed limit of 29 Dec").isEqualTo(fresh.toInstant());
    assertThat(c.isLimitsProvisional()).isFalse();
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(fresh);
    assertThat(task(pi, "signFor").getDueDate()).isEqualTo(fresh);
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.SIGN_FOR_DUE_AT)).isEqualTo(fresh);

    returnCase(pi, "jtj-xu");
    assertThat(supervision.returns(c.getId())).extracting(CaseReturn::getLeadUnit).containsExactly("zjj", "jtj");
    assertThat(hasTask(pi, "decideReturn")).isTrue();
  }

  @Test
  @DisplayName("R30 R25 a return insisted on on 31 December keeps the fresh sign-for limit counted from the decision when the 2027 table arrives")
  void insistedSignForRetimed() {
    ProcessInstance pi = returnedBeforeNewYear();
    setClock(LocalDateTime.of(2026, 12, 31, 10, 0));
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", false,
        "returnDecisionComment", "仍由住建局牵头"));
    Date fresh = at(LocalDateTime.of(2027, 1, 4, 23, 59, 59));
    assertThat(caseOf(pi).getSignForDueAt()).isEqualTo(fresh.toInstant());
    assertThat(caseOf(pi).isLimitsProvisional()).isTrue();

    retimer.enter(2027, YearBoundaryTest.TABLE_2027, null, "ducha");

    SupervisionCase c = caseOf(pi);
    assertThat(c.getSignForDueAt()).isEqualTo(fresh.toInstant());
    assertThat(c.isLimitsProvisional()).isFalse();
    assertThat(timer(pi, "signForOverdue").getDuedate()).isEqualTo(fresh);
    signFor(pi);
    assertThat(hasTask(pi, "urgeSignFor")).isFalse();
  }

  @Test
  @DisplayName("R30 after a return and a reassignment the new unit's sign-for form opens empty: no 申请退办, no old reason, no decision")
  void reassignedSignForFormEmpty() {
    ProcessInstance pi = register();
    returnCase(pi, "zjj-lin");
    assertThat(forms.getTaskFormVariables(task(pi, "decideReturn").getId()).keySet())
        .doesNotContainAnyElementsOf(DISPUTE_FIELDS);
    reassignToTransport(pi);

    Task signFor = task(pi, "signFor");
    assertThat(forms.getTaskFormVariables(signFor.getId()).keySet()).contains("caseNumber")
        .doesNotContainAnyElementsOf(DISPUTE_FIELDS);
    assertThat(runtime.getVariables(pi.getId()).keySet()).doesNotContainAnyElementsOf(DISPUTE_FIELDS);
    // the records keep what the forms said
    assertThat(supervision.returns(caseOf(pi).getId())).singleElement().satisfies(r -> {
      assertThat(r.getReasonText()).isEqualTo("道路部分应由交通局牵头");
      assertThat(r.getDecision()).isEqualTo(ReturnDecision.REASSIGN);
    });
  }

  @Test
  @DisplayName("R30 after a return insisted on the unit's sign-for form opens empty")
  void insistedSignForFormEmpty() {
    ProcessInstance pi = register();
    returnCase(pi, "zjj-lin");
    complete(pi, "decideReturn", "ducha", Map.of("returnDecision", "INSIST", "returnUnjustified", true,
        "returnDecisionComment", "仍由住建局牵头"));
    assertThat(forms.getTaskFormVariables(task(pi, "signFor").getId()).keySet())
        .doesNotContainAnyElementsOf(DISPUTE_FIELDS);
    assertThat(runtime.getVariables(pi.getId()).keySet()).doesNotContainAnyElementsOf(DISPUTE_FIELDS);
  }

  // ------------------------------------------------------------------ R31 under R25

  /** Signed for on 1 December 2026, deadline Monday 15 February 2027, the co-unit's limit as the lead unit left or set it. */
  private ProcessInstance signedWithCoUnit(String coUnitDueDate) {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2027-02-15");
    form.put("milestones", "2027-02-15 全部办结");  // R1: the schedule
    ProcessInstance pi = register(form);
    Map<String, Object> signFor = new HashMap<>(Map.of("signConfirmed", true));
    if (coUnitDueDate != null) {
      signFor.put("coUnitDueDate", coUnitDueDate);
    }
    complete(pi, "signFor", "zjj-lin", signFor);
    return pi;
  }

  @Test
  @DisplayName("R31 R25 a co-unit's default limit, 3 working days before a deadline in 2027, is counted again when the 2027 table arrives: part, variable, task and timer; a limit the lead unit chose stays")
  void coUnitLimitRetimed() {
    ProcessInstance pi = signedWithCoUnit(null);
    ProcessInstance chosen = signedWithCoUnit("2027-02-10");
    // provisionally 除夕 5 Feb to 8 Feb off: 12, 11, 10 Feb are the three working days before Monday 15 Feb
    Date provisional = at(LocalDateTime.of(2027, 2, 10, 23, 59, 59));
    assertThat(task(pi, "reportCoUnitPart").getDueDate()).isEqualTo(provisional);
    assertThat(timer(pi, "coUnitPartOverdue").getDuedate()).isEqualTo(provisional);
    assertThat(supervision.coUnitParts(caseOf(pi).getId())).singleElement()
        .satisfies(p -> assertThat(p.getDueAt()).isEqualTo(provisional.toInstant()));

    Retimer.Entered entered = retimer.enter(2027, YearBoundaryTest.TABLE_2027, null, "ducha");

    // officially 5-13 Feb off, Sunday 14 Feb a make-up day: 14, 4, 3 Feb
    Date official = at(LocalDateTime.of(2027, 2, 3, 23, 59, 59));
    assertThat(supervision.coUnitParts(caseOf(pi).getId())).singleElement()
        .satisfies(p -> assertThat(p.getDueAt()).isEqualTo(official.toInstant()));
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.CO_UNIT_DUE_AT)).isEqualTo(official);
    assertThat(task(pi, "reportCoUnitPart").getDueDate()).isEqualTo(official);
    assertThat(timer(pi, "coUnitPartOverdue").getDuedate()).isEqualTo(official);
    assertThat(caseOf(pi).isLimitsProvisional()).isFalse();
    assertThat(entered.report().lines()).anySatisfy(l -> {
      assertThat(l.subject()).isEqualTo(pi.getBusinessKey());
      assertThat(l.what()).isEqualTo("县发展和改革局协办事项报送时限");
      assertThat(l.after()).isEqualTo(official.toInstant());
    });

    Date set = at(LocalDateTime.of(2027, 2, 10, 23, 59, 59));
    assertThat(supervision.coUnitParts(caseOf(chosen).getId())).singleElement()
        .satisfies(p -> assertThat(p.getDueAt()).isEqualTo(set.toInstant()));
    assertThat(timer(chosen, "coUnitPartOverdue").getDuedate()).isEqualTo(set);
    assertThat(task(chosen, "reportCoUnitPart").getDueDate()).isEqualTo(set);
  }
}
