package cn.duban.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BulletinRepository extends JpaRepository<Bulletin, Long> {

  Optional<Bulletin> findByPeriodFromAndPeriodTo(LocalDate from, LocalDate to);

  List<Bulletin> findAllByOrderByPeriodToDescIdDesc();

  List<Bulletin> findByStatusOrderByPeriodToDescIdDesc(BulletinStatus status);
}
