package cn.duban.supervision;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {
  List<ProgressReport> findByCaseIdOrderByReportedAt(Long caseId);

  boolean existsByCaseIdAndReportedAtGreaterThanAndReportedAtLessThanEqual(Long caseId, Instant after, Instant until);
}
