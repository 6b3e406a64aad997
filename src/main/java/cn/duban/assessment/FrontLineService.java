package cn.duban.assessment;

import static cn.duban.common.Inputs.date;
import static cn.duban.common.Inputs.text;
import static cn.duban.common.Inputs.wholeNumber;

import cn.duban.calendar.LimitClock;
import cn.duban.common.InputException;
import cn.duban.organization.OrganizationService;
import cn.duban.organization.Person;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R27: leaders, unit heads and township secretaries record their days at the front line. */
@Service
@Transactional(noRollbackFor = InputException.class)
public class FrontLineService {

  private final FrontLineRecordRepository records;
  private final OrganizationService organization;
  private final AssessmentProperties properties;
  private final LimitClock clock;

  public FrontLineService(FrontLineRecordRepository records, OrganizationService organization,
      AssessmentProperties properties, LimitClock clock) {
    this.records = records;
    this.organization = organization;
    this.properties = properties;
    this.clock = clock;
  }

  /** A stay at the front line from {@code startDate} for {@code days} days; a day is recorded once. */
  public FrontLineRecord record(String personId, String startDate, Object days, String place, String work) {
    Person person = organization.person("person", personId);
    if (person.getRoles().stream().noneMatch(r -> properties.frontLineTargets().containsKey(r))) {
      throw new InputException("person", "只有县领导、部门主要负责人和乡镇党委书记登记一线工作日（person）");
    }
    LocalDate start = date("frontLineDate", startDate, "开始日期");
    if (start.isAfter(clock.today())) {
      throw new InputException("frontLineDate", "不能登记今后的日期（frontLineDate）");
    }
    int count = wholeNumber("frontLineDays", days, 0, 1, FrontLineRecord.MAX_DAYS, "天数");
    LocalDate end = start.plusDays(count - 1L);
    records.findByPersonIdAndStartDateBetween(person.getId(), start.minusDays(FrontLineRecord.MAX_DAYS), end)
        .stream().filter(f -> !f.endDate().isBefore(start)).findFirst().ifPresent(f -> {
          throw new InputException("frontLineDate", "与已登记的" + f.getStartDate() + "起" + f.getDays()
              + "天重叠，同一天不能登记两次（frontLineDate）");
        });
    return records.save(new FrontLineRecord(person.getId(), start, count, text("frontLinePlace", place, "地点", 255),
        text("frontLineWork", work, "工作内容", 2000), clock.now()));
  }
}
