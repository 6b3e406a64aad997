package cn.duban.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

  /** Whether anything was booked into a year after a moment: a computed draft is then out of date. */
  boolean existsByYearAndBookedAtAfter(int year, Instant after);


  /** The entry an event booked (asked by {@link Ledger} only when the event turns out booked already). */
  @Query("select l from LedgerEntry l where l.eventKey = :eventKey")
  Optional<LedgerEntry> findByEventKey(String eventKey);

  List<LedgerEntry> findBySourceTypeAndSourceIdOrderById(String sourceType, String sourceId);

  /** A year's entries of one kind of source (the rule preview re-evaluates them). */
  List<LedgerEntry> findByYearAndSourceTypeOrderById(int year, String sourceType);

  /**
   * A year's totals per subject, as (subject type, subject id, sum of points): units and people in
   * one pass over the year's entries, however many.
   */
  @Query("select l.subjectType, l.subjectId, sum(l.points) from LedgerEntry l where l.year = :year"
      + " group by l.subjectType, l.subjectId")
  List<Object[]> totals(int year);

  /** R34: the entries of the years booked in a period (a bulletin): the years narrow it to their index. */
  List<LedgerEntry> findByYearInAndBookedAtGreaterThanEqualAndBookedAtLessThanOrderByBookedAtAscIdAsc(
      Collection<Integer> years, Instant from, Instant until);

  List<LedgerEntry> findByYearAndSubjectTypeAndSubjectIdOrderByBookedAtAscIdAsc(int year, SubjectType type,
      String subjectId);
}
