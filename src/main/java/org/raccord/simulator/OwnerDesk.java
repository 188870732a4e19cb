package org.raccord.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The owner's front desk: decides, before any work, whether a request is answered at all. It plays
 * the operational trouble a real owner causes: a maintenance window, a per-second quota answered
 * with the throttling fault, random technical failures, added latency, and a full outage (handled
 * at the HTTP level by the servlet, since an unreachable owner sends no SOAP at all).
 *
 * <p>The knobs change at run time (tests, benchmarks, the operations demo), so they are volatile
 * and read once per request.
 */
public final class OwnerDesk {

    /** Why the owner refuses a request; each endpoint turns it into its contract's fault. */
    public static final class Refusal extends Exception {
        private final boolean throttled;
        private final String code;
        private final int retryAfterSeconds;

        Refusal(boolean throttled, String code, String label, int retryAfterSeconds) {
            super(label, null, false, false);
            this.throttled = throttled;
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public boolean throttled() {
            return throttled;
        }

        public String code() {
            return code;
        }

        /** Seconds before trying again, or 0 when the owner does not say. */
        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final Logger LOG = Logger.getLogger(OwnerDesk.class.getName());

    private final Clock real;
    private final SplittableRandom failures;
    private volatile DeskSettings settings;
    private final LongAdder admitted = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private long quotaWindow = Long.MIN_VALUE;
    private int quotaUsed;
    private long arrivalWindow = Long.MIN_VALUE;
    private int arrivals;
    private int busiest;

    public OwnerDesk(Clock real, long seed, DeskSettings settings) {
        this.real = real;
        this.failures = new SplittableRandom(seed);
        this.settings = settings;
    }

    /** Requests that got past maintenance and quota. */
    public long admitted() {
        return admitted.sum();
    }

    /** Requests refused for exceeding the quota: a well-behaved client keeps this at zero. */
    public long throttled() {
        return throttled.sum();
    }

    public DeskSettings settings() {
        return settings;
    }

    public void configure(DeskSettings changed) {
        this.settings = changed;
    }

    /**
     * The most requests that arrived within one window of the quota (one second of the real
     * clock) since start-up, refused ones included: what a client's own limiter must keep at or
     * below the quota, whichever second the owner counts in.
     */
    public synchronized int busiestSecond() {
        return busiest;
    }

    /** Returns normally when the request is to be served; otherwise says why not. */
    public void admit() throws Refusal {
        arrive();
        DeskSettings now = settings;
        if (now.maintenance() != null && now.maintenance().contains(localTime())) {
            int left = (int) Math.max(1, now.maintenance().remaining(localTime()).toSeconds());
            throw new Refusal(false, "MAINTENANCE", "Service en maintenance programmée", left);
        }
        if (now.quotaPerSecond() > 0 && !takeQuota(now.quotaPerSecond())) {
            throttled.increment();
            long refused = throttled.sum();
            if (Long.toString(refused).matches("10*")) {
                LOG.warning(() -> "Owner desk: " + refused + " request(s) throttled so far (over the quota)");
            }
            throw new Refusal(true, "QUOTA_DEPASSE", "Quota de requêtes par seconde dépassé", 1);
        }
        admitted.increment();
        if (now.errorRate() > 0 && nextFailureRoll() < now.errorRate()) {
            throw new Refusal(false, "ERREUR_INTERNE", "Erreur technique inattendue", 0);
        }
    }

    /** Delay added to every answer; the servlet applies it before handing the request to SOAP. */
    public Duration latency() {
        return Duration.ofMillis(settings.latencyMillis());
    }

    public boolean outage() {
        return settings.outage();
    }

    /**
     * A fixed one-second window on the real clock. Deliberately simpler than a token bucket: the
     * owner's contract says "N requests per second", and a test can drive this clock by hand.
     */
    private synchronized boolean takeQuota(int perSecond) {
        long window = Math.floorDiv(real.millis(), 1000);
        if (window != quotaWindow) {
            quotaWindow = window;
            quotaUsed = 0;
        }
        if (quotaUsed >= perSecond) {
            return false;
        }
        quotaUsed++;
        return true;
    }

    private synchronized void arrive() {
        long window = Math.floorDiv(real.millis(), 1000);
        if (window != arrivalWindow) {
            arrivalWindow = window;
            arrivals = 0;
        }
        arrivals++;
        if (arrivals > busiest) {
            busiest = arrivals;
            int record = arrivals;
            // In the owner's own log, for a test or a benchmark of another process to read.
            LOG.info(() -> "Owner desk: busiest second so far " + record + " request(s)");
        }
    }

    private synchronized double nextFailureRoll() {
        return failures.nextDouble();
    }

    private LocalTime localTime() {
        return ZonedDateTime.now(real.withZone(LineScript.PARIS)).toLocalTime();
    }
}
