package cn.duban.supervision;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UrgingRecordRepository extends JpaRepository<UrgingRecord, Long> {
  List<UrgingRecord> findByCaseIdOrderByRecordedAt(Long caseId);

  boolean existsByActivityInstanceId(String activityInstanceId);

  /** R9, R22: interviews of a unit's head over the unit's cases in a period. */
  @Query("select count(u) from UrgingRecord u, SupervisionCase c where u.caseId = c.id and c.leadUnit = :unit"
      + " and u.method in :methods and u.recordedAt >= :from and u.recordedAt < :to")
  long countInterviews(String unit, java.util.Collection<UrgingMethod> methods, Instant from, Instant to);
}
