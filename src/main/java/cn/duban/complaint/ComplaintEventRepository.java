package cn.duban.complaint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintEventRepository extends JpaRepository<ComplaintEvent, Long> {

  List<ComplaintEvent> findByComplaintIdOrderByOccurredAt(Long complaintId);

  Optional<ComplaintEvent> findByComplaintIdAndKind(Long complaintId, ComplaintEvent.Kind kind);
}
