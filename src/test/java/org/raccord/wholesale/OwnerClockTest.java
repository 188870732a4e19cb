package org.raccord.wholesale;

import java.time.Duration;
import java.time.Instant;

import java.net.URI;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.raccord.simulator.LocalOwner;

import static org.assertj.core.api.Assertions.assertThat;

/** Business time is the owner's: read from its answers, ahead of ours or not. */
class OwnerClockTest {

    @Test
    void theOwnersTimeFollowsItsLatestAnswer() {
        OwnerClock clock = new OwnerClock();
        Instant ours = Instant.parse("2026-11-26T10:00:00Z");
        assertThat(clock.now(ours)).as("before any answer: our own time").isEqualTo(ours);

        clock.observed(ours.plus(Duration.ofDays(3)), ours);
        assertThat(clock.now(ours.plusSeconds(10))).isEqualTo(ours.plus(Duration.ofDays(3)).plusSeconds(10));

        clock.observed(null, ours.plusSeconds(20));
        assertThat(clock.now(ours.plusSeconds(30))).as("an answer without a time changes nothing")
                .isEqualTo(ours.plus(Duration.ofDays(3)).plusSeconds(30));
    }

    @Test
    void theSimulatedOwnersAnswersTellItsSimulatedTime() {
        try (LocalOwner simulator = new LocalOwner(5, 50)) {
            simulator.advance(Duration.ofDays(3));
            WholesaleSettings settings = WholesaleSettings.defaults(URI.create(simulator.baseUrl));
            NetworkOwner owner = new NetworkOwner(new AccessOrderGateway(settings), new CutoverGateway(settings),
                    new OwnerGuards(GuardSettings.defaults(), Clock.systemUTC()));

            owner.orderFeed(0, 10);
            Instant ours = Instant.now();

            assertThat(Duration.between(simulator.world.clock().now(), owner.ownerNow(ours)).abs())
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
