package cn.duban.assessment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FrontLineRecordRepository extends JpaRepository<FrontLineRecord, Long> {

  List<FrontLineRecord> findByStartDateBetween(LocalDate from, LocalDate to);

  List<FrontLineRecord> findByPersonIdAndStartDateBetween(String personId, LocalDate from, LocalDate to);
}
