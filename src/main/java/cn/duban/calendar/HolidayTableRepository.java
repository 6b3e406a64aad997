package cn.duban.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HolidayTableRepository extends JpaRepository<HolidayTable, Long> {

  /** The revision in force of every year. */
  @Query("select t from HolidayTable t where t.revision = "
      + "(select max(u.revision) from HolidayTable u where u.year = t.year) order by t.year")
  List<HolidayTable> findCurrent();

  List<HolidayTable> findByYearOrderByRevisionDesc(int year);

  Optional<HolidayTable> findFirstByYearOrderByRevisionDesc(int year);

  Optional<HolidayTable> findFirstByYearAndOriginOrderByRevisionDesc(int year, HolidayTable.Origin origin);

  /** Changes as another node sees them: a new revision anywhere raises this. */
  @Query("select coalesce(max(t.id), 0) from HolidayTable t")
  long lastId();
}
