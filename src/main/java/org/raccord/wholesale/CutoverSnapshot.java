package org.raccord.wholesale;

import org.raccord.tracking.CutoverEvent;
import java.time.OffsetDateTime;
import java.util.List;

import org.raccord.tracking.CutoverState;
import org.raccord.tracking.PortingState;

/** The owner's answer about the takeover of one line from its previous provider, translated. */
public record CutoverSnapshot(
        String orderReference,
        String ndi,
        String ptoReference,
        String losingOperator,
        CutoverState state,
        OffsetDateTime plannedAt,
        OffsetDateTime cutAt,
        PortingState porting,
        OffsetDateTime portedAt,
        long lastSequence,
        List<CutoverEvent> events) {
}
