package org.raccord.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h after
 * each failure (about three days in all), each with up to 10 % jitter so that a receiver coming
 * back is not hit by every delivery at once; after the last, the delivery is a dead letter. A
 * scale below 1 compresses the whole schedule (a drill's "hour" in seconds); a receiver's
 * {@code Retry-After} is never scaled: it is the receiver's own word.
 */
final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20),
            Duration.ofHours(24));

    private final DoubleSupplier random;
    private final double scale;

    RetrySchedule(DoubleSupplier random) {
        this(random, 1);
    }

    RetrySchedule(DoubleSupplier random, double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("raccord.hub.retryScale must be within (0, 1]: " + scale);
        }
        this.random = random;
        this.scale = scale;
    }

    /**
     * After {@code failedAttempts} failures (1 for the first), when to try next; empty once the
     * schedule is spent. A receiver's own {@code Retry-After} wins when it asks for longer.
     */
    Optional<Instant> next(int failedAttempts, Instant now, Duration retryAfter) {
        if (failedAttempts > DELAYS.size()) {
            return Optional.empty();
        }
        Duration base = Duration.ofMillis(Math.round(DELAYS.get(failedAttempts - 1).toMillis() * scale));
        Duration jittered = base.plusMillis((long) (base.toMillis() * 0.1 * random.getAsDouble()));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            jittered = retryAfter;
        }
        return Optional.of(now.plus(jittered));
    }
}
