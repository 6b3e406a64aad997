package cn.duban.supervision;

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

  @Query(value = """
      select p.* from parent_item p
      where p.id < :before
        and exists (select 1 from parent_item_child pc where pc.parent_id = p.id)
        and not exists (select 1 from parent_item_child pc join supervision_case c on c.id = pc.case_id
                        where pc.parent_id = p.id and c.status in (:states))
      order by p.id desc
      limit :limit""", nativeQuery = true)
  List<ParentItem> findWithNoChildInBefore(@Param("states") Collection<String> states, @Param("before") long before,
      @Param("limit") int limit);
}
