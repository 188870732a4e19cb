package org.raccord.heartbeat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a loop may go without a run: ten of its intervals, but never less than the floor. */
class HeartbeatTest {

    @Test
    void aLoopMayBeSlowForTenIntervalsOrTheFloorWhicheverIsLonger() {
        assertThat(Heartbeat.every("fast", Duration.ofSeconds(1), 10, Duration.ofSeconds(120), java.time.Clock.systemUTC())
                .read().staleAfterSeconds()).isEqualTo(120);
        assertThat(Heartbeat.every("slow", Duration.ofSeconds(30), 10, Duration.ofSeconds(120), java.time.Clock.systemUTC())
                .read().staleAfterSeconds()).isEqualTo(300);
    }

    @Test
    void aFailureIsKeptWithItsKindAndMessage() {
        Heartbeat beat = Heartbeat.every("polling", Duration.ofSeconds(5), 10, Duration.ofSeconds(120), java.time.Clock.systemUTC());

        beat.failed(new OutOfMemoryError("Java heap space"));

        assertThat(beat.read().lastFailure()).isEqualTo("OutOfMemoryError: Java heap space");
        assertThat(beat.read().lastFailureAt()).isNotNull();
    }
}
