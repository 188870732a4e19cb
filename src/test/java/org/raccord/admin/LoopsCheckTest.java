package org.raccord.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.raccord.heartbeat.Heartbeat;
import org.raccord.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** A loop that stops completing runs turns liveness DOWN, by name, once past its allowance. */
class LoopsCheckTest {

    @Test
    void aLoopWithoutARunForLongerThanItMayIsNamedAndLivenessIsDown() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        Heartbeat polling = Heartbeat.every("polling", Duration.ofSeconds(5), 10, Duration.ofSeconds(120), clock);
        Heartbeat notification = Heartbeat.every("notification", Duration.ofSeconds(1), 10, Duration.ofSeconds(120), clock);
        LoopsCheck check = new LoopsCheck(() -> List.of(polling.read(), notification.read()));
        polling.beat();
        notification.beat();

        clock.advance(Duration.ofSeconds(100));
        notification.beat();
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        clock.advance(Duration.ofSeconds(30));
        notification.beat();
        HealthCheckResponse stale = check.call();

        assertThat(stale.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(stale.getData().orElseThrow()).containsEntry("polling", "no run for 130 s (stale after 120 s)")
                .containsEntry("polling.ageSeconds", 130L).containsEntry("notification.ageSeconds", 0L)
                .doesNotContainKey("notification");
    }

    @Test
    void aLoopThatNeverRanIsJudgedFromStartUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        Heartbeat polling = Heartbeat.every("polling", Duration.ofSeconds(30), 10, Duration.ofSeconds(120), clock);

        clock.advance(Duration.ofSeconds(299));
        assertThat(new LoopsCheck(() -> List.of(polling.read())).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        clock.advance(Duration.ofSeconds(2));
        assertThat(new LoopsCheck(() -> List.of(polling.read())).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
