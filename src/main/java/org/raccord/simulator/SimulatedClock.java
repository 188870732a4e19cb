package org.raccord.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The owner's clock: simulated time runs {@code acceleration} times faster than the real clock,
 * starting at {@code simulatedEpoch} when the real clock reads {@code realEpoch}. Demos use one
 * simulated day per real minute (1440); tests drive the real clock by hand.
 */
public final class SimulatedClock {

    private final Clock real;
    private final Instant realEpoch;
    private final Instant simulatedEpoch;
    private final double acceleration;

    public SimulatedClock(Clock real, Instant realEpoch, Instant simulatedEpoch, double acceleration) {
        if (!(acceleration > 0)) {
            throw new IllegalArgumentException("acceleration must be positive: " + acceleration);
        }
        this.real = real;
        this.realEpoch = realEpoch;
        this.simulatedEpoch = simulatedEpoch;
        this.acceleration = acceleration;
    }

    public Instant now() {
        long realMillis = Duration.between(realEpoch, real.instant()).toMillis();
        return simulatedEpoch.plusMillis((long) (realMillis * acceleration));
    }

    /** Where the simulated timeline is anchored: lines are ordered around this instant. */
    public Instant epoch() {
        return simulatedEpoch;
    }

    /** The real clock, for things that happen in real time (quota windows, maintenance). */
    public Clock real() {
        return real;
    }
}
