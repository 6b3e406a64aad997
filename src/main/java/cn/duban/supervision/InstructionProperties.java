package cn.duban.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * R28: leaders' instructions.
 *
 * @param principalLeaderAtLeastYellow a case instructed by a principal leader (主要领导) starts at
 *     yellow at least, unless the office ticks the registration form's override
 */
@ConfigurationProperties("duban.instructions")
public record InstructionProperties(@DefaultValue("true") boolean principalLeaderAtLeastYellow) {
}
