package org.raccord.notification;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery order, sharing and coalescing through the real store and database (the courier's unit
 * tests use a store in memory): a line's later events never overtake its first while it waits for a
 * retry, another line is not held back, one subscriber's backlog does not fill another's claim, and
 * a burst of three SMS-ready changes of one line gives exactly one SMS, on the newest event, telling
 * the line's whole status.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryOrderIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-delivery-order-it").addClass(DeliveryOrderProbe.class);
    }

    @Test
    void aClaimIsSharedSoThatOneSubscribersLongDueRetriesDoNotHoldAnothersNewEventsBack() {
        HttpResponse<String> response = Http.action("it/delivery-share", Http.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject taken = Http.json(response).getJsonObject("taken");

        assertThat(taken.keySet()).as("one claim of ten: the other subscriber's two new events, and the rest of the room"
                + " to the thirty retries due an hour before them").hasSize(10).contains("healthy-1", "healthy-2");
        assertThat(taken.values().stream().filter(s -> ((JsonString) s).getString().equals("delivery-order-probe")).count())
                .isEqualTo(8);
    }

    @Test
    void aLineWaitsForItsFirstEventAndABurstGivesOneSms() {
        HttpResponse<String> response = Http.action("it/delivery-order", Http.ADMIN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject result = Http.json(response);

        List<List<String>> claims = result.getJsonArray("claims").stream()
                .map(step -> step.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()).toList();
        assertThat(claims).containsExactly(
                List.of("burst-1", "other-line"), // the oldest of each line; the other line is not held back
                List.of(),                        // burst-1 waits for its retry: burst-2 and burst-3 must not overtake it
                List.of("burst-1"),
                List.of("burst-2"),
                List.of("burst-3"),
                List.of());

        JsonObject bodies = result.getJsonObject("bodies");
        long withSms = bodies.values().stream().filter(b -> b.asJsonObject().getJsonObject("data").containsKey("sms"))
                .filter(b -> b.asJsonObject().getJsonObject("data").getJsonObject("line").getString("orderReference").endsWith("-71"))
                .count();
        assertThat(withSms).as("one SMS for the burst: " + bodies).isEqualTo(1);
        assertThat(data(bodies, "burst-1").getString("smsCoalescedInto")).isEqualTo("burst-3");
        assertThat(data(bodies, "burst-2").getString("smsCoalescedInto")).isEqualTo("burst-3");
        JsonObject newest = data(bodies, "burst-3");
        assertThat(newest.getBoolean("smsCoalesced")).isTrue();
        assertThat(newest.getJsonObject("sms").getString("text")).as("the last change and the delay it absorbed; the first date"
                        + " never reached the customer (its SMS gave way too), so no \"instead of\"")
                .startsWith("Rendez-vous technicien pour votre ligne : mercredi 20 janvier entre 8 h et 12 h.")
                .contains("La nouvelle ligne est reportée au mercredi 20 janvier.").doesNotContain("au lieu du")
                .contains("Motif : point de mutualisation saturé");
        assertThat(data(bodies, "other-line").containsKey("sms")).as("another line keeps its own SMS").isTrue();
        assertThat(bodies.values()).allSatisfy(b -> assertThat(b.asJsonObject().getString("state")).isEqualTo("DELIVERED"));
    }

    private static JsonObject data(JsonObject bodies, String eventId) {
        return bodies.getJsonObject(eventId).getJsonObject("data");
    }
}
