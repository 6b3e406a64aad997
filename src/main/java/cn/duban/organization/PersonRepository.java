package cn.duban.organization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, String> {

  List<Person> findByUnitCodeOrderById(String unitCode);
}
