package org.raccord.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What the SMS that already reached a customer stated about their line: the cuts and the delivery
 * dates they named (each SMS's {@code states}). A text refers to an earlier SMS ("Rappel", "au lieu
 * du mardi 1er décembre") only when that SMS was received.
 */
record Told(Set<Instant> cuts, Set<LocalDate> deliveryDates) {

    static final Told NOTHING = new Told(Set.of(), Set.of());

    /**
     * What these delivered webhook bodies' SMS stated, counting only those the SMS platform has sent
     * by {@code now} (an SMS held for the end of quiet hours has not reached the customer yet).
     */
    static Told by(Stream<String> deliveredBodies, Instant now) {
        Set<Instant> cuts = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        deliveredBodies.forEach(body -> {
            JsonObject sms = Json.createReader(new java.io.StringReader(body)).readObject().getJsonObject("data").getJsonObject("sms");
            boolean held = sms != null && sms.containsKey("deliverAfter") && Instant.parse(sms.getString("deliverAfter")).isAfter(now);
            JsonObject states = sms == null || held ? null : sms.getJsonObject("states");
            if (states != null && states.containsKey("cutAt")) {
                cuts.add(Instant.parse(states.getString("cutAt")));
            }
            if (states != null && states.containsKey("deliveryDate")) {
                dates.add(LocalDate.parse(states.getString("deliveryDate")));
            }
        });
        return new Told(Set.copyOf(cuts), Set.copyOf(dates));
    }

    boolean cut(Instant at) {
        return cuts.contains(at);
    }

    boolean deliveryDate(LocalDate date) {
        return deliveryDates.contains(date);
    }
}
