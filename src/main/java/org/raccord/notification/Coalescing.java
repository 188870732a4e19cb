package org.raccord.notification;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A customer never gets a burst: when several changes of one line wait for the same subscriber
 * within a short window (a burst from the owner, or a receiver that was away), the older events
 * still go out but without their SMS, and the newest one's SMS tells the line's whole status
 * instead of its own change alone. Urgent SMS (the cut reminder, the cut) are never held back.
 */
final class Coalescing {

    private final SmsTemplates templates;

    Coalescing(SmsTemplates templates) {
        this.templates = templates;
    }

    /** Whether this body carries an SMS that may give way to a newer one. */
    static boolean yields(String body) {
        JsonObject sms = read(body).getJsonObject("data").getJsonObject("sms");
        return sms != null && !sms.getBoolean("urgent", false);
    }

    /** The older event, its SMS left out in favour of {@code newerEventId}'s. */
    static String withoutSms(String body, String newerEventId) {
        JsonObject event = read(body);
        JsonObjectBuilder data = Json.createObjectBuilder(event.getJsonObject("data")).remove("sms")
                .add("smsCoalescedInto", newerEventId);
        return Json.createObjectBuilder(event).add("data", data).build().toString();
    }

    /** The newest event of a burst: its (non-urgent) SMS now tells the line's status. */
    String withStatusSms(String body) {
        JsonObject event = read(body);
        JsonObject data = event.getJsonObject("data");
        JsonObject sms = data.getJsonObject("sms");
        if (sms == null || sms.getBoolean("urgent", false) || data.getBoolean("smsCoalesced", false)) {
            return body;
        }
        JsonObject line = data.getJsonObject("line");
        LineFacts facts = new LineFacts(line.getString("orderReference"), null, line.getString("state", ""),
                line.containsKey("committedDeliveryDate") ? LocalDate.parse(line.getString("committedDeliveryDate")) : null,
                line.containsKey("plannedCutAt") ? OffsetDateTime.parse(line.getString("plannedCutAt")) : null,
                line.containsKey("cutAt") ? OffsetDateTime.parse(line.getString("cutAt")) : null,
                null, line.getBoolean("breach", false), sms.getString("to"), sms.getString("language"));
        String text = templates.status(facts, sms.getString("language"));
        Gsm7.Measure measure = Gsm7.measure(text);
        JsonObjectBuilder newSms = Json.createObjectBuilder(sms).add("text", text)
                .add("encoding", measure.encoding() == Gsm7.Encoding.GSM_7 ? "GSM-7" : "UCS-2").add("parts", measure.parts());
        return Json.createObjectBuilder(event)
                .add("data", Json.createObjectBuilder(data).add("sms", newSms).add("smsCoalesced", true)).build().toString();
    }

    private static JsonObject read(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
