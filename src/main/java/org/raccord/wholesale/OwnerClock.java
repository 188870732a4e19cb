package org.raccord.wholesale;

import java.time.Duration;
import java.time.Instant;

/**
 * The owner's clock as its answers tell it (the response timestamp of each header): business time
 * such as "48 hours before the cut" is the owner's time, which may run ahead of ours (a simulated
 * owner runs days per minute; a real one drifts by seconds).
 */
public final class OwnerClock {

    private volatile Duration ahead = Duration.ZERO;
    private volatile Instant observedAt = Instant.EPOCH;

    void observed(Instant ownerTime, Instant ourTime) {
        if (ownerTime != null) {
            ahead = Duration.between(ourTime, ownerTime);
            observedAt = ourTime;
        }
    }

    /** The owner's time now, by the latest answer (our own time until the first). */
    public Instant now(Instant ourNow) {
        return ourNow.plus(ahead);
    }

    Instant observedAt() {
        return observedAt;
    }
}
