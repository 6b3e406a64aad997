package cn.duban.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {
  List<ExtensionRequest> findByCaseIdOrderByRequestedAt(Long caseId);

  Optional<ExtensionRequest> findFirstByCaseIdAndDecision(Long caseId, ReviewDecision decision);
}
