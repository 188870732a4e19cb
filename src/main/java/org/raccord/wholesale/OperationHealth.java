package org.raccord.wholesale;

import java.time.Instant;

/**
 * How one owner operation is doing, as operations and the API's freshness need to know.
 *
 * @param calls requests actually sent to the owner (every attempt, retries included)
 */
public record OperationHealth(String operation, String breakerState, Instant lastSuccess, Instant lastFailure,
                              String lastError, Instant pausedUntil, long calls) {

    /** Trouble right now: the breaker does not let calls through freely, or the owner asked us to wait. */
    public boolean troubled(Instant now) {
        return !"CLOSED".equals(breakerState) || pausedUntil != null && pausedUntil.isAfter(now)
                || lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
}
