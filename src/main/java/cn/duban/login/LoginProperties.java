package cn.duban.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins are slowed (see {@link LoginThrottle}).
 *
 * @param userFailures failures of one user from one address answered at once; each further one makes
 *     that user wait at that address
 * @param addressFailures failures from one address, whatever the users, answered at once; each further
 *     one makes the whole address wait (a guesser trying many users)
 * @param firstDelay the wait after the first failure beyond those, doubled with every further failure
 * @param maxDelay the longest wait: a throttle always ends by itself
 * @param forgetAfter a key without a failure for this long starts afresh, and its row is purged
 */
@ConfigurationProperties("duban.login")
public record LoginProperties(int userFailures, int addressFailures, Duration firstDelay, Duration maxDelay,
    Duration forgetAfter) {
}
