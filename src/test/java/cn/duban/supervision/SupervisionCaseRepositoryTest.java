package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A case read by its id comes with its milestones in one statement, and from the transaction once it holds it. */
class SupervisionCaseRepositoryTest extends ProcessTestSupport {

  @Autowired EntityManagerFactory emf;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  @DisplayName("findById reads the case and its milestones, in order, in one statement; read again, in none")
  void caseWithItsMilestones() {
    Map<String, Object> form = registrationForm();
    form.put("milestones", "2026-03-10 完成设计\n2026-03-20 12个小区全部开工");
    Long id = caseOf(register(form)).getId();
    Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      statistics.setStatisticsEnabled(true);
      try {
        statistics.clear();
        SupervisionCase c = cases.findById(id).orElseThrow();
        assertThat(emf.getPersistenceUnitUtil().isLoaded(c, "milestones")).as("milestones fetched with the case")
            .isTrue();
        assertThat(c.getMilestones()).extracting(Milestone::getName).containsExactly("完成设计", "12个小区全部开工");
        assertThat(statistics.getPrepareStatementCount()).as("statements for the case and its milestones").isOne();

        assertThat(cases.findById(id)).as("the transaction's own case").containsSame(c);
        assertThat(statistics.getPrepareStatementCount()).as("statements for a case the transaction holds").isOne();
        assertThat(cases.findById(-1L)).isEmpty();
      } finally {
        statistics.setStatisticsEnabled(false);
      }
    });
  }

  @Test
  @DisplayName("outside a transaction findById reads the case and its milestones as well")
  void caseOutsideATransaction() {
    Long id = caseOf(register()).getId();

    SupervisionCase c = cases.findById(id).orElseThrow();

    assertThat(c.getMilestones()).extracting(Milestone::getName).containsExactly("12个小区全部开工");
    assertThat(cases.findById(-1L)).isEmpty();
  }
}
