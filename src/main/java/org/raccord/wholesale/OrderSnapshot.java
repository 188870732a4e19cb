package org.raccord.wholesale;

import org.raccord.tracking.OrderEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.Reason;
import org.raccord.tracking.ServiceState;

/** The owner's full answer about one access order, translated; {@code ownerState} is kept verbatim. */
public record OrderSnapshot(
        String orderReference,
        String serviceReference,
        String operatorCode,
        boolean fibre,
        String ownerState,
        ServiceState state,
        OffsetDateTime orderedAt,
        LocalDate requestedDate,
        LocalDate committedDeliveryDate,
        AppointmentWindow appointment,
        String ptoReference,
        String ndi,
        OffsetDateTime deliveredAt,
        OffsetDateTime inServiceAt,
        Reason lastReason,
        long lastSequence,
        List<OrderEvent> events) {
}
