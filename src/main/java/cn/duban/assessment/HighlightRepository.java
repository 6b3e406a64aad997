package cn.duban.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HighlightRepository extends JpaRepository<Highlight, Long> {

  List<Highlight> findByProcessInstanceIdOrderById(String processInstanceId);

  Optional<Highlight> findByProcessInstanceIdAndUnitCode(String processInstanceId, String unitCode);
}
