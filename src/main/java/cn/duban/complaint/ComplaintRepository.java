package cn.duban.complaint;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingCode(String trackingCode);

  long countByOfficialPersonAndYearAndStatusAndFindingIn(String officialPerson, int year, ComplaintStatus status,
      Collection<Finding> findings);
}
