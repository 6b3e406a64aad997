package cn.duban.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

  Optional<Complaint> findByTrackingCode(String trackingCode);

  List<Complaint> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  Optional<Complaint> findByProcessInstanceId(String processInstanceId);

  /** R25: the complaints whose investigation limits are provisional. */
  @Query("select c.processInstanceId from Complaint c where c.limitsProvisional = true")
  List<String> findProvisionalInstances();

  long countByOfficialPersonAndYearAndStatusAndFindingIn(String officialPerson, int year, ComplaintStatus status,
      Collection<Finding> findings);

  /** (official person, count) of the complaints of a year with these findings. */
  @Query("select c.officialPerson, count(c) from Complaint c where c.year = :year and c.status = :status"
      + " and c.finding in :findings and c.officialPerson is not null group by c.officialPerson")
  List<Object[]> countByOfficialPerson(int year, ComplaintStatus status, Collection<Finding> findings);
}
