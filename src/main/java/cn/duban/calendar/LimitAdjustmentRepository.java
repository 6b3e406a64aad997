package cn.duban.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LimitAdjustmentRepository extends JpaRepository<LimitAdjustment, Long> {

  List<LimitAdjustment> findByHolidayTableIdOrderById(Long holidayTableId);

  List<LimitAdjustment> findByProcessInstanceIdOrderById(String processInstanceId);
}
