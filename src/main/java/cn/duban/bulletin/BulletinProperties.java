package cn.duban.bulletin;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * R34: the settings of the periodic bulletin (督查通报), {@code duban.bulletins} in application.yml.
 *
 * @param cycle when the monthly bulletin process starts by itself (cron; default 01:00 on the 1st):
 *     it then waits for the month's first working day and generates the bulletin of the past month
 * @param generateAt the time of day on the first working day at which the bulletin is generated
 * @param rankedUnits how many units the bulletin names as the best and as the worst, at most
 * @param praisedRules the ledger rules (case-score.dmn) whose bonuses the bulletin praises
 * @param criticisedRules the ledger rules whose deductions the bulletin criticises
 */
@ConfigurationProperties("duban.bulletins")
public record BulletinProperties(String cycle, LocalTime generateAt, int rankedUnits, List<String> praisedRules,
    List<String> criticisedRules) {

  public BulletinProperties {
    cycle = cycle == null || cycle.isBlank() ? "0 0 1 1 * ?" : cycle;
    generateAt = generateAt == null ? LocalTime.of(8, 30) : generateAt;
    rankedUnits = rankedUnits <= 0 ? 2 : rankedUnits;
    praisedRules = praisedRules == null ? List.of("CLOSED_EARLY", "EXCEEDS_STANDARD") : List.copyOf(praisedRules);
    criticisedRules = criticisedRules == null ? List.of("RED_NOTICE", "ACCOUNTABILITY") : List.copyOf(criticisedRules);
  }
}
