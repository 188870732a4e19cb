package org.raccord.wholesale;

import java.time.Duration;

/**
 * How hard Raccord protects itself and the owner.
 *
 * @param quotaPerSecond   calls per second to the owner, all operations together (keep below its quota)
 * @param permitWait       how long a caller may wait for a quota permit before giving up
 * @param failureRate      percentage of failed calls in the window that opens a breaker
 * @param window           calls in each breaker's sliding window
 * @param minimumCalls     calls before a breaker judges the failure rate
 * @param openWait         how long an open breaker refuses calls before letting a few through
 * @param retryAttempts    attempts of a read (1 = no retry)
 * @param retryBase        first backoff; doubles each attempt, with ±50 % jitter
 * @param concurrentCalls  calls in flight per interface
 */
public record GuardSettings(int quotaPerSecond, Duration permitWait, float failureRate, int window, int minimumCalls,
                            Duration openWait, int retryAttempts, Duration retryBase, int concurrentCalls) {

    public static GuardSettings defaults() {
        return new GuardSettings(40, Duration.ofSeconds(2), 50, 20, 5, Duration.ofSeconds(30), 3,
                Duration.ofMillis(200), 4);
    }
}
