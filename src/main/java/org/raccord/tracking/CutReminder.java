package org.raccord.tracking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reminder of a near cut: due once per planned time, when the cut is within the lead of the
 * owner's clock and still ahead. The customer must hear of the cut before it happens.
 */
public final class CutReminder {

    private CutReminder() {
    }

    /** The reminder this line is due now, marked as announced; empty if none is due. */
    public static Optional<DomainEvent> due(TrackedLine line, OffsetDateTime ownerNow, Duration lead) {
        OffsetDateTime planned = line.cutoverPlannedAt();
        if (line.cutoverState() != CutoverState.PLANNED || planned == null || !planned.isAfter(ownerNow)
                || planned.isAfter(ownerNow.plus(lead)) || planned.equals(line.imminentAnnouncedFor())) {
            return Optional.empty();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("plannedAt", planned.toString());
        facts.put("hoursBefore", Long.toString(Duration.between(ownerNow, planned).toHours()));
        line.imminentAnnounced(planned);
        return Optional.of(new DomainEvent(DomainEventType.CUTOVER_IMMINENT, ownerNow, facts));
    }
}
