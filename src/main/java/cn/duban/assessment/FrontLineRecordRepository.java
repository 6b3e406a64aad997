package cn.duban.assessment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FrontLineRecordRepository extends JpaRepository<FrontLineRecord, Long> {

  /** Days per person in a period, as (person id, days). */
  @Query("select f.personId, sum(f.days) from FrontLineRecord f where f.startDate between :from and :to"
      + " group by f.personId")
  List<Object[]> daysPerPerson(LocalDate from, LocalDate to);
}
