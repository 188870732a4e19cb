package org.raccord.wholesale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The guards around every call to the owner, built once from immutable configurations, one named
 * instance per operation (breaker, retry) or per interface (bulkhead), and one rate limiter for
 * the owner's quota, which counts all calls together. Order, outermost first: the owner's own
 * "come back later" (throttling or maintenance), retry, circuit breaker, rate limiter, bulkhead.
 *
 * <p>Functional faults are answers, not failures: they neither open a breaker nor get retried.
 * Throttling is our fault, not the owner's: it does not open a breaker either; its retry-after
 * pauses every call until then. Reads may be retried, but never through an open breaker or a full
 * bulkhead. The one write, a postponement request, is never retried here: its caller sends it
 * again later under the same request id, which the owner answers without a second request.
 */
public final class OwnerGuards {

    static final List<String> OPERATIONS = List.of(AccessOrderGateway.CONSULT, AccessOrderGateway.FEED,
            CutoverGateway.CONSULT, CutoverGateway.FEED, CutoverGateway.POSTPONE);

    private final Clock clock;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final BulkheadRegistry bulkheads;
    private final RateLimiterRegistry limiters;
    private final RateLimiter quota;
    /** The cluster's quota when several instances share the owner (PostgreSQL), else none: {@link #quota} alone. */
    private final SharedQuota shared;
    /** The owner's pauses and the feeds' health shared with the other instances (PostgreSQL), else none. */
    private final SharedOwnerState state;
    private final int quotaPerSecond;
    private final GuardMetrics metrics;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public OwnerGuards(GuardSettings s, Clock clock) {
        this(s, clock, new SimpleMeterRegistry());
    }

    public OwnerGuards(GuardSettings s, Clock clock, MeterRegistry meters) {
        this(s, clock, meters, null, null);
    }

    OwnerGuards(GuardSettings s, Clock clock, MeterRegistry meters, SharedQuota shared, SharedOwnerState state) {
        this.clock = clock;
        this.shared = shared;
        this.state = state;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.window())
                .minimumNumberOfCalls(s.minimumCalls())
                .failureRateThreshold(s.failureRate())
                .waitDurationInOpenState(s.openWait())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(WholesaleException.Unreachable.class, WholesaleException.TechnicalFault.class,
                        WholesaleException.MalformedAnswer.class)
                .ignoreExceptions(WholesaleException.FunctionalFault.class, WholesaleException.Throttled.class)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(s.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(s.retryBase(), 2.0, 0.5))
                .retryOnException(OwnerGuards::worthRetrying)
                .failAfterMaxAttempts(false)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(s.concurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.limiters = RateLimiterRegistry.of(OwnerQuota.config(s.quotaPerSecond(), s.permitWait()));
        this.quota = limiters.rateLimiter("owner");
        this.quotaPerSecond = s.quotaPerSecond();
        // Made before the others so that it gets its own configuration: one attempt.
        retries.retry(CutoverGateway.POSTPONE, RetryConfig.custom().maxAttempts(1).failAfterMaxAttempts(false).build());
        OPERATIONS.forEach(op -> {
            breakers.circuitBreaker(op);
            retries.retry(op);
            bulkheads.bulkhead(op.substring(0, op.indexOf('.')));
        });
        this.metrics = new GuardMetrics(meters);
        metrics.bind(breakers, retries, bulkheads, limiters);
    }

    /** Calls the owner through every guard of {@code operation}. */
    public <T> T call(String operation, Supplier<T> call) {
        String iface = operation.substring(0, operation.indexOf('.'));
        refuseWhilePaused(operation, iface);
        LongAdder attempts = calls.computeIfAbsent(operation, op -> new LongAdder());
        var latency = metrics.latency(operation);
        Supplier<T> counted = () -> {
            attempts.increment();
            return latency.record(call);
        };
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkheads.bulkhead(iface), counted);
        guarded = shared == null ? RateLimiter.decorateSupplier(quota, guarded) : sharedQuota(guarded);
        guarded = CircuitBreaker.decorateSupplier(breakers.circuitBreaker(operation), guarded);
        guarded = Retry.decorateSupplier(retries.retry(operation), guarded);
        try {
            T result = guarded.get();
            lastSuccess.put(operation, clock.instant());
            report(operation);
            return result;
        } catch (WholesaleException.FunctionalFault business) {
            // A business answer ("no cutover for this line", "unknown order") from an interface
            // that works: the interface answered, so it is not failing, and nothing is degraded.
            lastSuccess.put(operation, clock.instant());
            throw business;
        } catch (WholesaleException e) {
            remember(operation, e);
            e.retryAfter().ifPresent(wait -> pause(e instanceof WholesaleException.Throttled ? "owner" : iface, wait));
            report(operation);
            throw e;
        } catch (CallNotPermittedException | BulkheadFullException | RequestNotPermitted e) {
            // Raccord declined to call: the owner is not to blame, but the caller must know.
            remember(operation, e);
            throw new WholesaleException.Declined(operation, e.getMessage(), e);
        }
    }

    /** The cluster's quota in place of this instance's limiter: refused alike when no grant comes in time. */
    private <T> Supplier<T> sharedQuota(Supplier<T> call) {
        return () -> {
            if (!shared.acquire()) {
                throw RequestNotPermitted.createRequestNotPermitted(quota);
            }
            return call.get();
        };
    }

    /** A feed's health as its reader saw it: the other instances learn the owner is down from it. */
    private void report(String operation) {
        if (state != null && operation.endsWith(".feed")) {
            state.report(health(operation));
        }
    }

    /**
     * An operation's health as the cluster knows it: this instance's own, unless another instance
     * (the leader, which alone reads the feeds) reported on it since this one last called it.
     */
    public OperationHealth clusterHealth(String operation) {
        OperationHealth own = health(operation);
        if (state == null) {
            return own;
        }
        Instant lastCall = later(own.lastSuccess(), own.lastFailure());
        return state.feed(operation).filter(r -> lastCall == null || r.at().isAfter(lastCall))
                .map(SharedOwnerState.Reported::health).orElse(own);
    }

    public OperationHealth health(String operation) {
        String iface = operation.substring(0, operation.indexOf('.'));
        Instant paused = later(pausedUntil(iface), pausedUntil("owner"));
        LongAdder made = calls.get(operation);
        return new OperationHealth(operation, breakers.circuitBreaker(operation).getState().name(),
                lastSuccess.get(operation), lastFailure.get(operation), lastError.get(operation), paused,
                made == null ? 0 : made.sum());
    }

    public List<OperationHealth> health() {
        return OPERATIONS.stream().map(this::health).toList();
    }

    /** Each operation's health, breaker rates and recent latency. */
    public List<OperationReading> readings() {
        return OPERATIONS.stream().map(this::reading).toList();
    }

    public OperationReading reading(String operation) {
        CircuitBreaker.Metrics m = breakers.circuitBreaker(operation).getMetrics();
        return new OperationReading(health(operation), m.getFailureRate(), m.getSlowCallRate(),
                metrics.percentileMillis(operation, 0.5), metrics.percentileMillis(operation, 0.99),
                m.getNumberOfNotPermittedCalls());
    }

    public QuotaReading quota() {
        if (shared != null) {
            return new QuotaReading(quotaPerSecond, shared.available(), 0);
        }
        RateLimiter.Metrics m = quota.getMetrics();
        return new QuotaReading(quotaPerSecond, Math.max(0, m.getAvailablePermissions()),
                m.getNumberOfWaitingThreads());
    }

    /**
     * An operator's override: {@code open} holds the breaker open until released, {@code closed}
     * closes it now with a fresh window (it opens again by itself if the owner still fails).
     */
    public void force(String operation, boolean open) {
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("unknown operation: " + operation);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(operation);
        if (open) {
            breaker.transitionToForcedOpenState();
        } else {
            breaker.transitionToClosedState();
        }
    }

    public CircuitBreaker breaker(String operation) {
        return breakers.circuitBreaker(operation);
    }

    public Retry retry(String operation) {
        return retries.retry(operation);
    }

    private void refuseWhilePaused(String operation, String iface) {
        Instant now = clock.instant();
        Instant owner = pausedUntil("owner");
        if (owner != null && owner.isAfter(now)) {
            throw new WholesaleException.Throttled(operation, "waiting for the owner's quota", Duration.between(now, owner));
        }
        Instant own = pausedUntil(iface);
        if (own != null && own.isAfter(now)) {
            throw new WholesaleException.TechnicalFault(operation, "PAUSE", "the owner asked to come back later",
                    Duration.between(now, own));
        }
    }

    private void pause(String scope, Duration wait) {
        Instant until = pausedUntil.merge(scope, clock.instant().plus(wait), OwnerGuards::later);
        if (state != null) {
            state.pause(scope, until);
        }
    }

    /** Until when the owner asked {@code scope} to wait, as told to this instance or to another. */
    private Instant pausedUntil(String scope) {
        Instant own = pausedUntil.get(scope);
        return state == null ? own : later(own, state.pausedUntil(scope).orElse(null));
    }

    private void remember(String operation, RuntimeException e) {
        lastFailure.put(operation, clock.instant());
        lastError.put(operation, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Worth another try: the line or the owner failed, and the owner did not say when to come back. */
    private static boolean worthRetrying(Throwable t) {
        return t instanceof WholesaleException.Unreachable
                || t instanceof WholesaleException.TechnicalFault f && f.retryAfter().isEmpty();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
