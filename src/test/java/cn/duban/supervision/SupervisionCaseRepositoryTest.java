package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.ProcessTestSupport;
import jakarta.persistence.AttributeNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A case read by its id comes with its milestones, through the graph the entity names. */
class SupervisionCaseRepositoryTest extends ProcessTestSupport {

  @PersistenceContext EntityManager em;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  @DisplayName("findById reads the case with its milestones, through a graph that is found by its name")
  void caseWithItsMilestones() {
    Long id = caseOf(register()).getId();

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      // Spring Data asks for the graph by this name first; were it missing, every read would pay an exception
      assertThat(em.getEntityGraph(SupervisionCase.WITH_MILESTONES).getAttributeNodes())
          .extracting(AttributeNode::getAttributeName).containsExactly("milestones");

      SupervisionCase c = cases.findById(id).orElseThrow();
      assertThat(em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(c, "milestones"))
          .as("milestones fetched with the case").isTrue();
      assertThat(c.getMilestones()).extracting(Milestone::getName).containsExactly("12个小区全部开工");
    });
  }
}
