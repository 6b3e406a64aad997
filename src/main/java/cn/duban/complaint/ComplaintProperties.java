package cn.duban.complaint;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param investigationDays R17: working days to investigate, by type, counted from the day after
 *     receipt (投诉 13, 咨询 3)
 * @param reminderDays R17: the handler is reminded this many working days before the limit
 * @param criticismDays R17: working days after the urging notice until the circulated criticism
 * @param followUpDays R18: working days for the follow-up visit after the reply
 * @param publicSubmissions how many complaints one address may file through the public page ...
 * @param publicWindow ... within this window
 */
@ConfigurationProperties("duban.complaints")
public record ComplaintProperties(Map<ComplaintType, Integer> investigationDays, int reminderDays, int criticismDays,
    int followUpDays, int publicSubmissions, Duration publicWindow) {

  public int investigationDays(ComplaintType type) {
    Integer days = investigationDays.get(type);
    if (days == null) {
      throw new IllegalStateException("duban.complaints.investigation-days has no limit for " + type);
    }
    return days;
  }
}
