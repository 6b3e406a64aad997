package cn.duban.organization;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PostRepository extends JpaRepository<Post, Long> {

  Optional<Post> findByUnitCodeAndName(String unitCode, String name);
}
