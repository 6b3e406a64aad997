package cn.duban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionCaseRepository extends JpaRepository<SupervisionCase, Long> {

  Optional<SupervisionCase> findByCaseNumber(String caseNumber);

  List<SupervisionCase> findByYearOrderBySequence(int year);
}
