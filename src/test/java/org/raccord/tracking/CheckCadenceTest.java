package org.raccord.tracking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A line the owner does not know is asked less and less often, and is back to normal once known. */
class CheckCadenceTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theWaitGrowsWithHowLongTheOwnerHasNotKnownTheOrder() {
        TrackedLine line = TrackedLine.first("CMD-00000042", T0);
        line.unknownToOwner(T0);

        assertThat(CheckCadence.unknownToOwner(line, T0)).isEqualTo(T0.plusHours(1));
        assertThat(CheckCadence.unknownToOwner(line, T0.plusHours(5))).isEqualTo(T0.plusHours(10));
        assertThat(CheckCadence.unknownToOwner(line, T0.plusDays(3))).isEqualTo(T0.plusDays(3).plus(Duration.ofHours(24)));
    }

    @Test
    void theFirstTimeTheOwnerDidNotKnowItIsKeptUntilItConfirmsTheLineAgain() {
        TrackedLine line = TrackedLine.first("CMD-00000042", T0);
        line.unknownToOwner(T0);
        line.unknownToOwner(T0.plusHours(3));
        assertThat(line.ownerUnknownSince()).isEqualTo(T0);

        line.confirmed(T0.plusHours(4));

        assertThat(line.ownerUnknownSince()).isNull();
    }
}
