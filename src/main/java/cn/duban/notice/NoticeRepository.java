package cn.duban.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  List<Notice> findByCaseIdOrderByIssuedAt(Long caseId);

  /**
   * A case's notice of a kind. Written out because Hibernate translates a derived query's criteria
   * anew on every call, and caches the plan of a query string: this one runs in every escalation.
   */
  @Query("select n from Notice n where n.caseId = :caseId and n.kind = :kind")
  Optional<Notice> findByCaseIdAndKind(Long caseId, NoticeKind kind);

  /** R34: the notices of many cases at once (the 台账). */
  List<Notice> findByCaseIdInOrderByIssuedAt(Collection<Long> caseIds);

  /** R34: the notices issued in a period (a bulletin). */
  List<Notice> findByIssuedAtGreaterThanEqualAndIssuedAtLessThan(Instant from, Instant until);
}
