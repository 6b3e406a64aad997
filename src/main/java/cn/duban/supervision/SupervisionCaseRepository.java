package cn.duban.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupervisionCaseRepository extends JpaRepository<SupervisionCase, Long> {

  Optional<SupervisionCase> findByCaseNumber(String caseNumber);

  List<SupervisionCase> findByYearOrderBySequence(int year);

  List<SupervisionCase> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  Optional<SupervisionCase> findByProcessInstanceId(String processInstanceId);

  /** R25: the open cases whose limits are provisional. */
  @Query("select c.processInstanceId from SupervisionCase c where c.limitsProvisional = true")
  List<String> findProvisionalInstances();
}
