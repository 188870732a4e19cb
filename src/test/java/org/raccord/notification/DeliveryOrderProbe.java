package org.raccord.notification;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/**
 * Test-only servlet: drives the real {@link Deliveries} store (its SQL, on the real database) the
 * way the courier does, for subscriptions of its own whose deliveries are due in 2100, so the
 * running delivery loop never sees them.
 * <ul>
 * <li>{@code /it/delivery-order}: a burst of three SMS-ready events for one line and one event for
 * another line; the first attempt of the burst fails and waits. Reports what each claim took and the
 * bodies as they finally went out.</li>
 * <li>{@code /it/delivery-share}: thirty deliveries long due to one subscriber (a receiver that keeps
 * failing) and two just due to another; reports what one claim of ten took.</li>
 * </ul>
 */
@WebServlet({"/it/delivery-order", "/it/delivery-share"})
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class DeliveryOrderProbe extends HttpServlet {

    private static final String SUBSCRIPTION = "delivery-order-probe";
    private static final String OTHER = "delivery-order-probe-2";
    private static final Instant T0 = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    Deliveries deliveries;

    @Resource(lookup = "jdbc/raccord")
    DataSource database;

    /** Room for this probe's subscription only: every other subscriber's due deliveries stay unclaimed. */
    private static final Courier.Room ONLY_MINE = new Courier.Room() {
        @Override
        public Set<String> full() {
            return Set.of();
        }

        @Override
        public int of(String subscriptionId) {
            return SUBSCRIPTION.equals(subscriptionId) || OTHER.equals(subscriptionId) ? 100 : 0;
        }
    };

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (var c = database.getConnection(); var s = c.createStatement()) {
            clean(s);
            subscribe(s, SUBSCRIPTION);
            response.setContentType("application/json;charset=UTF-8");
            if (request.getServletPath().endsWith("share")) {
                response.getWriter().print(share(s));
                clean(s);
                return;
            }
            // Ids are negative (no sequence hands them out); older means a smaller id.
            insert(s, -810, 71, "burst-1", "delivery-date.set", Map.of("deliveryDate", "2100-01-13"));
            insert(s, -809, 71, "burst-2", "delivery-date.revised",
                    Map.of("deliveryDate", "2100-01-20", "previousDeliveryDate", "2100-01-13", "reasonCode", "FINT01"));
            insert(s, -808, 71, "burst-3", "appointment.booked",
                    Map.of("appointmentStart", "2100-01-20T07:00:00Z", "appointmentEnd", "2100-01-20T11:00:00Z"));
            insert(s, -807, 72, "other-line", "delivery-date.set", Map.of("deliveryDate", "2100-01-20"));

            JsonArrayBuilder steps = Json.createArrayBuilder();
            List<Parcel> first = claim(steps, T0.plusSeconds(1));
            List<Courier.AttemptOutcome> outcomes = new ArrayList<>();
            for (Parcel p : first) {
                outcomes.add(p.eventId().equals("burst-1")
                        ? Courier.AttemptOutcome.of(p, Courier.AttemptOutcome.Kind.RETRY, T0.plusSeconds(600), 503, "HTTP 503")
                        : delivered(p, T0.plusSeconds(1)));
            }
            deliveries.record(outcomes);
            claim(steps, T0.plusSeconds(300)); // the first of the line waits until 00:10: nothing of that line may overtake it
            for (int round = 0; round < 4; round++) {
                Instant at = T0.plusSeconds(601 + round);
                deliveries.record(claim(steps, at).stream().map(p -> delivered(p, at)).toList());
            }
            response.getWriter().print(Json.createObjectBuilder().add("claims", steps).add("bodies", bodies(s)).build());
            clean(s);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** One claim of ten, with thirty deliveries of one subscriber due an hour before the other's two. */
    private JsonObject share(Statement s) throws SQLException {
        subscribe(s, OTHER);
        for (int i = 0; i < 30; i++) {
            insert(s, SUBSCRIPTION, -900 + i, 100 + i, "failing-" + i, "delivery-date.set", Map.of("deliveryDate", "2100-01-20"),
                    "2100-01-01 00:00:00+00");
        }
        insert(s, OTHER, -860, 200, "healthy-1", "delivery-date.set", Map.of("deliveryDate", "2100-01-20"), "2100-01-01 01:00:00+00");
        insert(s, OTHER, -859, 201, "healthy-2", "delivery-date.set", Map.of("deliveryDate", "2100-01-20"), "2100-01-01 01:00:00+00");
        Instant now = T0.plusSeconds(3601);
        JsonObjectBuilder taken = Json.createObjectBuilder();
        for (Parcel p : deliveries.claimDue(now, now.plus(Duration.ofMinutes(2)), 10, ONLY_MINE)) {
            taken.add(p.eventId(), p.subscriptionId());
        }
        return Json.createObjectBuilder().add("taken", taken).build();
    }

    private static void subscribe(Statement s, String id) throws SQLException {
        s.executeUpdate("INSERT INTO hub_subscription (id, client, callback_url, event_types, secret, state, created_at)"
                + " VALUES ('" + id + "', 'probe', 'https://sms.example.com/hook', '', '"
                + Signatures.newSecret() + "', 'DISABLED', CURRENT_TIMESTAMP)");
    }

    private List<Parcel> claim(JsonArrayBuilder steps, Instant now) {
        List<Parcel> claimed = deliveries.claimDue(now, now.plus(Duration.ofMinutes(2)), 100_000, ONLY_MINE);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        claimed.forEach(p -> ids.add(p.eventId()));
        steps.add(ids);
        return claimed;
    }

    private static Courier.AttemptOutcome delivered(Parcel p, Instant at) {
        return Courier.AttemptOutcome.of(p, Courier.AttemptOutcome.Kind.DELIVERED, at, 204, null);
    }

    private static void insert(Statement s, long id, long line, String eventId, String type, Map<String, String> facts)
            throws SQLException {
        insert(s, SUBSCRIPTION, id, line, eventId, type, facts, "2100-01-01 00:00:00+00");
    }

    private static void insert(Statement s, String subscription, long id, long line, String eventId, String type,
            Map<String, String> facts, String due) throws SQLException {
        JsonObjectBuilder event = Json.createObjectBuilder();
        facts.forEach(event::add);
        JsonObject body = Json.createObjectBuilder().add("specversion", "1.0").add("id", eventId).add("type", "org.raccord." + type)
                .add("data", Json.createObjectBuilder().add("event", event)
                        .add("line", Json.createObjectBuilder().add("orderReference", "CMD-PROBE-" + line).add("state", "inProgress")
                                .add("committedDeliveryDate", "2100-01-20"))
                        .add("sms", Json.createObjectBuilder().add("to", "+33612345678").add("language", "fr")
                                .add("text", "Votre raccordement : " + type).add("encoding", "GSM-7").add("parts", 1)
                                .add("urgent", false)))
                .build();
        s.executeUpdate("INSERT INTO webhook_delivery (id, subscription_id, outbox_id, line_id, event_id, event_type, body, state,"
                + " attempts, next_attempt_at, created_at) VALUES (" + id + ", '" + subscription + "', " + id + ", " + line + ", '"
                + eventId + "', '" + type + "', '" + body + "', 'PENDING', 0, TIMESTAMP WITH TIME ZONE '" + due + "',"
                + " TIMESTAMP WITH TIME ZONE '2100-01-01 00:00:00+00')");
    }

    private static JsonObject bodies(Statement s) throws SQLException {
        var bodies = Json.createObjectBuilder();
        try (var r = s.executeQuery("SELECT event_id, body, state FROM webhook_delivery WHERE subscription_id = '" + SUBSCRIPTION + "'")) {
            while (r.next()) {
                bodies.add(r.getString(1), Json.createObjectBuilder()
                        .add("state", r.getString(3))
                        .add("data", Json.createReader(new StringReader(r.getString(2))).readObject().getJsonObject("data")));
            }
        }
        return bodies.build();
    }

    private static void clean(Statement s) throws SQLException {
        for (String id : List.of(SUBSCRIPTION, OTHER)) {
            s.executeUpdate("DELETE FROM webhook_delivery WHERE subscription_id = '" + id + "'");
            s.executeUpdate("DELETE FROM hub_subscription WHERE id = '" + id + "'");
        }
    }
}
