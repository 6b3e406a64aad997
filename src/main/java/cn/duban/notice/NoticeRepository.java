package cn.duban.notice;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  List<Notice> findByCaseIdOrderByIssuedAt(Long caseId);

  /**
   * A case's notice of a kind. Every escalation asks it, mostly of a case without one: a list
   * spares the exception an absent single result costs (Spring Data's {@code Optional} query reads
   * it with {@code getSingleResult}), and the query string's plan is cached where a derived query's
   * criteria are translated anew on every call. It reads without flushing the step's changes
   * first: a notice is written as it is issued, and neither its case nor its kind ever changes.
   */
  default Optional<Notice> findByCaseIdAndKind(Long caseId, NoticeKind kind) {
    return listByCaseIdAndKind(caseId, kind).stream().findFirst();
  }

  @Query("select n from Notice n where n.caseId = :caseId and n.kind = :kind")
  @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
  List<Notice> listByCaseIdAndKind(Long caseId, NoticeKind kind);

  /** R34: the notices of many cases at once (the 台账). */
  List<Notice> findByCaseIdInOrderByIssuedAt(Collection<Long> caseIds);

  /** R34: the notices issued in a period (a bulletin). */
  List<Notice> findByIssuedAtGreaterThanEqualAndIssuedAtLessThan(Instant from, Instant until);
}
