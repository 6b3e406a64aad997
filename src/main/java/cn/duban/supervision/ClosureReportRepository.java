package cn.duban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosureReportRepository extends JpaRepository<ClosureReport, Long> {
  List<ClosureReport> findByCaseIdOrderBySubmittedAt(Long caseId);

  Optional<ClosureReport> findFirstByCaseIdAndDecision(Long caseId, ReviewDecision decision);
}
