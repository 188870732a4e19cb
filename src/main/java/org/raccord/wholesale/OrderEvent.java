package org.raccord.wholesale;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.Reason;

/**
 * One access-order event as the owner published it, translated. {@code flow} keeps the owner's
 * flow name verbatim (AR, CR_CMD, ...) next to its meaning. Absent fields are null.
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
        OffsetDateTime effectiveAt) {
}
