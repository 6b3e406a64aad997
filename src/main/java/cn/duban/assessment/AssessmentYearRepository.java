package cn.duban.assessment;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AssessmentYearRepository extends JpaRepository<AssessmentYear, Integer> {
}
