package org.raccord.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/**
 * Each API client's own request budget: one rate limiter per client, built from one shared
 * configuration, or from the client's own where the deployment gives one (a bulk back-office tool
 * may need more than a portal, a trial client less).
 */
final class ClientBudgets {

    /** A budget: this many requests per period. */
    record Budget(int requests, Duration period) {

        /** Reads "requests/seconds", for example "500/1" or "3/60". */
        static Budget parse(String text) {
            String[] parts = text.trim().split("/");
            try {
                int requests = Integer.parseInt(parts[0].trim());
                long seconds = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1;
                if (parts.length > 2 || requests < 1 || seconds < 1) {
                    throw new NumberFormatException(text);
                }
                return new Budget(requests, Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a budget reads requests/seconds, e.g. 500/1, not: " + text, e);
            }
        }

        RateLimiterConfig limiter() {
            return RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                    .timeoutDuration(Duration.ZERO).build();
        }
    }

    private final RateLimiterRegistry limiters;
    private final Map<String, Budget> ownBudgets;

    ClientBudgets(int perSecond) {
        this(perSecond, Map.of());
    }

    ClientBudgets(int perSecond, Map<String, Budget> ownBudgets) {
        this.limiters = RateLimiterRegistry.of(new Budget(perSecond, Duration.ofSeconds(1)).limiter());
        this.ownBudgets = Map.copyOf(ownBudgets);
    }

    /** Reads "client:requests/seconds" entries separated by commas, for example "bulk-tool:500/1,trial:3/60". */
    static Map<String, Budget> parseAll(String text) {
        Map<String, Budget> budgets = new HashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a client budget reads client:requests/seconds, not: " + entry);
            }
            budgets.put(entry.substring(0, colon).trim(), Budget.parse(entry.substring(colon + 1)));
        }
        return budgets;
    }

    /** Whether this client may make one more request now. */
    boolean admit(String client) {
        Budget own = ownBudgets.get(client);
        RateLimiter limiter = own == null ? limiters.rateLimiter(client) : limiters.rateLimiter(client, own.limiter());
        return limiter.acquirePermission();
    }

    /** How long this client should wait before its next request, in whole seconds (at least 1). */
    long retryAfterSeconds(String client) {
        Budget own = ownBudgets.get(client);
        return own == null ? 1 : own.period().toSeconds();
    }
}
