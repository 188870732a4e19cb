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

    @Test
    void aFailureIsShownAsTheLoopRedactsIt() {
        Heartbeat beat = Heartbeat.every("polling", Duration.ofSeconds(5), 10, Duration.ofSeconds(120), java.time.Clock.systemUTC())
                .showingFailuresAs(e -> new IllegalStateException(e.getMessage().replaceAll("[0-9]", "*")));
        java.util.logging.Logger log = java.util.logging.Logger.getAnonymousLogger();
        java.util.List<java.util.logging.LogRecord> logged = new java.util.ArrayList<>();
        log.setUseParentHandlers(false);
        log.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });

        beat.run(() -> {
            throw new IllegalArgumentException("line 0612345678");
        }, log);

        assertThat(beat.read().lastFailure()).isEqualTo("IllegalArgumentException: line **********");
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getThrown().getMessage()).isEqualTo("line **********"));
    }
}
