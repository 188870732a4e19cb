package org.raccord.notification;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A customer never gets a burst: when several changes of one line wait for the same subscriber
 * within a short window (a burst from the owner, or a receiver that was away), the older events
 * still go out but without their SMS, and the newest one's SMS carries their facts too
 * ({@code data.smsAbsorbs}). Urgent SMS (the cut near, the cut) are never held back; they absorb
 * the older ones like any other. Every SMS is composed again just before its first attempt, from
 * what its body holds (its change, the changes it absorbed, the line as it was when it was
 * dispatched) and from what the customer already received: the cut reminder says "Rappel" only
 * when an SMS that named this cut reached them.
 */
final class Coalescing {

    private final SmsTemplates templates;
    private final QuietHours quietHours;

    Coalescing(SmsTemplates templates, QuietHours quietHours) {
        this.templates = templates;
        this.quietHours = quietHours;
    }

    /** A newer change of the same line, waiting for the same subscriber within the window. */
    record Waiting(String eventId, String body) {
    }

    /** A delivery's body ready for its first attempt, and the newer body it gave its SMS to (null if none). */
    record Prepared(String body, String newerBody) {
    }

    /**
     * Before a delivery's first attempt: if its SMS may wait and a newer change is waiting, it
     * gives its SMS to that one; otherwise its SMS is composed afresh at {@code now}, knowing the
     * bodies already delivered to this subscriber about this line when the text depends on them (a
     * cut reminder, a previous delivery date), and timed again (quiet hours, the cut).
     */
    Prepared prepare(String body, String eventType, Supplier<Optional<Waiting>> newest, Supplier<Stream<String>> delivered,
                     Instant now) {
        JsonObject event = read(body);
        JsonObject sms = event.getJsonObject("data").getJsonObject("sms");
        if (sms == null) {
            return new Prepared(body, null);
        }
        if (yields(sms)) {
            Optional<Waiting> newer = newest.get();
            if (newer.isPresent()) {
                return new Prepared(withoutSms(event, newer.get().eventId()), absorb(read(newer.get().body()), event));
            }
        }
        return new Prepared(recompose(event, delivered, now), null);
    }

    /** Whether this body carries an SMS that may give way to a newer one. */
    static boolean yields(String body) {
        JsonObject sms = read(body).getJsonObject("data").getJsonObject("sms");
        return sms != null && yields(sms);
    }

    private static boolean yields(JsonObject sms) {
        return !sms.getBoolean("urgent", false);
    }

    /** The older event, its SMS left out in favour of {@code newerEventId}'s. */
    private static String withoutSms(JsonObject event, String newerEventId) {
        JsonObjectBuilder data = Json.createObjectBuilder(event.getJsonObject("data")).remove("sms")
                .add("smsCoalescedInto", newerEventId);
        return Json.createObjectBuilder(event).add("data", data).build().toString();
    }

    /**
     * The newer event, holding the older one's change (and what that one had absorbed) for its SMS
     * to tell, every absorbed change in the order Raccord stored them.
     */
    static String absorb(String newer, String older) {
        return absorb(read(newer), read(older));
    }

    private static String absorb(JsonObject event, JsonObject older) {
        JsonObject olderData = older.getJsonObject("data");
        List<JsonObject> absorbed = new ArrayList<>();
        JsonObject data = event.getJsonObject("data");
        absorbed(data).forEach(absorbed::add);
        absorbed(olderData).forEach(absorbed::add);
        absorbed.add(Json.createObjectBuilder().add("type", eventName(older)).add("facts", facts(olderData))
                .add("storedAt", olderData.getString("storedAt", "")).build());
        absorbed.sort(java.util.Comparator.comparing(c -> c.getString("storedAt", "").isEmpty() ? Instant.EPOCH
                : Instant.parse(c.getString("storedAt"))));
        JsonArrayBuilder ordered = Json.createArrayBuilder();
        absorbed.forEach(ordered::add);
        return Json.createObjectBuilder(event).add("data", Json.createObjectBuilder(data).add("smsAbsorbs", ordered)
                .add("smsCoalesced", true)).build().toString();
    }

    private static List<JsonObject> absorbed(JsonObject data) {
        return data.getOrDefault("smsAbsorbs", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonObject.class);
    }

    /** The body with its SMS composed afresh, knowing (only if it needs to) what the delivered bodies told the customer. */
    private String recompose(JsonObject event, Supplier<Stream<String>> delivered, Instant now) {
        JsonObject data = event.getJsonObject("data");
        JsonObject sms = data.getJsonObject("sms");
        List<SmsBrief.Change> absorbed = absorbed(data).stream()
                .map(c -> new SmsBrief.Change(c.getString("type"), strings(c.getJsonObject("facts")))).toList();
        SmsBrief draft = new SmsBrief(eventName(event), strings(facts(data)), absorbed,
                LineFacts.of(data.getJsonObject("line"), sms), sms.getBoolean("urgent", false), Told.NOTHING);
        SmsBrief brief = draft.dependsOnHistory() ? new SmsBrief(draft.eventType(), draft.facts(), draft.absorbed(), draft.line(),
                draft.urgent(), Told.by(delivered.get(), now)) : draft;
        SmsTemplates.Text text = templates.compose(brief, sms.getString("language"));
        if (text == null) {
            return event.toString();
        }
        SmsTiming timing = SmsTiming.of(brief.eventType(), brief.line(), text, now, quietHours);
        return Json.createObjectBuilder(event).add("data", Json.createObjectBuilder(data)
                .add("sms", CloudEvents.timed(Json.createObjectBuilder(sms), timing, text))).build().toString();
    }

    private static JsonObject facts(JsonObject data) {
        return data.getOrDefault("event", JsonValue.EMPTY_JSON_OBJECT).asJsonObject();
    }

    private static String eventName(JsonObject event) {
        return event.getString("type").substring("org.raccord.".length());
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> facts = new LinkedHashMap<>();
        object.forEach((k, v) -> facts.put(k, v.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) v).getString() : v.toString()));
        return facts;
    }

    private static JsonObject read(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
