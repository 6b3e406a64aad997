package cn.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

  Optional<LedgerEntry> findByEventKey(String eventKey);

  List<LedgerEntry> findBySourceTypeAndSourceIdOrderById(String sourceType, String sourceId);
}
