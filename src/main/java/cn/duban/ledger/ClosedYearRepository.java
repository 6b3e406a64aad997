package cn.duban.ledger;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClosedYearRepository extends JpaRepository<ClosedYear, Integer> {
}
