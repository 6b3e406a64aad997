package cn.duban.supervision;

import cn.duban.organization.InstanceViewers;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ParentItemRepository extends JpaRepository<ParentItem, Long> {

  /**
   * R29: the parents still being worked, newest first: not yet broken down, or with a child case
   * still open. The done ones, which accumulate year after year, are not read at all.
   */
  default List<ParentItem> findInProgressOrderByIdDesc() {
    return findWithChildIn(CaseStatus.open().stream().map(Enum::name).toList());
  }

  /** The parents without children, or with a child case in one of the given states, newest first. */
  @Query(value = """
      select p.* from parent_item p
      where not exists (select 1 from parent_item_child pc where pc.parent_id = p.id)
         or exists (select 1 from parent_item_child pc join supervision_case c on c.id = pc.case_id
                    where pc.parent_id = p.id and c.status in (:states))
      order by p.id desc""", nativeQuery = true)
  List<ParentItem> findWithChildIn(@Param("states") Collection<String> states);

  /**
   * R29: done parents (broken down, every child closed or withdrawn) older than {@code before},
   * newest first, at most {@code limit}.
   */
  default List<ParentItem> findDoneBefore(long before, int limit) {
    return findWithNoChildInBefore(CaseStatus.open().stream().map(Enum::name).toList(), before, limit);
  }

  /** The parents with children, none of them in one of the given states, older than {@code before}. */
  String NO_CHILD_IN_BEFORE = """
      from parent_item p
      where p.id < :before
        and exists (select 1 from parent_item_child pc where pc.parent_id = p.id)
        and not exists (select 1 from parent_item_child pc join supervision_case c on c.id = pc.case_id
                        where pc.parent_id = p.id and c.status in (:states))
      """;

  @Query(value = "select p.* " + NO_CHILD_IN_BEFORE + " order by p.id desc limit :limit", nativeQuery = true)
  List<ParentItem> findWithNoChildInBefore(@Param("states") Collection<String> states, @Param("before") long before,
      @Param("limit") int limit);

  /**
   * R29: who may read each child of the same done parents as {@link #findDoneBefore}, as rows: a unit
   * passes over other units' done parents without loading them or their children.
   */
  default List<ChildReaders> findDoneChildReadersBefore(long before, int limit) {
    return findChildReadersOfNoChildInBefore(CaseStatus.open().stream().map(Enum::name).toList(), before, limit)
        .stream().map(r -> new ChildReaders(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
            (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
  }

  @Query(value = """
      select child.parent_id, kase.process_instance_id, kase.lead_unit, kase.co_units, kase.former_lead_units,
             kase.leader_in_charge, kase.responsible_person, kase.instructing_leader
      from parent_item_child child join supervision_case kase on kase.id = child.case_id
      where child.parent_id in (select p.id\s""" + NO_CHILD_IN_BEFORE + " order by p.id desc limit :limit)"
      + " order by child.parent_id desc", nativeQuery = true)
  List<Object[]> findChildReadersOfNoChildInBefore(@Param("states") Collection<String> states,
      @Param("before") long before, @Param("limit") int limit);

  /** A parent's child: the columns that say who may read it. */
  record ChildReaders(long parentId, String processInstanceId, String leadUnit, String coUnits,
      String formerLeadUnits, String leaderInCharge, String responsiblePerson, String instructingLeader) {

    /** Who may read the child, as {@link SupervisionCase#viewers()} says. */
    public InstanceViewers viewers() {
      return SupervisionCase.viewers(processInstanceId, leadUnit, coUnits, formerLeadUnits, leaderInCharge,
          responsiblePerson, instructingLeader);
    }
  }
}
