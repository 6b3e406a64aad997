package cn.duban.assessment;

import cn.duban.organization.Role;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseScore every unit and person starts the year with this score (R20)
 * @param excellentShare R21: at most this share of a unit's people may be graded 优秀
 * @param goodTierShare R22: the best share of units, tier 好 (at least one unit)
 * @param poorTierCount R22: the last units, tier 差: self-examination and an interview of the head
 * @param startCycle when the assessment of the past year starts by itself (cron, default 15 January)
 * @param highlightBonus R23: the bonus of a selected highlight
 * @param highlightCycle when a half-year highlight selection starts by itself (cron)
 * @param frontLineTargets R27: days a year at the front line, by post
 * @param poolSmallUnits R32: the people of units too small for one 优秀 place of their own (whose
 *     share rounds down to nobody) compete for 优秀 places counted on all of them together, at the
 *     county level; off, such units have no 优秀 place
 */
@ConfigurationProperties("duban.assessment")
public record AssessmentProperties(BigDecimal baseScore, double excellentShare, double goodTierShare,
    int poorTierCount, String startCycle, BigDecimal highlightBonus, String highlightCycle,
    Map<Role, Integer> frontLineTargets, boolean poolSmallUnits) {
}
