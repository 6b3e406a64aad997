package cn.duban.webapp;

import cn.duban.calendar.LimitClock;
import cn.duban.organization.OrganizationForms;
import cn.duban.organization.OrganizationSeeder;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What runs once the engine has deployed the models: the organisation, who may see and do what, the forms' option
 * lists that follow the organisation, the Tasklist filters, and a warning when next year's holidays are still missing.
 */
@Component
public class Startup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

  private final OrganizationSeeder seeder;
  private final OrganizationForms forms;
  private final TasklistFilters filters;
  private final AccessSetup access;
  private final LimitClock clock;

  public Startup(OrganizationSeeder seeder, OrganizationForms forms, TasklistFilters filters, AccessSetup access,
      LimitClock clock) {
    this.seeder = seeder;
    this.forms = forms;
    this.filters = filters;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    seeder.seed();
    access.ensure();
    forms.refresh();
    filters.ensure();
    LocalDate today = clock.today();
    int nextYear = today.getYear() + 1;
    if (today.getMonthValue() >= 11 && !clock.calendar().coveredYears().contains(nextYear)) {
      LOG.warn("No holiday data for {} yet: limits that reach {} will fail until {}/{}.txt is added",
          nextYear, nextYear, clock.calendar().holidayDir(), nextYear);
    }
  }
}
