package cn.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PersonResultRepository extends JpaRepository<PersonResult, Long> {

  List<PersonResult> findByYearOrderByUnitCodeAscScoreDescPersonIdAsc(int year);

  Optional<PersonResult> findByYearAndPersonId(int year, String personId);

  @Modifying
  @Query("delete from PersonResult r where r.year = :year")
  void deleteByYear(int year);
}
