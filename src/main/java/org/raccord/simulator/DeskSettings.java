package org.raccord.simulator;

/**
 * The operational knobs of the simulated owner.
 *
 * @param latencyMillis  delay added to every answer
 * @param errorRate      share of requests answered with a technical fault, 0 to 1
 * @param quotaPerSecond requests per second before the throttling fault, 0 for no quota
 * @param outage         when true the owner does not answer SOAP at all (HTTP 503)
 * @param maintenance    daily window (Europe/Paris) answered with a MAINTENANCE technical fault, or null
 */
public record DeskSettings(long latencyMillis, double errorRate, int quotaPerSecond, boolean outage,
                           MaintenanceWindow maintenance) {

    public DeskSettings {
        if (latencyMillis < 0 || latencyMillis > 120_000) {
            throw new IllegalArgumentException("latencyMillis must be within [0, 120000]");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("errorRate must be within [0, 1]");
        }
        if (quotaPerSecond < 0) {
            throw new IllegalArgumentException("quotaPerSecond must not be negative");
        }
    }

    public static DeskSettings calm() {
        return new DeskSettings(0, 0, 0, false, null);
    }
}
