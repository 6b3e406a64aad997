package cn.duban.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvestigationRepository extends JpaRepository<Investigation, Long> {

  List<Investigation> findByComplaintIdOrderByRound(Long complaintId);
}
