package cn.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UrgingRecordRepository extends JpaRepository<UrgingRecord, Long> {
  List<UrgingRecord> findByCaseIdOrderByRecordedAt(Long caseId);

  boolean existsByActivityInstanceId(String activityInstanceId);
}
