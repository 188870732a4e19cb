package org.raccord.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import org.raccord.tracking.TrackedLine;

/** What a notification says about its line, read once when the event is dispatched. */
record LineFacts(String orderReference, String ndi, String state, LocalDate committedDeliveryDate,
                 OffsetDateTime cutoverPlannedAt, OffsetDateTime cutoverDoneAt, Integer gapWorkingDays,
                 boolean breach, String contactMobile, String contactLanguage) {

    static LineFacts of(TrackedLine line) {
        return new LineFacts(line.orderReference(), line.ndi(), line.state().code(), line.committedDeliveryDate(),
                line.cutoverPlannedStanding(), line.cutoverDoneAt(), line.gapWorkingDays(), line.gapBreach(),
                line.contactMobile(), line.contactLanguage());
    }

    /** The line as a webhook body states it ({@code data.line}), with the SMS's recipient. */
    static LineFacts of(JsonObject line, JsonObject sms) {
        return new LineFacts(line.getString("orderReference"), line.getString("ndi", null), line.getString("state", ""),
                date(line, "committedDeliveryDate"), moment(line, "plannedCutAt"), moment(line, "cutAt"), line.containsKey("gapWorkingDays") ? line.getInt("gapWorkingDays") : null,
                line.getBoolean("breach", false), sms.getString("to"), sms.getString("language"));
    }

    private static LocalDate date(JsonObject o, String name) {
        return o.containsKey(name) ? LocalDate.parse(o.getString(name)) : null;
    }

    private static OffsetDateTime moment(JsonObject o, String name) {
        return o.containsKey(name) ? OffsetDateTime.parse(o.getString(name)) : null;
    }

    /** The old line's cut: done, else planned. */
    OffsetDateTime cut() {
        return cutoverDoneAt != null ? cutoverDoneAt : cutoverPlannedAt;
    }
}
