package cn.duban.accountability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param appealDays R14: working days the subject has to appeal after being notified
 * @param rectificationDays R13: working days a unit has to report its rectification
 */
@ConfigurationProperties("duban.accountability")
public record AccountabilityProperties(int appealDays, int rectificationDays) {
}
