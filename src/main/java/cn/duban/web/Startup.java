package cn.duban.web;

import cn.duban.calendar.Retimer;
import cn.duban.engine.ShippedModels;
import cn.duban.organization.OrganizationForms;
import cn.duban.organization.OrganizationSeeder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What runs once the engine is up: the shipped models that the release changed (never over an
 * analyst's version, {@link ShippedModels}), the organisation, who may see and do what, the forms' option
 * lists that follow the organisation, the Tasklist filters (the leaders' 我批示的事项 among them), and the
 * re-timing of limits that holiday tables taken at start-up move (R25). Nodes of one database
 * started together take their turns ({@link StartupLock}).
 */
@Component
public class Startup implements ApplicationRunner {

  private final ShippedModels models;
  private final OrganizationSeeder seeder;
  private final OrganizationForms forms;
  private final TasklistFilters filters;
  private final InstructionFilters instructionFilters;
  private final AccessSetup access;
  private final Retimer retimer;
  private final StartupLock lock;

  public Startup(ShippedModels models, OrganizationSeeder seeder, OrganizationForms forms, TasklistFilters filters,
      InstructionFilters instructionFilters, AccessSetup access, Retimer retimer, StartupLock lock) {
    this.models = models;
    this.seeder = seeder;
    this.forms = forms;
    this.filters = filters;
    this.instructionFilters = instructionFilters;
    this.access = access;
    this.retimer = retimer;
    this.lock = lock;
  }

  @Override
  public void run(ApplicationArguments args) {
    lock.during(() -> {
      models.deploy();
      seeder.seed();
      access.ensure();
      access.restoreInstanceGrants();
      access.removeGrantsOnEndedInstances();
      forms.refresh();
      filters.ensure();
      instructionFilters.ensureAll();
      // holiday tables that came in as files, and limits left provisional by a restart or another node
      retimer.confirmProvisional();
    });
  }
}
