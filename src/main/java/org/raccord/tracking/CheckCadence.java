package org.raccord.tracking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How soon a line deserves a fresh consult of the owner, on top of the feeds: often when a cut or a
 * delivery is near (a missed feed event would hurt most there), when its data is incomplete, and
 * never once the order has ended and the gap is settled.
 */
public final class CheckCadence {

    static final Duration NEAR = Duration.ofMinutes(15);
    static final Duration INCOMPLETE = Duration.ofHours(1);
    static final Duration ROUTINE = Duration.ofHours(12);
    static final Duration UNKNOWN_MAX = Duration.ofHours(24);
    private static final Duration HORIZON = Duration.ofHours(48);

    private CheckCadence() {
    }

    /** When to consult the owner about this line next, or null for never. */
    public static OffsetDateTime next(TrackedLine line, OffsetDateTime now) {
        boolean ended = line.state().settled();
        boolean cutPending = line.cutoverState() == CutoverState.PLANNED;
        if (ended && !cutPending) {
            return null;
        }
        if (near(line.cutoverPlannedAt(), now) && cutPending
                || line.deliveredAt() == null && near(startOf(line.committedDeliveryDate()), now)) {
            return now.plus(NEAR);
        }
        if (line.state() != ServiceState.ACKNOWLEDGED && line.committedDeliveryDate() == null) {
            return now.plus(INCOMPLETE);
        }
        return now.plus(ROUTINE);
    }

    /**
     * The next check of a line the owner says it does not know: the wait grows with how long the
     * owner has not known it (at least an hour, at most a day), so such lines never take the run's
     * budget from the others, and a line the owner finds again is back within a day.
     */
    public static OffsetDateTime unknownToOwner(TrackedLine line, OffsetDateTime now) {
        Duration unknownFor = Duration.between(line.ownerUnknownSince(), now);
        Duration wait = unknownFor.compareTo(INCOMPLETE) < 0 ? INCOMPLETE
                : unknownFor.compareTo(UNKNOWN_MAX) > 0 ? UNKNOWN_MAX : unknownFor;
        return now.plus(wait);
    }

    private static boolean near(OffsetDateTime at, OffsetDateTime now) {
        return at != null && at.isBefore(now.plus(HORIZON));
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(SpokenDates.PARIS).toOffsetDateTime();
    }
}
