package cn.duban.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingCode(String trackingCode);

  List<Complaint> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  long countByOfficialPersonAndYearAndStatusAndFindingIn(String officialPerson, int year, ComplaintStatus status,
      Collection<Finding> findings);
}
