package org.raccord.notification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A lane runs a few attempts and claims what it can attempt within the lease at its receiver's
 * pace; it never holds a delivery twice, never starts one whose lease is nearly over, and lets go
 * of what waits when the subscription ends.
 */
class SubscriberLanesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aLaneClaimsWhatItCanAttemptWithinHalfTheLeaseAtItsReceiversPace() {
        SubscriberLanes lanes = SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofSeconds(5), 8, 1000);

        assertThat(lanes.room().of("anyone")).as("8 at once, 12 rounds of 5 s in half of 2 minutes").isEqualTo(96);
        assertThat(SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofMinutes(5), 8, 1000).room().of("anyone"))
                .as("a timeout longer than the lease still claims one round").isEqualTo(8);
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriberLanes(0, 1));

        Parcel prompt = parcel(1);
        lanes.take(prompt, T0);
        lanes.ended(prompt, Duration.ofMillis(20), true, T0);
        lanes.recorded(prompt);
        assertThat(lanes.size("sub")).as("a prompt receiver's lane grows to the most").isEqualTo(1000);
        Parcel slow = parcel(2);
        lanes.take(slow, T0);
        lanes.ended(slow, Duration.ofSeconds(4), true, T0);
        lanes.recorded(slow);
        assertThat(lanes.size("sub")).as("a slower answer shrinks it at once").isEqualTo(8 * 15);
    }

    @Test
    void aReceiverThatFailsAtOnceKeepsTheLaneOfOneThatTakesTheWholeTimeoutUntilItDeliversAgain() {
        SubscriberLanes lanes = SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofSeconds(5), 8, 1000);
        Parcel delivered = parcel(1);
        lanes.take(delivered, T0);
        lanes.ended(delivered, Duration.ofMillis(20), true, T0);
        lanes.recorded(delivered);
        assertThat(lanes.size("sub")).isEqualTo(1000);

        Parcel refused = parcel(2);
        lanes.take(refused, T0);
        lanes.ended(refused, Duration.ofMillis(3), false, T0);
        lanes.recorded(refused);
        assertThat(lanes.size("sub")).as("refused in 3 ms: as small as a lane at the 5 s timeout").isEqualTo(8 * 12);
        assertThat(lanes.room().of("sub")).as("and it claims no more than that").isEqualTo(8 * 12);

        for (int i = 3; i < 6; i++) {
            Parcel again = parcel(i);
            lanes.take(again, T0);
            lanes.ended(again, Duration.ofMillis(20), true, T0);
            lanes.recorded(again);
        }
        assertThat(lanes.size("sub")).as("delivering again, it grows back gradually").isGreaterThan(8 * 12).isLessThan(1000);
    }

    @Test
    void attemptsStartAsSlotsFreeAndAClaimLeavesItsLaneWhenRecorded() {
        SubscriberLanes lanes = new SubscriberLanes(2, 3);
        List<Parcel> parcels = List.of(parcel(1), parcel(2), parcel(3));

        assertThat(lanes.take(parcels.get(0), T0)).containsExactly(parcels.get(0));
        assertThat(lanes.take(parcels.get(1), T0)).containsExactly(parcels.get(1));
        assertThat(lanes.take(parcels.get(2), T0)).as("waits for a free slot").isEmpty();
        assertThat(lanes.take(parcels.get(2), T0)).as("claimed again while held: not taken twice").isEmpty();
        assertThat(lanes.claimed("sub")).isEqualTo(3);
        assertThat(lanes.room().full()).as("more than half full: no claim for it").containsExactly("sub");
        assertThat(lanes.ended(parcels.get(0), Duration.ofMillis(5), true, T0)).containsExactly(parcels.get(2));
        lanes.recorded(parcels.get(0));
        lanes.recorded(parcels.get(0));
        assertThat(lanes.claimed("sub")).as("recorded twice counts once").isEqualTo(2);
        assertThat(lanes.idle()).isFalse();
        lanes.ended(parcels.get(1), Duration.ofMillis(5), true, T0);
        lanes.ended(parcels.get(2), Duration.ofMillis(5), true, T0);
        lanes.recorded(parcels.get(1));
        lanes.recorded(parcels.get(2));
        assertThat(lanes.idle()).isTrue();
        assertThat(lanes.ended(parcels.get(2), Duration.ofMillis(5), true, T0)).as("a late end for a lane gone").isEmpty();
    }

    @Test
    void aDeliveryWhoseLeaseIsNearlyOverIsLetGoNotStarted() {
        SubscriberLanes lanes = new SubscriberLanes(1, 2);
        Parcel first = parcel(1);
        Parcel second = parcel(2);
        lanes.take(first, T0);
        assertThat(lanes.take(second, T0)).isEmpty();

        assertThat(lanes.ended(first, Duration.ofMinutes(2), true, T0.plus(Duration.ofSeconds(110))))
                .as("its 2-minute lease is 90 % gone: the store will hand it out again").isEmpty();
        lanes.recorded(first);
        assertThat(lanes.idle()).isTrue();
    }

    @Test
    void aRefusedAttemptGoesBackToTheHeadOfItsLaneAndWhatWaitsIsDroppedWhenTheSubscriptionEnds() {
        SubscriberLanes lanes = new SubscriberLanes(1, 3);
        Parcel first = parcel(1);
        lanes.take(first, T0);
        lanes.take(parcel(2), T0);
        lanes.take(parcel(3), T0);

        lanes.refused(first);
        assertThat(lanes.startable(T0)).as("the refused one first, no attempt spent").containsExactly(first);
        lanes.drop("sub");
        assertThat(lanes.claimed("sub")).as("only the running one is left").isEqualTo(1);
        lanes.ended(first, Duration.ofMillis(5), true, T0);
        lanes.recorded(first);
        assertThat(lanes.idle()).isTrue();
    }

    private static Parcel parcel(long id) {
        return new Parcel(id, "sub", URI.create("https://sms.example.com/hook"), List.of("whsec_x"), "event-" + id, "{}", 1);
    }
}
