package cn.duban.notice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

  List<Notice> findByCaseIdOrderByIssuedAt(Long caseId);

  Optional<Notice> findByCaseIdAndKind(Long caseId, NoticeKind kind);
}
