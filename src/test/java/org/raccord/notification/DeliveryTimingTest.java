package org.raccord.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule with its jitter and Retry-After; the customer's quiet hours. */
class DeliveryTimingTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void retriesFollowTheScheduleWithJitterForAboutThreeDaysThenStop() {
        RetrySchedule noJitter = new RetrySchedule(() -> 0.0);
        RetrySchedule fullJitter = new RetrySchedule(() -> 1.0);

        assertThat(noJitter.next(1, NOW, null)).contains(NOW.plusSeconds(5));
        assertThat(noJitter.next(2, NOW, null)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(fullJitter.next(2, NOW, null)).contains(NOW.plus(Duration.ofMinutes(5)).plusSeconds(30));
        assertThat(noJitter.next(9, NOW, null)).contains(NOW.plus(Duration.ofHours(24)));
        assertThat(noJitter.next(10, NOW, null)).isEmpty();
        Duration total = RetrySchedule.DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total.toHours()).isBetween(72L, 84L);
    }

    @Test
    void aLongerRetryAfterWinsAShorterOneDoesNot() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.0);

        assertThat(schedule.next(1, NOW, Duration.ofSeconds(120))).contains(NOW.plusSeconds(120));
        assertThat(schedule.next(2, NOW, Duration.ofSeconds(1))).contains(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aScaledScheduleCompressesEveryDelayButNeverTheReceiversRetryAfter() {
        RetrySchedule drill = new RetrySchedule(() -> 0.0, 1.0 / 3600);

        assertThat(drill.next(3, NOW, null)).as("30 min become half a second").contains(NOW.plusMillis(500));
        assertThat(drill.next(9, NOW, null)).contains(NOW.plusSeconds(24));
        assertThat(drill.next(10, NOW, null)).isEmpty();
        assertThat(drill.next(2, NOW, Duration.ofSeconds(2))).as("Retry-After as the receiver said").contains(NOW.plusSeconds(2));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(() -> 0.0, 0));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(() -> 0.0, 2));
    }

    @Test
    void quietHoursSpanTheNightInParisTime() {
        QuietHours night = QuietHours.parse("21:00-08:00", ZoneId.of("Europe/Paris"));

        assertThat(night.deliverAfter(Instant.parse("2026-11-26T10:00:00Z"))).isEmpty();
        assertThat(night.deliverAfter(Instant.parse("2026-11-26T20:30:00Z"))).contains(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(night.deliverAfter(Instant.parse("2026-11-27T05:00:00Z"))).contains(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(night.deliverAfter(Instant.parse("2026-11-26T19:59:00Z"))).isEmpty();
    }
}
