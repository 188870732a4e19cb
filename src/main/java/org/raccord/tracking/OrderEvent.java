package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;


/**
 * One access-order event as the owner published it, in Raccord's terms (translated by {@code wholesale}). {@code flow} keeps the owner's
 * flow name verbatim (AR, CR_CMD, ...) next to its meaning, and {@code ownerState} the owner's own
 * state word that the flow leads to (null where a flow does not move the order). Absent fields are null.
 * {@code ownerText} holds, verbatim, any owner text that was too long for Raccord's record and was
 * clipped in the other fields (null when nothing was).
 */
public record OrderEvent(
        long sequence,
        OffsetDateTime at,
        OrderEventKind kind,
        String flow,
        String orderReference,
        String serviceReference,
        boolean fibre,
        Reason reason,
        LocalDate deliveryDate,
        LocalDate previousDeliveryDate,
        AppointmentWindow appointment,
        String ptoReference,
        String ndi,
        OffsetDateTime effectiveAt,
        String ownerState,
        String ownerText) {
}
