package org.raccord.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * When an SMS may reach the customer: at once, or at the end of quiet hours ({@code deliverAfter}).
 * Decided when the event is dispatched and again when its SMS is composed for the first attempt,
 * with the text it then has. Only the news of the cut itself goes out at any hour; quiet hours never
 * hold an SMS that names the cut or a breach past the cut (it then goes at once, as urgent).
 */
record SmsTiming(boolean urgent, Optional<Instant> deliverAfter) {

    /** Never held back for a newer change (they absorb the older ones): the customer must know before, or right after, the cut. */
    static final Set<String> URGENT = Set.of("cutover.imminent", "previous-service.cut");
    /** Sent even during quiet hours: the customer must know right after the cut. */
    static final Set<String> AT_ANY_HOUR = Set.of("previous-service.cut");

    static SmsTiming of(String eventName, LineFacts line, SmsTemplates.Text text, Instant now, QuietHours quietHours) {
        boolean urgent = URGENT.contains(eventName);
        Optional<Instant> after = AT_ANY_HOUR.contains(eventName) ? Optional.empty() : quietHours.deliverAfter(now);
        if (after.isPresent() && beforeTheCut(line, now) && !after.get().isBefore(line.cutoverPlannedAt().toInstant())
                && (text.cutStated() != null || text.breachDaysStated() != null)) {
            return new SmsTiming(true, Optional.empty());
        }
        return new SmsTiming(urgent, after);
    }

    private static boolean beforeTheCut(LineFacts line, Instant now) {
        return line.cutoverDoneAt() == null && line.cutoverPlannedAt() != null && now.isBefore(line.cutoverPlannedAt().toInstant());
    }
}
