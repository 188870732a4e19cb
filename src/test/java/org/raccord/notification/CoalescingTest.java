package org.raccord.notification;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of changes to one line: every event still goes out, one SMS tells the whole status. */
class CoalescingTest {

    private static final LineFacts LINE = new LineFacts("CMD-00000008", "0386324581", "inProgress", LocalDate.of(2026, 12, 4),
            OffsetDateTime.parse("2026-11-30T07:00:00Z"), null, 4, true, "+33612345678", "fr");
    private static final Instant DAYTIME = Instant.parse("2026-11-26T10:00:00Z");

    private final CloudEvents events = new CloudEvents(new SmsTemplates(true), QuietHours.parse("21:00-08:00", ZoneId.of("Europe/Paris")));
    private final Coalescing coalescing = new Coalescing(new SmsTemplates(true));

    @Test
    void theOlderEventKeepsItsDataAndGivesItsSmsToTheNewest() {
        String scheduled = body("e-1", "cutover.scheduled", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}");
        String breach = body("e-2", "breach.detected", "{\"workingDays\":\"4\"}");
        assertThat(Coalescing.yields(scheduled)).isTrue();

        JsonObject older = read(Coalescing.withoutSms(scheduled, "e-2"));
        JsonObject newest = read(coalescing.withStatusSms(breach));

        assertThat(older.getJsonObject("data").containsKey("sms")).isFalse();
        assertThat(older.getJsonObject("data").getString("smsCoalescedInto")).isEqualTo("e-2");
        assertThat(older.getJsonObject("data").getJsonObject("event").getString("plannedAt")).isEqualTo("2026-11-30T07:00:00Z");
        JsonObject sms = newest.getJsonObject("data").getJsonObject("sms");
        assertThat(sms.getString("text")).isEqualTo("Du nouveau pour votre commande CMD-00000008 : coupure de l'ancienne ligne"
                + " le lundi 30 novembre à 8 h 00, nouvelle ligne prévue le vendredi 4 décembre.");
        assertThat(sms.getString("to")).isEqualTo("+33612345678");
        assertThat(sms.getInt("parts")).isEqualTo(1);
        assertThat(newest.getJsonObject("data").getBoolean("smsCoalesced")).isTrue();
        assertThat(newest.getString("id")).isEqualTo("e-2");
    }

    @Test
    void anUrgentSmsIsNeverHeldBackNorRewritten() {
        String imminent = body("e-3", "cutover.imminent", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}");

        assertThat(Coalescing.yields(imminent)).isFalse();
        assertThat(coalescing.withStatusSms(imminent)).isEqualTo(imminent);
    }

    private String body(String id, String type, String facts) {
        String payload = "{\"type\":\"" + type + "\",\"orderReference\":\"CMD-00000008\",\"occurredAt\":\"2026-11-26T09:00:00Z\",\"facts\":" + facts + "}";
        return events.body(id, type, payload, LINE, DAYTIME, DAYTIME);
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
