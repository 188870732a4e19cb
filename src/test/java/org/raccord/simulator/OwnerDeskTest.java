package org.raccord.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.raccord.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The owner's operational trouble: quota, maintenance, random failures, knob validation. */
class OwnerDeskTest {

    // 10:00 in Paris (UTC+1 in winter)
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00.250Z"));

    @Test
    void quotaIsPerSecondOfTheRealClock() throws Exception {
        OwnerDesk desk = new OwnerDesk(clock, 1, new DeskSettings(0, 0, 3, false, null));
        desk.admit();
        desk.admit();
        desk.admit();

        OwnerDesk.Refusal refusal = catchThrowableOfType(OwnerDesk.Refusal.class, desk::admit);
        assertThat(refusal.throttled()).isTrue();
        assertThat(refusal.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        desk.admit();
        assertThat(desk.busiestSecond()).as("four arrived in the first second, the refused one included").isEqualTo(4);
        assertThat(desk.throttled()).isEqualTo(1);
    }

    @Test
    void maintenanceWindowSaysWhenItEnds() {
        OwnerDesk desk = new OwnerDesk(clock, 1, new DeskSettings(0, 0, 0, false, MaintenanceWindow.parse("09:30-10:30")));

        OwnerDesk.Refusal refusal = catchThrowableOfType(OwnerDesk.Refusal.class, desk::admit);

        assertThat(refusal.throttled()).isFalse();
        assertThat(refusal.code()).isEqualTo("MAINTENANCE");
        assertThat(refusal.retryAfterSeconds()).isBetween(1799, 1800);
    }

    @Test
    void errorRateOneFailsEveryCallAndZeroNone() throws Exception {
        OwnerDesk desk = new OwnerDesk(clock, 1, new DeskSettings(0, 1, 0, false, null));
        for (int i = 0; i < 20; i++) {
            assertThat(catchThrowableOfType(OwnerDesk.Refusal.class, desk::admit).code()).isEqualTo("ERREUR_INTERNE");
        }
        desk.configure(DeskSettings.calm());
        for (int i = 0; i < 20; i++) {
            desk.admit();
        }
    }

    @Test
    void maintenanceWindowsMayRunOverMidnight() {
        MaintenanceWindow night = MaintenanceWindow.parse("23:00-01:00");
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(0, 59))).isTrue();
        assertThat(night.contains(LocalTime.of(1, 0))).isFalse();
        assertThat(night.remaining(LocalTime.of(23, 30))).isEqualTo(Duration.ofMinutes(90));
        assertThat(MaintenanceWindow.parse(" ")).isNull();
    }

    @Test
    void impossibleKnobsAreRefused() {
        assertThatThrownBy(() -> new DeskSettings(-1, 0, 0, false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeskSettings(0, 1.5, 0, false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeskSettings(0, 0, -3, false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceWindow.parse("tonight")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceWindow.parse("10:00-10:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
