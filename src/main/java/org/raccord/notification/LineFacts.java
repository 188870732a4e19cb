package org.raccord.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.raccord.tracking.TrackedLine;

/** What a notification says about its line, read once when the event is dispatched. */
record LineFacts(String orderReference, String ndi, String state, LocalDate committedDeliveryDate,
                 OffsetDateTime cutoverPlannedAt, OffsetDateTime cutoverDoneAt, Integer gapWorkingDays,
                 boolean breach, String contactMobile, String contactLanguage) {

    static LineFacts of(TrackedLine line) {
        return new LineFacts(line.orderReference(), line.ndi(), line.state().code(), line.committedDeliveryDate(),
                line.cutoverPlannedAt(), line.cutoverDoneAt(), line.gapWorkingDays(), line.gapBreach(),
                line.contactMobile(), line.contactLanguage());
    }

    /** The old line's cut: done, else planned. */
    OffsetDateTime cut() {
        return cutoverDoneAt != null ? cutoverDoneAt : cutoverPlannedAt;
    }
}
