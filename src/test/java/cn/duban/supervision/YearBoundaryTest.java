package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.duban.calendar.HolidayTables;
import cn.duban.calendar.Retimer;
import cn.duban.common.InputException;
import cn.duban.complaint.Complaint;
import cn.duban.complaint.ComplaintRepository;
import cn.duban.notice.Notice;
import cn.duban.notice.NoticeKind;
import cn.duban.notice.NoticePage;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.duban.Http;
import cn.duban.ProcessTestSupport;
/**
 * R25 across New Year: with no official 2027 table yet, limits into 2027 count provisionally by
 * the statutory holidays, say so, and are re-timed once the table is entered. Nothing is refused
 * and no timer fails because next year's table is late.
 */
class YearBoundaryTest extends ProcessTestSupport {

  /** A 2027 arrangement for the tests (the real notice is not out): Spring Festival 5–13 Feb, make-up days 14 and 20 Feb. */
  static final String TABLE_2027 = """
      # 测试用2027年安排
      2027-01-01..2027-01-03 休 元旦
      2027-02-05..2027-02-13 休 春节
      2027-02-14 班 春节调休上班
      2027-02-20 班 春节调休上班
      """;

  @Autowired Retimer retimer;
  @Autowired HolidayTables holidays;
  @LocalServerPort int port;
  @Autowired ComplaintRepository complaints;
  @Autowired JdbcTemplate jdbc;

  /** The shared test database goes back to having no 2027 table. */
  @AfterEach
  void forget2027() {
    jdbc.update("delete from limit_adjustment where holiday_table_id in (select id from holiday_table where table_year = 2027)");
    jdbc.update("delete from holiday_table where table_year = 2027");
    holidays.refresh();
  }

  @Test
  @DisplayName("R25 registered on 31 December with no 2027 table: taken, signing for due on the provisional first working day of 2027")
  void registeredOnNewYearsEve() {
    setClock(LocalDateTime.of(2026, 12, 31, 10, 0));
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2027-01-29");
    form.put("milestones", "2027-01-29 全部办结");  // R1: the schedule
    // R31: a co-unit's limit, counted back from the deadline across 2027, would stay provisional
    form.remove("coUnits");
    ProcessInstance pi = register(form);

    SupervisionCase c = caseOf(pi);
    // Thursday 31 Dec + 1 working day: 1 Jan is 元旦 by statute, 2-3 Jan the weekend
    assertThat(c.getSignForDueAt()).isEqualTo(at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)).toInstant());
    assertThat(c.isLimitsProvisional()).isTrue();
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.LIMITS_PROVISIONAL)).isEqualTo(true);
    assertThat(task(pi, "signFor").getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)));

    signFor(pi);
    assertThat(reload(c).isLimitsProvisional()).as("nothing pending is counted into 2027 any more").isFalse();
  }

  @Test
  @DisplayName("R25 2026-12-25 plus 5 working days with no 2027 table: the yellow limit is 4 January, issued and booked, marked provisional")
  void yellowLimitAcrossNewYear() {
    ProcessInstance pi = lapsedOn("2026-12-25");

    SupervisionCase c = reload(caseOf(pi));
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(c.getStageLimitAt()).isEqualTo(at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)).toInstant());
    assertThat(c.isLimitsProvisional()).isTrue();
    assertThat(bookings(c)).contains("YELLOW_NOTICE zjj -1");
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.LIMITS_PROVISIONAL)).isEqualTo(true);
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)));
    Notice yellow = notice(c, NoticeKind.YELLOW).orElseThrow();
    assertThat(yellow.isProvisional()).isTrue();
    Http http = new Http(port);
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/YELLOW", "ducha").body())
        .contains("2027年1月4日 23:59", NoticePage.PROVISIONAL_NOTE);
    assertThat(http.get("/api/cases/" + c.getId() + "/notices/GREEN", "ducha").body())
        .doesNotContain(NoticePage.PROVISIONAL_NOTE);
  }

  @Test
  @DisplayName("R25 a deadline beyond next year is refused at registration with a message; one next year is taken")
  void deadlineBeyondNextYear() {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    for (String late : List.of("2099-06-30", "2028-01-05")) {
      Map<String, Object> form = registrationForm();
      form.put("deadline", late);
      form.put("milestones", late + " 全部办结");  // R1: the schedule
      assertThatThrownBy(() -> register(form)).isInstanceOf(InputException.class)
          .hasMessageContaining("完成时限不能晚于2027年12月31日")
          .hasMessageContaining(late.substring(0, 4) + "年的节假日安排尚未发布")
          .extracting(e -> ((InputException) e).field()).isEqualTo("deadline");
    }
    Map<String, Object> form = registrationForm();
    form.put("deadline", "2027-12-31");
    form.put("milestones", "2027-12-31 全部办结");  // R1: the schedule
    assertThat(caseOf(register(form)).getDeadline()).hasToString("2027-12-31");
  }

  @Test
  @DisplayName("R25 entering the 2027 table with a make-up working day re-times the waiting yellow timer, its task and its notice; entering it twice moves nothing")
  void tableArrivesAndRetimes() {
    ProcessInstance pi = lapsedOn("2027-02-03");
    SupervisionCase c = caseOf(pi);
    // R7: counted from the yellow notice's issue day, Thursday 4 Feb; provisionally 除夕 5 Feb to 8 Feb
    // off, 9-12 Feb: the fifth working day is Monday 15 Feb
    Date provisional = at(LocalDateTime.of(2027, 2, 15, 23, 59, 59));
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(provisional);
    assertThat(reload(c).isLimitsProvisional()).isTrue();

    Retimer.Entered entered = retimer.enter(2027, TABLE_2027, "国办发明电〔2026〕（测试）", "ducha");

    // officially: 5-13 Feb off, Sunday 14 Feb a make-up day: 14, 15, 16, 17, 18 Feb
    Date official = at(LocalDateTime.of(2027, 2, 18, 23, 59, 59));
    assertThat(entered.saved().changed()).isTrue();
    assertThat(entered.saved().table().getEnteredBy()).isEqualTo("ducha");
    assertThat(entered.saved().table().getEnteredAt()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(official);
    assertThat(task(pi, "handleCase").getDueDate()).isEqualTo(official);
    SupervisionCase after = reload(c);
    assertThat(after.getStageLimitAt()).isEqualTo(official.toInstant());
    assertThat(after.isLimitsProvisional()).isFalse();
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.STAGE_LIMIT_AT)).isEqualTo(official);
    assertThat(runtime.getVariable(pi.getId(), CaseVariables.LIMITS_PROVISIONAL)).isEqualTo(false);
    Notice yellow = notice(after, NoticeKind.YELLOW).orElseThrow();
    assertThat(yellow.getLimitAt()).isEqualTo(official.toInstant());
    assertThat(yellow.isProvisional()).isFalse();
    assertThat(yellow.getBody()).contains("于2027年2月18日前办结");
    assertThat(entered.report().lines()).filteredOn(l -> l.subject().equals(after.getCaseNumber()))
        .extracting(Retimer.Line::what)
        .containsExactlyInAnyOrder("黄灯阶段办理时限", "督查事项限期催办单所载时限", "定时器“当前时限届满”",
            "待办“办理督办事项”的到期时间");
    assertThat(entered.report().lines()).filteredOn(l -> l.subject().equals(after.getCaseNumber()))
        .allSatisfy(l -> {
          assertThat(l.before()).isEqualTo(provisional.toInstant());
          assertThat(l.after()).isEqualTo(official.toInstant());
        });
    assertThat(retimer.report(entered.saved().table().getId())).hasSameSizeAs(entered.report().lines());

    // the same table again: no new revision, nothing moved; re-timing again moves nothing either
    Retimer.Entered again = retimer.enter(2027, TABLE_2027.replace("# 测试用", "# 再次录入 "), null, "ducha2");
    assertThat(again.saved().changed()).isFalse();
    assertThat(again.saved().table().getRevision()).isEqualTo(entered.saved().table().getRevision());
    assertThat(again.report().lines()).isEmpty();
    assertThat(retimer.retime(List.of(2027), null).lines()).isEmpty();
    assertThat(timer(pi, "stageLimitReached").getDuedate()).isEqualTo(official);

    // and the stage lapses on the official date
    fire(pi, "stageLimitReached");
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.RED);
  }

  @Test
  @DisplayName("R25 a provisional limit that the official table moves earlier, into the past, fires at once")
  void movedIntoThePastFiresAtOnce() {
    ProcessInstance pi = lapsedOn("2026-12-25");
    Job waiting = timer(pi, "stageLimitReached");
    assertThat(waiting.getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 4, 23, 59, 59)));
    setClock(LocalDateTime.of(2027, 1, 4, 10, 0));

    // Saturday 2 January a make-up day: the fifth working day after 25 December is 2 January
    retimer.enter(2027, "2027-01-01 休 元旦\n2027-01-02 班 元旦调休上班\n", null, "admin");

    Job moved = timer(pi, "stageLimitReached");
    assertThat(moved.getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 2, 23, 59, 59)));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().list())
        .extracting(Job::getId).contains(moved.getId());
    management.executeJob(moved.getId());
    assertThat(reload(caseOf(pi)).getWarningLevel()).isEqualTo(WarningLevel.RED);
  }

  @Test
  @DisplayName("R25 a complaint received on 2026-12-20 is routed, its 13 working days counted provisionally into 2027")
  void complaintRoutedAcrossNewYear() {
    setClock(LocalDateTime.of(2026, 12, 20, 10, 0));
    ProcessInstance pi = fileComplaint(complaintForm());
    Map<String, Object> form = new HashMap<>();
    form.put("routing", "ASSIGN");
    complete(pi, "routeComplaint", "tousu", form);

    Complaint c = complaints.findByProcessInstanceId(pi.getId()).orElseThrow();
    // Sunday 20 Dec: 21-31 Dec are 9 working days, 1 Jan 元旦, 4-7 Jan the 10th to 13th
    assertThat(c.getInvestigationLimitAt()).isEqualTo(at(LocalDateTime.of(2027, 1, 7, 23, 59, 59)).toInstant());
    assertThat(c.isLimitsProvisional()).isTrue();
    assertThat(runtime.getVariable(pi.getId(), "limitsProvisional")).isEqualTo(true);
    assertThat(task(pi, "investigate").getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 7, 23, 59, 59)));

    retimer.enter(2027, TABLE_2027, null, "ducha");
    Complaint confirmed = complaints.findByProcessInstanceId(pi.getId()).orElseThrow();
    // with 1-3 Jan off the count is the same, and no longer provisional
    assertThat(confirmed.getInvestigationLimitAt()).isEqualTo(c.getInvestigationLimitAt());
    assertThat(confirmed.isLimitsProvisional()).isFalse();
    assertThat(runtime.getVariable(pi.getId(), "limitsProvisional")).isEqualTo(false);
  }

  /** A case registered on 1 December 2026 with this deadline, signed for, whose deadline has lapsed: yellow. */
  private ProcessInstance lapsedOn(String deadline) {
    setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
    Map<String, Object> form = registrationForm();
    form.put("deadline", deadline);
    form.put("milestones", deadline + " 全部办结");  // R1: the schedule
    ProcessInstance pi = register(form);
    signFor(pi);
    fire(pi, "stageLimitReached");
    return pi;
  }
}
