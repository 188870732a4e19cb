package org.raccord.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A lane runs a few attempts and claims what it can attempt within the lease, even at the timeout's pace. */
class SubscriberLanesTest {

    @Test
    void aLaneClaimsWhatItCanAttemptWithinHalfTheLease() {
        SubscriberLanes lanes = SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofSeconds(5), 8, 1000);

        assertThat(lanes.room().of("anyone")).as("8 at once, 12 rounds of 5 s in half of 2 minutes").isEqualTo(96);
        assertThat(SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofMinutes(5), 8, 1000).room().of("anyone"))
                .as("a timeout longer than the lease still claims one round").isEqualTo(8);

        Parcel prompt = parcel(1);
        lanes.take(prompt);
        lanes.ended(prompt, Duration.ofMillis(20));
        lanes.recorded(prompt);
        assertThat(lanes.size("sub")).as("a prompt receiver's lane grows to the most").isEqualTo(1000);
        Parcel slow = parcel(2);
        lanes.take(slow);
        lanes.ended(slow, Duration.ofSeconds(4));
        lanes.recorded(slow);
        assertThat(lanes.size("sub")).as("a slower answer shrinks it at once").isEqualTo(8 * 15);
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriberLanes(0, 1));
    }

    @Test
    void attemptsStartAsSlotsFreeAndAClaimLeavesItsLaneWhenRecorded() {
        SubscriberLanes lanes = new SubscriberLanes(2, 3);
        List<Parcel> parcels = List.of(parcel(1), parcel(2), parcel(3));

        assertThat(lanes.take(parcels.get(0))).containsExactly(parcels.get(0));
        assertThat(lanes.take(parcels.get(1))).containsExactly(parcels.get(1));
        assertThat(lanes.take(parcels.get(2))).as("waits for a free slot").isEmpty();
        assertThat(lanes.room().full()).as("more than half full: no claim for it").containsExactly("sub");
        assertThat(lanes.refillable()).isFalse();
        assertThat(lanes.ended(parcels.get(0), Duration.ofMillis(5))).containsExactly(parcels.get(2));
        lanes.recorded(parcels.get(0));
        assertThat(lanes.room().of("sub")).as("two of three still claimed: more than half").isZero();
        assertThat(lanes.idle()).isFalse();
        lanes.ended(parcels.get(1), Duration.ofMillis(5));
        lanes.ended(parcels.get(2), Duration.ofMillis(5));
        lanes.recorded(parcels.get(1));
        lanes.recorded(parcels.get(2));
        assertThat(lanes.idle()).isTrue();
    }

    private static Parcel parcel(long id) {
        return new Parcel(id, "sub", URI.create("https://sms.example.com/hook"), List.of("whsec_x"), "event-" + id, "{}", 1);
    }
}
