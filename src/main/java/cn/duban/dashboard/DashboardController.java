package cn.duban.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办看板 through the project's API, with the caller's authorizations, as Cockpit's plugin shows it. */
@RestController
public class DashboardController {

  private final Dashboard dashboard;

  public DashboardController(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @GetMapping("/api/dashboard")
  public Dashboard.Overview overview() {
    return dashboard.overview();
  }

  /** The open cases of a level ({@code level=YELLOW}) or a lead unit ({@code unit=zjj}), as the board lists them. */
  @GetMapping("/api/dashboard/cases")
  public Dashboard.CaseList cases(@RequestParam(required = false) String level,
      @RequestParam(required = false) String unit) {
    return dashboard.cases(level, unit);
  }
}
