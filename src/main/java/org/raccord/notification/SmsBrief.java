package org.raccord.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one SMS must say: its own change, the older changes of the line it stands for (coalesced
 * into it), the line as it was when the newest of them was dispatched, whether it is urgent (a cut
 * near or done), and what the SMS that already reached this customer stated ({@code told}). When
 * the event is dispatched no history is read ({@code told} null): every earlier date counts as
 * told and no cut does; the SMS is composed again, with its history, before its first attempt.
 */
record SmsBrief(String eventType, Map<String, String> facts, List<Change> absorbed, LineFacts line, boolean urgent,
                Told told) {

    /** A change whose SMS gave way to this one. */
    record Change(String eventType, Map<String, String> facts) {
    }

    static SmsBrief alone(String eventType, Map<String, String> facts, LineFacts line, boolean urgent) {
        return new SmsBrief(eventType, facts, List.of(), line, urgent, null);
    }

    boolean cutTold(OffsetDateTime cut) {
        return told != null && cut != null && told.cut(cut.toInstant());
    }

    boolean dateTold(String date) {
        return told == null || date == null || told.deliveryDate(LocalDate.parse(date));
    }

    /** Whether composing this SMS depends on what the customer was told before (a reminder, a previous date). */
    boolean dependsOnHistory() {
        return eventType.equals("cutover.imminent") || facts.containsKey("previousDeliveryDate")
                || latest("delivery-date.revised").isPresent();
    }

    /** Whether the text tells the line's whole status rather than its own change alone. */
    boolean whole() {
        return urgent || !absorbed.isEmpty();
    }

    /** The newest absorbed change of one of these kinds, if any. */
    Optional<Change> latest(String... kinds) {
        for (int i = absorbed.size() - 1; i >= 0; i--) {
            for (String kind : kinds) {
                if (absorbed.get(i).eventType().equals(kind)) {
                    return Optional.of(absorbed.get(i));
                }
            }
        }
        return Optional.empty();
    }
}
