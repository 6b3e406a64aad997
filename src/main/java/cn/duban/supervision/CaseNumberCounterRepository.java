package cn.duban.supervision;

import org.springframework.data.jpa.repository.JpaRepository;

/** Creates a year's counter; {@link CaseNumbering} takes its numbers with one statement. */
public interface CaseNumberCounterRepository extends JpaRepository<CaseNumberCounter, Integer> {
}
