package org.raccord.wholesale;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * The owner's quota as Raccord keeps it: at most {@code perSecond} calls in <em>any</em> second,
 * whichever second the owner counts in. A limiter that grants N per one-second period can grant N
 * at the end of one period and N more at the start of the next, 2N within the owner's second. In
 * quarter-second periods, the calls granted within any second span at most five of them; a call
 * may also reach the owner up to a quarter of a second after its grant (a late wake-up, a GC
 * pause, connection set-up), so the calls arriving within one owner second span at most six:
 * N/6 a period keeps them within N. The price: a sustained rate of 2N/3.
 */
final class OwnerQuota {

    static final Duration PERIOD = Duration.ofMillis(250);
    /** Periods of {@link #PERIOD} whose calls can reach the owner within one of its seconds. */
    private static final int OVERLAPPED = 6;

    private OwnerQuota() {
    }

    static RateLimiterConfig config(int perSecond, Duration permitWait) {
        return RateLimiterConfig.custom().limitForPeriod(perPeriod(perSecond)).limitRefreshPeriod(PERIOD)
                .timeoutDuration(permitWait).build();
    }

    /** Calls granted per {@link #PERIOD} for a quota of {@code perSecond} in any second. */
    static int perPeriod(int perSecond) {
        if (perSecond < OVERLAPPED) {
            throw new IllegalArgumentException("raccord.wholesale.quotaPerSecond must be at least " + OVERLAPPED + ": " + perSecond);
        }
        return perSecond / OVERLAPPED;
    }
}
