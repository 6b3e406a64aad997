package cn.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UnitResultRepository extends JpaRepository<UnitResult, Long> {

  List<UnitResult> findByYearOrderByRankAscUnitCodeAsc(int year);

  Optional<UnitResult> findByYearAndUnitCode(int year, String unitCode);

  List<UnitResult> findByUnitCode(String unitCode);

  @Modifying
  @Query("delete from UnitResult r where r.year = :year")
  void deleteByYear(int year);
}
