package org.raccord.lines;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.raccord.tracking.TrackedLine;

/** A line in a list: enough to sort and pick, without its histories. */
public record LineSummary(String orderReference, String ndi, String ptoReference, String state,
                          LocalDate committedDeliveryDate, OffsetDateTime deliveredAt, OffsetDateTime cutAt,
                          OffsetDateTime plannedCutAt, Integer gapWorkingDays, boolean breach, OffsetDateTime confirmedAt) {

    public static LineSummary of(TrackedLine l) {
        return new LineSummary(l.orderReference(), l.ndi(), l.ptoReference(), l.state().code(),
                l.committedDeliveryDate(), l.deliveredAt(), l.cutoverDoneAt(), l.cutoverPlannedAt(),
                l.gapWorkingDays(), l.gapBreach(), l.confirmedAt());
    }
}
