package cn.duban.accountability;

import cn.duban.organization.Groups;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param appealDays R14: working days the subject has to appeal after being notified
 * @param rectificationDays R13: working days a unit has to report its rectification
 * @param principalLeaderApprover R12, R14: the group that approves a measure against the principal
 *     leader himself (nobody in the county is above him): the organisation department by default
 */
@ConfigurationProperties("duban.accountability")
public record AccountabilityProperties(int appealDays, int rectificationDays,
    @DefaultValue(Groups.ORGANIZATION_DEPARTMENT) String principalLeaderApprover) {
}
