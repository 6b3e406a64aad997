package cn.duban.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default limits in working days; the registering office may override the first four per case.
 *
 * @param signForDays R2: to sign for a registered item
 * @param yellowDays R4: the new limit a yellow notice sets
 * @param redDays R5: the last limit a red notice sets
 * @param reportIntervalDays R3: between periodic progress reports (0: none)
 * @param reviewDays R7: for the supervision office to accept or reject a closure report
 * @param urgingDays for the supervision office to carry out an urging task
 * @param decisionDays for a leader to decide an approval task
 * @param interviewDays R9: to hold and record an interview
 * @param earlyClosureDays a closure reported at least this many working days before the
 *     deadline counts as early
 * @param coUnitDaysBeforeDeadline R31: a co-unit reports its part to the lead unit this many
 *     working days before the deadline, unless the lead unit sets another limit at sign-for
 */
@ConfigurationProperties("duban.limits")
public record SupervisionProperties(int signForDays, int yellowDays, int redDays, int reportIntervalDays,
    int reviewDays, int urgingDays, int decisionDays, int interviewDays, int earlyClosureDays,
    int coUnitDaysBeforeDeadline) {
}
