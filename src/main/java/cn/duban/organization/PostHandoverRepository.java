package cn.duban.organization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PostHandoverRepository extends JpaRepository<PostHandover, Long> {

  List<PostHandover> findByPostIdOrderByHandedAtAscIdAsc(Long postId);
}
