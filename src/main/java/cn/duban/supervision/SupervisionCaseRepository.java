package cn.duban.supervision;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SupervisionCaseRepository extends JpaRepository<SupervisionCase, Long>, CaseById {

  /** As {@link CaseById#findById}: declared here too, or a call could not choose it over JpaRepository's. */
  @Override
  Optional<SupervisionCase> findById(Long id);

  Optional<SupervisionCase> findByCaseNumber(String caseNumber);

  List<SupervisionCase> findByYearOrderBySequence(int year);

  /** The cases accepted (closed) within a period, for the rule preview's co-unit ratings. */
  List<SupervisionCase> findByClosedAtGreaterThanEqualAndClosedAtLessThan(java.time.Instant from, java.time.Instant to);

  List<SupervisionCase> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  Optional<SupervisionCase> findByProcessInstanceId(String processInstanceId);

  /** R33: the cases in the given states (the open ones, for the reminders and the daily digest). */
  List<SupervisionCase> findByStatusIn(Collection<CaseStatus> statuses);

  /** R28: the cases the given leaders instructed, newest first. */
  @Query("select c from SupervisionCase c where c.instruction.leader in :leaders order by c.id desc")
  List<SupervisionCase> findInstructedBy(@org.springframework.data.repository.query.Param("leaders") Collection<String> leaders);

  /** R28: the open cases the given leaders instructed, newest first (for 督办看板). */
  default List<SupervisionCase> findOpenInstructedBy(Collection<String> leaders) {
    return findInstructedIn(leaders, CaseStatus.open());
  }

  /**
   * R28: the done (closed or withdrawn) cases the given leaders instructed, the last done first, a
   * page of them: 督办看板 shows the latest, not every year's.
   */
  default List<SupervisionCase> findDoneInstructedBy(Collection<String> leaders, Pageable page) {
    return findInstructedLastDoneFirst(leaders, CaseStatus.done(), page);
  }

  @Query("select c from SupervisionCase c where c.instruction.leader in :leaders and c.status in :states"
      + " order by c.id desc")
  List<SupervisionCase> findInstructedIn(@Param("leaders") Collection<String> leaders,
      @Param("states") Collection<CaseStatus> states);

  @Query("select c from SupervisionCase c where c.instruction.leader in :leaders and c.status in :states"
      + " order by coalesce(c.closedAt, c.withdrawnAt) desc, c.id desc")
  List<SupervisionCase> findInstructedLastDoneFirst(@Param("leaders") Collection<String> leaders,
      @Param("states") Collection<CaseStatus> states, Pageable page);

  /** R28: every instructed case, newest first. */
  @Query("select c from SupervisionCase c where c.instruction.leader is not null order by c.id desc")
  List<SupervisionCase> findInstructed();

  /** R34: the cases registered or closed since the moment (the charts' twelve months). */
  @Query("select c from SupervisionCase c where c.registeredAt >= :from or c.closedAt >= :from")
  List<SupervisionCase> findRegisteredOrClosedSince(@org.springframework.data.repository.query.Param("from") Instant from);

  /** R34: the same cases, only what the charts count of each and who may read it, no entity loaded. */
  @Query("select new cn.duban.supervision.CaseCharts$Row(c.status, c.warningLevel, c.registeredAt, c.closedAt,"
      + " c.leadUnit, c.closedOnTime, c.processInstanceId, c.coUnits, c.formerLeadUnits, c.leaderInCharge,"
      + " c.responsiblePerson, c.instruction.leader) from SupervisionCase c where c.registeredAt >= :from"
      + " or c.closedAt >= :from")
  List<CaseCharts.Row> findChartRowsSince(@org.springframework.data.repository.query.Param("from") Instant from);

  /**
   * R34: the cases a bulletin of the period counts: registered before its end, and neither closed
   * nor withdrawn before its start.
   */
  @Query("select c from SupervisionCase c where c.registeredAt < :until and (c.closedAt is null or c.closedAt >= :from)"
      + " and (c.withdrawnAt is null or c.withdrawnAt >= :from)")
  List<SupervisionCase> findCountedIn(@org.springframework.data.repository.query.Param("from") Instant from,
      @org.springframework.data.repository.query.Param("until") Instant until);

  /** R25: the open cases whose limits are provisional. */
  @Query("select c.processInstanceId from SupervisionCase c where c.limitsProvisional = true")
  List<String> findProvisionalInstances();
}
