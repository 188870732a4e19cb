package org.raccord.wholesale;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The guards and the owner's answers as meters: resilience4j's own meters for every breaker, retry,
 * bulkhead and the quota's rate limiter, and one latency timer per operation (each attempt that
 * reached the bulkhead, so retries count once each). Percentiles are computed here, over the last
 * two minutes, because operations read them on the console as well as in Prometheus.
 */
final class GuardMetrics {

    static final String CALL_LATENCY = "raccord.owner.call";

    private final MeterRegistry registry;
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();

    GuardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void bind(CircuitBreakerRegistry breakers, RetryRegistry retries, BulkheadRegistry bulkheads, RateLimiterRegistry quota) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(quota).bindTo(registry);
    }

    Timer latency(String operation) {
        return latency.computeIfAbsent(operation, op -> Timer.builder(CALL_LATENCY)
                .description("Time of one call to the network owner's operation (each attempt)")
                .tag("operation", op)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(2))
                .distributionStatisticBufferLength(2)
                .register(registry));
    }

    /** The latency percentile {@code p} (0.5 or 0.99) of recent calls, in milliseconds; 0 without calls. */
    double percentileMillis(String operation, double p) {
        for (ValueAtPercentile v : latency(operation).takeSnapshot().percentileValues()) {
            if (v.percentile() == p) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
