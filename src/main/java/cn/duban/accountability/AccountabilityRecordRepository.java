package cn.duban.accountability;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

import cn.duban.organization.SubjectKind;
public interface AccountabilityRecordRepository extends JpaRepository<AccountabilityRecord, Long> {

  Optional<AccountabilityRecord> findByProcessInstanceId(String processInstanceId);

  List<AccountabilityRecord> findByProcessInstanceIdIn(Collection<String> processInstanceIds);

  /** R33: the procedures in a state (those in their appeal window, for the reminder before it closes). */
  List<AccountabilityRecord> findByStatus(AccountabilityStatus status);

  List<AccountabilityRecord> findBySourceCaseOrderById(String sourceCase);

  List<AccountabilityRecord> findByParentIdOrderById(Long parentId);

  List<AccountabilityRecord> findBySubjectTypeAndSubjectIdAndYearAndStatusOrderById(SubjectKind subjectType,
      String subjectId, int year, AccountabilityStatus status);

  List<AccountabilityRecord> findBySubjectTypeAndYearAndStatusOrderById(SubjectKind subjectType, int year,
      AccountabilityStatus status);

  List<AccountabilityRecord> findByRectifyingHeadAndStatus(String rectifyingHead, AccountabilityStatus status);

  /** R13: the final records whose unit still owes its rectification. */
  List<AccountabilityRecord> findByStatusAndRectifyingHeadIsNotNullAndRectificationAcceptedAtIsNullOrderById(
      AccountabilityStatus status);
}
