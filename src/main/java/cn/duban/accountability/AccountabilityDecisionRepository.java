package cn.duban.accountability;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountabilityDecisionRepository extends JpaRepository<AccountabilityDecision, Long> {

  Optional<AccountabilityDecision> findByProcessInstanceId(String processInstanceId);

  List<AccountabilityDecision> findBySourceCaseOrderById(String sourceCase);
}
