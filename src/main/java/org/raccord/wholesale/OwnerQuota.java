package org.raccord.wholesale;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * The owner's quota as Raccord keeps it: at most {@code perSecond} calls in <em>any</em> second,
 * whichever second the owner counts in. A limiter that grants N per one-second period can grant N
 * at the end of one period and N more at the start of the next, 2N within the owner's second; in
 * quarter-second periods of N/5, any second overlaps at most five of them. The price: a sustained
 * rate of 4N/5.
 */
final class OwnerQuota {

    static final Duration PERIOD = Duration.ofMillis(250);
    /** Periods of {@link #PERIOD} any one-second window can overlap. */
    private static final int OVERLAPPED = 5;

    private OwnerQuota() {
    }

    static RateLimiterConfig config(int perSecond, Duration permitWait) {
        if (perSecond < OVERLAPPED) {
            throw new IllegalArgumentException("raccord.wholesale.quotaPerSecond must be at least " + OVERLAPPED + ": " + perSecond);
        }
        return RateLimiterConfig.custom().limitForPeriod(perSecond / OVERLAPPED).limitRefreshPeriod(PERIOD)
                .timeoutDuration(permitWait).build();
    }

    /** The most calls this limiter lets through in any one second. */
    static int perSecond(RateLimiter limiter) {
        return limiter.getRateLimiterConfig().getLimitForPeriod() * OVERLAPPED;
    }
}
