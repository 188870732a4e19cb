package org.raccord.api;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/** Each API client's own request budget per second: one rate limiter per client, one configuration. */
final class ClientBudgets {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private final RateLimiterRegistry limiters;

    ClientBudgets(int perSecond) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Whether this client may make one more request now. */
    boolean admit(String client) {
        return limiters.rateLimiter(client).acquirePermission();
    }
}
