package cn.duban.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisionCaseRepository extends JpaRepository<SupervisionCase, Long> {

  Optional<SupervisionCase> findByCaseNumber(String caseNumber);

  List<SupervisionCase> findByYearOrderBySequence(int year);

  List<SupervisionCase> findByProcessInstanceIdIn(Collection<String> processInstanceIds);
}
