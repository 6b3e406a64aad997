package cn.duban.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ParentItemRepository extends JpaRepository<ParentItem, Long> {

  List<ParentItem> findAllByOrderByIdDesc();
}
