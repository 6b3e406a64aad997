package cn.duban.engine;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MigrationRunRepository extends JpaRepository<MigrationRun, Long> {

  boolean existsByBatchId(String batchId);

  List<MigrationRun> findTop20ByOrderByStartedAtDescIdDesc();
}
