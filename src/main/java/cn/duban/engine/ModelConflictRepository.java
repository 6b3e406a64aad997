package cn.duban.engine;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ModelConflictRepository extends JpaRepository<ModelConflict, Long> {

  Optional<ModelConflict> findByResourceNameAndShippedHash(String resourceName, String shippedHash);

  List<ModelConflict> findByResourceNameAndResolutionIsNull(String resourceName);

  List<ModelConflict> findByResolutionIsNullOrderByDetectedAt();
}
