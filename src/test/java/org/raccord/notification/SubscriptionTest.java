package org.raccord.notification;

import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscription's secrets through a rotation, and a dead letter sent again. */
class SubscriptionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-26T10:00:00Z");

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        Subscription s = new Subscription("sms", "https://sms.example.com/hook", Set.of("line.delivered"), "whsec_old", NOW);
        s.rotate("whsec_new", NOW.plusHours(24));

        assertThat(s.liveSecrets(NOW.plusHours(1).toInstant())).containsExactly("whsec_new", "whsec_old");
        assertThat(s.liveSecrets(NOW.plusHours(24).toInstant())).containsExactly("whsec_new");
        assertThat(s.wants("line.delivered")).isTrue();
        assertThat(s.wants("order.cancelled")).isFalse();
        s.disable("gone");
        assertThat(s.wants("line.delivered")).as("a disabled subscription takes nothing").isFalse();
    }

    @Test
    void aReplayedDeadLetterIsDueAgainWithItsIdAndAFreshSchedule() {
        Delivery d = new Delivery("sub-1", 7, 3, 1, "event-1", "line.delivered", "{}", NOW);
        d.claim(NOW.plusMinutes(2));
        d.dead(500, "HTTP 500");

        d.replay(NOW.plusDays(4));

        assertThat(d.state()).isEqualTo(Delivery.PENDING);
        assertThat(d.attempts()).isZero();
        assertThat(d.nextAttemptAt()).isEqualTo(NOW.plusDays(4));
        assertThat(d.eventId()).isEqualTo("event-1");
        d.claim(NOW.plusDays(4));
        d.rewrite("{\"changed\":true}");
        assertThat(d.body()).as("what was sent is never rewritten").isEqualTo("{}");
    }
}
