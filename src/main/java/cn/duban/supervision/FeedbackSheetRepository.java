package cn.duban.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackSheetRepository extends JpaRepository<FeedbackSheet, Long> {

  List<FeedbackSheet> findByCaseIdOrderBySequence(Long caseId);

  List<FeedbackSheet> findByCaseIdInOrderBySequence(Collection<Long> caseIds);

  Optional<FeedbackSheet> findByCaseIdAndSequence(Long caseId, int sequence);

  boolean existsByCaseIdAndOccasion(Long caseId, FeedbackSheet.Occasion occasion);
}
