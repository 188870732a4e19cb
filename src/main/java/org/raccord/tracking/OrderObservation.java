package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the owner said about one access order at one moment, in Raccord's terms. */
public record OrderObservation(
        String orderReference,
        String serviceReference,
        String ptoReference,
        String ndi,
        boolean fibre,
        String ownerState,
        ServiceState state,
        OffsetDateTime orderedAt,
        LocalDate requestedDate,
        LocalDate committedDeliveryDate,
        AppointmentWindow appointment,
        OffsetDateTime deliveredAt,
        OffsetDateTime inServiceAt,
        Reason lastReason,
        long upstreamSequence) {
}
