package org.raccord.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.Reason;
import org.raccord.tracking.TrackedLine;

/** A tracked line as customer channels see it. Absent values are left out of the JSON. */
public record LineView(
        String orderReference,
        String serviceReference,
        String ptoReference,
        String ndi,
        String technology,
        String state,
        String ownerState,
        OffsetDateTime orderedAt,
        LocalDate requestedDate,
        LocalDate committedDeliveryDate,
        AppointmentWindow appointment,
        OffsetDateTime deliveredAt,
        OffsetDateTime inServiceAt,
        Reason lastReason,
        Freshness freshness) {

    /** How current this answer is: when the owner last confirmed it and when it last changed. */
    public record Freshness(OffsetDateTime confirmedAt, OffsetDateTime changedAt, long upstreamSequence) {
    }

    static LineView of(TrackedLine l) {
        return new LineView(l.orderReference(), l.serviceReference(), l.ptoReference(), l.ndi(),
                l.fibre() ? "fibre" : "copper", l.state().code(), l.ownerState(), l.orderedAt(), l.requestedDate(),
                l.committedDeliveryDate(), l.appointment(), l.deliveredAt(), l.inServiceAt(), l.lastReason(),
                new Freshness(l.confirmedAt(), l.changedAt(), l.upstreamSequence()));
    }
}
