package cn.duban.supervision;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeaderFeedbackRepository extends JpaRepository<LeaderFeedback, Long> {

  boolean existsByCaseIdAndStepKey(Long caseId, String stepKey);

  List<LeaderFeedback> findByCaseIdOrderByHappenedAtAscIdAsc(Long caseId);

  List<LeaderFeedback> findByCaseIdInOrderByHappenedAtAscIdAsc(Collection<Long> caseIds);

  /** What a sender of messages (R33) has still to send. */
  List<LeaderFeedback> findByNotifiedAtIsNullOrderById();
}
