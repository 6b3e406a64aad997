package cn.duban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.PostgresTestSupport;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R28 on a real PostgreSQL: the instruction's columns, the feedback log and the feedback sheet. */
class LeaderInstructionOnPostgresTest extends PostgresTestSupport {

  @Autowired DataSource dataSource;
  @Autowired LeaderFeedbackRepository feedback;
  @Autowired FeedbackSheetRepository sheets;

  @Test
  @DisplayName("R28 on PostgreSQL: a principal leader's instruction starts at yellow, its leader is told of each step, and closure issues the feedback sheet")
  void instructionToFeedbackSheet() throws Exception {
    try (var c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    ProcessInstance pi = register(LeaderInstructionTest.instructionForm("zhaoxz"));
    SupervisionCase c = caseOf(pi);
    assertThat(c.getWarningLevel()).isEqualTo(WarningLevel.YELLOW);
    assertThat(c.getInstruction().getLeader()).isEqualTo("zhaoxz");
    signFor(pi);
    setClock(LocalDateTime.of(2026, 3, 16, 10, 0));
    submitClosure(pi);
    accept(pi, false);

    assertThat(feedback.findByCaseIdOrderByHappenedAtAscIdAsc(c.getId())).extracting(f -> f.getStep().name())
        .containsExactly("REGISTERED", "YELLOW_NOTICE", "SIGNED_FOR", "CLOSURE_SUBMITTED", "CLOSED", "FEEDBACK_SHEET");
    List<FeedbackSheet> issued = sheets.findByCaseIdOrderBySequence(c.getId());
    assertThat(issued).singleElement().satisfies(s -> {
      assertThat(s.getAddressee()).isEqualTo("赵振邦县长");
      assertThat(s.getState()).contains("已办结", "按期");
    });
    assertThat(reload(c).getInstruction().getDocumentNumber()).isEqualTo("县政府办批〔2026〕12号");
  }
}
