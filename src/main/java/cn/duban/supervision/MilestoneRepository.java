package cn.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MilestoneRepository extends JpaRepository<Milestone, Long> {
  List<Milestone> findByCaseIdOrderBySequence(Long caseId);
}
