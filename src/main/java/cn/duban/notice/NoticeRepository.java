package cn.duban.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  List<Notice> findByCaseIdOrderByIssuedAt(Long caseId);

  Optional<Notice> findByCaseIdAndKind(Long caseId, NoticeKind kind);

  /** R34: the notices of many cases at once (the 台账). */
  List<Notice> findByCaseIdInOrderByIssuedAt(Collection<Long> caseIds);

  /** R34: the notices issued in a period (a bulletin). */
  List<Notice> findByIssuedAtGreaterThanEqualAndIssuedAtLessThan(Instant from, Instant until);
}
