package cn.duban.calendar;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone the zone in which a working day starts and ends
 * @param holidayDir folder with one {@code <year>.txt} per year that an administrator maintains;
 *     a year found there replaces the built-in data of that year
 * @param demoWorkingDay when set, one working day of every limit lasts this long, counted from
 *     the moment the limit is computed (a demonstration setting: a case turns yellow in minutes)
 */
@ConfigurationProperties("duban.calendar")
public record CalendarProperties(ZoneId zone, String holidayDir, Duration demoWorkingDay) {

  public CalendarProperties {
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    holidayDir = holidayDir == null ? "config/holidays" : holidayDir;
  }
}
