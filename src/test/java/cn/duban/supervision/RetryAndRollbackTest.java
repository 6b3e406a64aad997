package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import cn.duban.accountability.AccountabilityRecord;
import cn.duban.accountability.AccountabilityRecordRepository;
import cn.duban.accountability.AccountabilityRules;
import cn.duban.accountability.AccountabilityService;
import cn.duban.accountability.AccountabilityStatus;
import cn.duban.ledger.Ledger;
import cn.duban.ledger.LedgerEntry;
import cn.duban.ledger.SubjectType;
import cn.duban.notice.NoticeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import cn.duban.notice.NoticeService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.duban.ProcessTestSupport;
/**
 * What a failure leaves behind: R20, an event books once, whether its job fails and is retried or
 * its step runs again; R1, a registration that fails after taking its number gives the number back.
 */
@TestPropertySource(properties = "camunda.bpm.generate-unique-process-engine-name=true")
// closed after the class, like every test class with a context of its own
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RetryAndRollbackTest extends ProcessTestSupport {

  @MockitoSpyBean NoticeService noticeService;
  @MockitoSpyBean AccountabilityRules accountabilityRules;
  @Autowired AccountabilityRecordRepository accountabilityRecords;
  @Autowired AccountabilityService accountabilityService;
  @Autowired Ledger ledgerService;
  @Autowired PlatformTransactionManager transactionManager;
  TransactionTemplate transactions;

  @BeforeEach
  void transactions() {
    transactions = new TransactionTemplate(transactionManager);
  }

  @Test
  @DisplayName("R20 a yellow-notice job that fails after booking and is retried books the deduction once")
  void retriedJobBooksOnce() {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    // stubbing calls the transactional proxy, which wants the transaction the engine normally provides
    transactions.executeWithoutResult(status -> doThrow(new IllegalStateException("通知单服务暂时不可用"))
        .doCallRealMethod().when(noticeService).issue(eq(NoticeKind.YELLOW), any(), anyBoolean(), anyBoolean(), any()));

    Job job = timer(pi, "stageLimitReached");
    assertThatThrownBy(() -> fire(pi, "stageLimitReached")).hasMessageContaining("通知单服务暂时不可用");
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("通知单服务暂时不可用");
    assertThat(bookings(c)).as("the failed attempt left nothing").isEmpty();
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.GREEN);

    management.executeJob(job.getId());
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1");
    assertThat(notices.findByCaseIdOrderByIssuedAt(c.getId())).hasSize(2);
  }

  @Test
  @DisplayName("R20 a timer job that keeps failing is tried three times five minutes apart, then becomes an incident")
  void failingTimerRetriesWithAPause() {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    transactions.executeWithoutResult(status -> doThrow(new IllegalStateException("通知单服务暂时不可用"))
        .when(noticeService).issue(eq(NoticeKind.YELLOW), any(), anyBoolean(), anyBoolean(), any()));
    try {
      Job job = timer(pi, "stageLimitReached");
      for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
        // the job is due (first by its limit, then by its retry): it runs, fails and waits
        Job due = management.createJobQuery().jobId(job.getId()).singleResult();
        java.util.Date now = new java.util.Date(due.getDuedate().getTime() + 1_000);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isOne();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("通知单服务暂时不可用");

        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(retriesLeft);
        assertThat(failed.getDuedate()).as("five minutes after the failure")
            .isEqualTo(new java.util.Date(now.getTime() + 5 * 60_000));
        if (retriesLeft > 0) {
          assertThat(management.createJobQuery().jobId(job.getId()).executable().count())
              .as("not retried at once").isZero();
          assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        }
      }
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).incidentType("failedJob").list())
          .singleElement().satisfies(i -> assertThat(i.getIncidentMessage()).contains("通知单服务暂时不可用"));
      assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("waits for a person").isZero();
      assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.GREEN);
      assertThat(bookings(c)).isEmpty();
    } finally {
      transactions.executeWithoutResult(status -> doCallRealMethod().when(noticeService)
          .issue(eq(NoticeKind.YELLOW), any(), anyBoolean(), anyBoolean(), any()));
    }
  }

  @Test
  @DisplayName("R20 a timer job that only lost a race (an optimistic lock) is tried again at once, not after the pause")
  void lostRaceRetriesAtOnce() {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    transactions.executeWithoutResult(status -> doThrow(new OptimisticLockingException("另一个事务同时修改了同一条记录"))
        .doCallRealMethod().when(noticeService).issue(eq(NoticeKind.YELLOW), any(), anyBoolean(), anyBoolean(), any()));

    Job job = timer(pi, "stageLimitReached");
    java.util.Date due = job.getDuedate();
    assertThatThrownBy(() -> fire(pi, "stageLimitReached")).isInstanceOf(OptimisticLockingException.class);
    Job lost = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(lost.getRetries()).as("the engine does not count a lost race as an attempt").isEqualTo(3);
    assertThat(lost.getExceptionMessage()).contains("另一个事务同时修改了同一条记录");
    assertThat(lost.getDuedate()).as("due as it was").isEqualTo(due);
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).as("taken again at once").isOne();

    management.executeJob(job.getId());
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1");
  }

  @Test
  @DisplayName("R1 a registration that fails after it was numbered leaves no gap in the numbers")
  void failedRegistrationGivesItsNumberBack() {
    int first = caseOf(register()).getSequence();
    transactions.executeWithoutResult(status -> doThrow(new IllegalStateException("通知单服务暂时不可用"))
        .doCallRealMethod().when(noticeService).issue(eq(NoticeKind.GREEN), any(), anyBoolean(), anyBoolean(), any()));
    long casesBefore = cases.count();
    assertThatThrownBy(this::register).hasMessageContaining("通知单服务暂时不可用");
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(caseOf(register()).getSequence()).isEqualTo(first + 1);
  }

  @Test
  @DisplayName("R20 booking the same event twice books it once")
  void sameEventTwice() {
    Ledger.Booking booking = new Ledger.Booking("TEST:retry-twice:UNIT:zjj", SubjectType.UNIT, "zjj", "YELLOW_NOTICE",
        "R4", "测试", new BigDecimal("-1"), "TEST", "retry-twice", "YELLOW");
    LedgerEntry first = transactions.execute(status -> ledgerService.book(booking, Instant.now(), SHANGHAI));
    LedgerEntry again = transactions.execute(status -> {
      ledgerService.book(booking, Instant.now(), SHANGHAI);
      return ledgerService.book(booking, Instant.now(), SHANGHAI);
    });
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(ledger.findBySourceTypeAndSourceIdOrderById("TEST", "retry-twice")).hasSize(1);
  }

  @Test
  @DisplayName("R20 R14 the final step of accountability, failing after its first booking and retried, books the measure and the sanction once each")
  void accountabilityFinalStepRetried() {
    Map<String, Object> call = new HashMap<>(Map.of("subject", "PERSON:zjj-lin", "trigger", "RED_LIMIT_LAPSED",
        "sourceCase", "督〔2026〕801号", "description", "限期具结时限届满仍未办结", "caseLeader", "wangfxz"));
    ProcessInstance pi = runtime.startProcessInstanceByKey("accountability", "督〔2026〕801号", call);
    complete(pi, "assessFault", "xiaoneng", Map.of("severity", "SERIOUS", "directResponsibility", true, "facts", "未按期办结"));
    complete(pi, "decideSanction", "jijian", Map.of("sanction", "DEMERIT", "sanctionReason", "失职"));
    complete(pi, "approveMeasure", "wangfxz", Map.of("approvalDecision", "APPROVE"));
    complete(pi, "respondToNotice", "zjj-lin", Map.of("response", "ACCEPT"));
    // the sanction's price cannot be read once, after the measure was booked in the same step
    doThrow(new IllegalStateException("规则服务暂时不可用")).doCallRealMethod().when(accountabilityRules).deduction("DEMERIT");

    Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId("makeMeasureFinal").singleResult();
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("规则服务暂时不可用");
    AccountabilityRecord r = accountabilityRecords.findByProcessInstanceId(pi.getId()).orElseThrow();
    assertThat(r.getStatus()).isEqualTo(AccountabilityStatus.NOTIFIED);
    assertThat(ledger.findBySourceTypeAndSourceIdOrderById(AccountabilityService.LEDGER_SOURCE, r.getId().toString()))
        .isEmpty();
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);

    management.executeJob(job.getId());
    // the step run once more (two job executors, say) finds the record final and the entries booked
    transactions.executeWithoutResult(status -> accountabilityService.makeFinal(r.getId()));
    assertThat(ledger.findBySourceTypeAndSourceIdOrderById(AccountabilityService.LEDGER_SOURCE, r.getId().toString()))
        .extracting(e -> e.getRule() + " " + e.getPoints().stripTrailingZeros().toPlainString())
        .containsExactly("ADMONISHMENT_TALK -3", "DEMERIT -5");
    assertThat(accountabilityRecords.findById(r.getId()).orElseThrow().getStatus()).isEqualTo(AccountabilityStatus.FINAL);
  }

  @Test
  @DisplayName("R20 running the yellow-notice step again (an operator's process modification) books nothing more")
  void stepRunAgainBooksNothing() {
    ProcessInstance pi = register();
    signFor(pi);
    SupervisionCase c = caseOf(pi);
    fire(pi, "stageLimitReached");
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1");

    runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("issueYellowNotice").execute();
    assertThat(bookings(c)).containsExactly("YELLOW_NOTICE zjj -1");
    assertThat(notices.findByCaseIdOrderByIssuedAt(c.getId())).extracting(n -> n.getKind())
        .containsExactly(NoticeKind.GREEN, NoticeKind.YELLOW);
    assertThat(reload(c).getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
  }
}
