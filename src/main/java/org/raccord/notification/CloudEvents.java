package org.raccord.notification;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

/**
 * The webhook body: a CloudEvents 1.0 structured JSON event ({@code application/cloudevents+json})
 * whose data holds the event's facts, the line's status and an SMS ready to send (recipient in
 * E.164, text, encoding, parts) when the line has a contact mobile.
 */
final class CloudEvents {

    static final String MEDIA_TYPE = "application/cloudevents+json";
    static final String SOURCE = "/raccord/lines";

    private final SmsTemplates templates;
    private final QuietHours quietHours;

    CloudEvents(SmsTemplates templates, QuietHours quietHours) {
        this.templates = templates;
        this.quietHours = quietHours;
    }

    /** The CloudEvents type for a Raccord event name, e.g. org.raccord.delivery-date.revised. */
    static String type(String eventName) {
        return "org.raccord." + eventName;
    }

    /**
     * Builds the body of one outbox event (its stored payload) about this line, rendered now;
     * {@code storedAt} is when Raccord stored the change (data.storedAt).
     */
    String body(String eventId, String eventName, String outboxPayload, LineFacts line, Instant storedAt, Instant now) {
        JsonObject stored = Json.createReader(new StringReader(outboxPayload)).readObject();
        Map<String, String> facts = new LinkedHashMap<>();
        stored.getJsonObject("facts").forEach((k, v) -> facts.put(k, ((JsonString) v).getString()));
        String time = stored.getString("occurredAt", "");
        return envelope(eventId, eventName, line.orderReference(), time.isEmpty() ? now.toString() : time)
                .add("data", data(eventName, facts, line, now).add("storedAt", storedAt.toString()))
                .build().toString();
    }

    /** A CloudEvent's attributes around its data: id, source, type, subject, time. */
    static JsonObjectBuilder envelope(String eventId, String eventName, String subject, String time) {
        return Json.createObjectBuilder()
                .add("specversion", "1.0")
                .add("id", eventId)
                .add("source", SOURCE)
                .add("type", type(eventName))
                .add("subject", subject)
                .add("time", time)
                .add("datacontenttype", "application/json");
    }

    private JsonObjectBuilder data(String eventName, Map<String, String> facts, LineFacts line, Instant now) {
        JsonObjectBuilder event = Json.createObjectBuilder();
        facts.forEach(event::add);
        JsonObjectBuilder status = Json.createObjectBuilder().add("orderReference", line.orderReference()).add("state", line.state())
                .add("breach", line.breach());
        optional(status, "ndi", line.ndi());
        optional(status, "committedDeliveryDate", line.committedDeliveryDate());
        optional(status, "plannedCutAt", line.cutoverPlannedAt());
        optional(status, "cutAt", line.cutoverDoneAt());
        optional(status, "gapWorkingDays", line.gapWorkingDays());
        JsonObjectBuilder data = Json.createObjectBuilder().add("event", event).add("line", status);
        sms(eventName, facts, line, now).ifPresentOrElse(sms -> data.add("sms", sms),
                () -> data.add("smsSkipped", line.contactMobile() == null ? "no contact mobile for this line"
                        : "no SMS for this kind of event"));
        return data;
    }

    private Optional<JsonObjectBuilder> sms(String eventName, Map<String, String> facts, LineFacts line, Instant now) {
        if (line.contactMobile() == null) {
            return Optional.empty();
        }
        String language = "en".equals(line.contactLanguage()) ? "en" : "fr";
        SmsTemplates.Text text = templates.compose(SmsBrief.alone(eventName, facts, line, SmsTiming.URGENT.contains(eventName)),
                language);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(timed(Json.createObjectBuilder().add("to", line.contactMobile()).add("language", language),
                SmsTiming.of(eventName, line, text, now, quietHours), text));
    }

    /**
     * An SMS's timing, text, encoding and parts, and the facts it states (so that a later one knows
     * what was said): set when the event is dispatched, and again when its SMS is composed afresh.
     */
    static JsonObjectBuilder timed(JsonObjectBuilder sms, SmsTiming timing, SmsTemplates.Text text) {
        sms.add("urgent", timing.urgent()).remove("deliverAfter");
        timing.deliverAfter().ifPresent(after -> sms.add("deliverAfter", after.toString()));
        Gsm7.Measure measure = Gsm7.measure(text.text());
        JsonObjectBuilder states = Json.createObjectBuilder();
        if (text.cutStated() != null) {
            states.add("cutAt", text.cutStated().toInstant().toString());
        }
        if (text.breachDaysStated() != null) {
            states.add("breachWorkingDays", text.breachDaysStated());
        }
        if (text.deliveryStated() != null) {
            states.add("deliveryDate", text.deliveryStated().toString());
        }
        if (text.previousStated() != null) {
            states.add("previousDeliveryDate", text.previousStated().toString());
        }
        return sms.add("text", text.text()).add("encoding", measure.encoding() == Gsm7.Encoding.GSM_7 ? "GSM-7" : "UCS-2")
                .add("parts", measure.parts()).add("states", states);
    }

    private static void optional(JsonObjectBuilder b, String name, Object value) {
        if (value instanceof Integer i) {
            b.add(name, i);
        } else if (value != null) {
            b.add(name, value.toString());
        }
    }
}
