package org.raccord.notification;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.raccord.tracking.SpokenDates;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook body: CloudEvents attributes, the line's status, and the SMS with its courtesy rules. */
class CloudEventsTest {

    private static final LineFacts WITH_CONTACT = new LineFacts("CMD-00000008", "0386324581", "inProgress",
            LocalDate.of(2026, 12, 4), OffsetDateTime.parse("2026-11-30T07:00:00Z"), null, 4, true, "+33612345678", "en");
    private static final LineFacts WITHOUT_CONTACT = new LineFacts("CMD-00000009", null, "inProgress",
            LocalDate.of(2026, 12, 4), null, null, null, false, null, null);
    /** 22:30 in Paris: the customer's night. */
    private static final Instant NIGHT = Instant.parse("2026-11-26T21:30:00Z");
    private static final Instant STORED = Instant.parse("2026-11-26T21:29:58Z");

    private final CloudEvents events = new CloudEvents(new SmsTemplates(true), QuietHours.parse("21:00-08:00", SpokenDates.PARIS));

    @Test
    void anEventCarriesItsAttributesFactsStatusAndSms() {
        JsonObject event = body("delivery-date.revised", "{\"deliveryDate\":\"2026-12-04\",\"previousDeliveryDate\":\"2026-12-01\"}",
                WITH_CONTACT);

        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("id")).isEqualTo("e-1");
        assertThat(event.getString("source")).isEqualTo(CloudEvents.SOURCE);
        assertThat(event.getString("type")).isEqualTo("org.raccord.delivery-date.revised");
        assertThat(event.getString("subject")).isEqualTo("CMD-00000008");
        assertThat(event.getString("time")).isEqualTo("2026-11-26T21:29:00Z");
        JsonObject data = event.getJsonObject("data");
        assertThat(data.getString("storedAt")).isEqualTo(STORED.toString());
        assertThat(data.getJsonObject("event").getString("previousDeliveryDate")).isEqualTo("2026-12-01");
        assertThat(data.getJsonObject("line").getString("plannedCutAt")).isEqualTo("2026-11-30T07:00Z");
        assertThat(data.getJsonObject("line").getBoolean("breach")).isTrue();
        JsonObject sms = data.getJsonObject("sms");
        assertThat(sms.getString("to")).isEqualTo("+33612345678");
        assertThat(sms.getString("language")).isEqualTo("en");
        assertThat(sms.getString("text")).contains("Friday 4 December", "Tuesday 1 December");
        assertThat(sms.getString("encoding")).isEqualTo("GSM-7");
        assertThat(sms.getInt("parts")).as("a breach stands: the delay says how long the customer is without service").isEqualTo(2);
        assertThat(sms.getString("text")).endsWith("You will be without internet for 4 working days, beyond the legal one working day."
                + " Your provider will call you.");
        assertThat(sms.getJsonObject("states").getInt("breachWorkingDays")).isEqualTo(4);
    }

    @Test
    void atNightAnSmsWaitsForMorningUnlessItIsTheCutOrTheMorningComesAfterTheCut() {
        JsonObject ordinary = sms(body("appointment.booked", "{}", WITH_CONTACT));
        JsonObject reminder = sms(body("cutover.imminent", "{\"plannedAt\":\"2026-11-30T07:00:00Z\"}", WITH_CONTACT));
        JsonObject cut = sms(body("previous-service.cut", "{}", WITH_CONTACT));
        LineFacts cutAtDawn = new LineFacts("CMD-00000008", "0386324581", "inProgress", LocalDate.of(2026, 12, 4),
                OffsetDateTime.parse("2026-11-27T05:00:00Z"), null, 4, true, "+33612345678", "en");
        JsonObject tooLate = sms(body("cutover.scheduled", "{\"plannedAt\":\"2026-11-27T05:00:00Z\"}", cutAtDawn));

        assertThat(ordinary.getBoolean("urgent")).isFalse();
        assertThat(ordinary.getString("deliverAfter")).isEqualTo("2026-11-27T07:00:00Z");
        assertThat(reminder.getBoolean("urgent")).as("never held back for a newer change").isTrue();
        assertThat(reminder.getString("deliverAfter")).as("but the morning comes before the cut").isEqualTo("2026-11-27T07:00:00Z");
        assertThat(cut.containsKey("deliverAfter")).as("the cut itself is told at once").isFalse();
        assertThat(tooLate.containsKey("deliverAfter")).as("the morning would come after the cut").isFalse();
        assertThat(tooLate.getBoolean("urgent")).isTrue();
    }

    private static JsonObject sms(JsonObject event) {
        return event.getJsonObject("data").getJsonObject("sms");
    }

    @Test
    void aLineWithoutContactGetsTheEventWithoutSms() {
        JsonObject data = body("line.delivered", "{}", WITHOUT_CONTACT).getJsonObject("data");

        assertThat(data.containsKey("sms")).isFalse();
        assertThat(data.getString("smsSkipped")).isEqualTo("no contact mobile for this line");
    }

    private JsonObject body(String type, String facts, LineFacts line) {
        String payload = "{\"type\":\"" + type + "\",\"orderReference\":\"" + line.orderReference()
                + "\",\"occurredAt\":\"2026-11-26T21:29:00Z\",\"facts\":" + facts + "}";
        return Json.createReader(new StringReader(events.body("e-1", type, payload, line, STORED, NIGHT))).readObject();
    }
}
