package org.raccord.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The customer's night (default 21:00–08:00, Paris time): an SMS-ready event is still delivered
 * at once, with a hint to send the SMS no earlier than the end of the night ({@link SmsTiming}
 * decides which SMS may not wait).
 */
record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    static QuietHours parse(String text, ZoneId zone) {
        String[] parts = text.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours read HH:mm-HH:mm, not: " + text);
        }
        return new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()), zone);
    }

    /** When the SMS may be sent, if {@code now} falls in the night. */
    Optional<Instant> deliverAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = from.isAfter(to);
        boolean quiet = overnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
