package cn.duban.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PostRepository extends JpaRepository<Post, Long> {

  List<Post> findByUnitCodeOrderById(String unitCode);

  Optional<Post> findByUnitCodeAndName(String unitCode, String name);
}
