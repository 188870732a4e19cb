package org.raccord.polling;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated owner publishes what a broken owner would: an over-long label, an unknown code, an
 * order reference too long to store, an order it then says it does not know, a flow the contract
 * does not list. The feed never stops:
 * texts are clipped, the event that cannot be applied is quarantined and shown, and the unknown
 * order is marked. Ordered last: the hostile events live in the simulator's memory only, so no
 * other class may start from this world afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class HostileOwnerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-hostile-owner-it");
    }

    @Test
    void aBrokenOwnerNeverStopsTheFeed() {
        JsonObject published = Http.json(Http.action("api/simulator/hostile-events", Http.ADMIN, "{}", Http.csrf(Http.ADMIN)));
        List<Long> sequences = published.getJsonArray("sequences").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList();
        assertThat(sequences).hasSize(5);
        long longLabel = sequences.get(0);
        long unknownCode = sequences.get(1);
        long longReference = sequences.get(2);
        long unannounced = sequences.get(3);
        long unknownFlow = sequences.get(4);

        // Three failed runs on the page, then the event alone, set aside with why; the feed goes on past it.
        JsonObject quarantined = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> quarantinedAt(longReference), q -> q != null);
        assertThat(quarantined.getString("feed")).isEqualTo("ORDER");
        assertThat(quarantined.getString("error")).containsIgnoringCase("too long");
        assertThat(quarantined.getString("event")).contains("\"orderReference\":\"CMDX-9999");
        await().atMost(Duration.ofSeconds(60)).until(() -> orderCursor() > unannounced);

        // The over-long label is clipped to its column, with a marker; the unknown code is kept, flagged.
        JsonObject labelled = Http.json(Http.get("api/v1/lines/CMDX-LONGLABEL-" + longLabel, Http.channel()));
        String label = labelled.getJsonObject("lastReason").getString("label");
        assertThat(label).hasSize(200).startsWith("Point de mutualisation saturé").endsWith("…");
        JsonObject unknown = Http.json(Http.get("api/v1/lines/CMDX-UNKNOWNCODE-" + unknownCode, Http.channel()))
                .getJsonObject("lastReason");
        assertThat(unknown.getString("code")).isEqualTo("ZZZ42");
        assertThat(unknown.getBoolean("known")).isFalse();

        // A flow the contract does not list is kept on the line's timeline as an event of unknown kind.
        HttpResponse<String> timeline = Http.get("api/v1/lines/CMDX-UNKNOWNFLOW-" + unknownFlow + "/events", Http.channel());
        assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
        assertThat(Http.json(timeline).getJsonArray("items").getValuesAs(JsonObject.class))
                .singleElement().satisfies(item -> {
                    assertThat(item.getJsonNumber("sequence").longValue()).isEqualTo(unknownFlow);
                    assertThat(item.getString("kind")).isEqualToIgnoringCase("unknown");
                });

        // A replay that still fails says why and keeps the event set aside.
        String[] csrf = Http.csrf(Http.ADMIN);
        HttpResponse<String> replay = Http.action("api/admin/quarantine/" + quarantined.getJsonNumber("id").longValue()
                + "/replay", Http.ADMIN, null, csrf);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(Http.json(replay).getString("type")).endsWith("/problems/replay-failed");
        assertThat(quarantinedAt(longReference).getString("replayError")).containsIgnoringCase("too long");
        assertThat(quarantinedAt(longReference).containsKey("replayedAt")).isFalse();

        // An operator refreshes the order the owner never announced: the owner does not know it, and the line says so.
        String order = "CMDX-UNANNOUNCEDORDER-" + unannounced;
        HttpResponse<String> refresh = Http.action("api/admin/lines/" + order + "/refresh", Http.ADMIN, null, csrf);
        assertThat(refresh.statusCode()).isBetween(400, 499);
        JsonObject freshness = Http.json(Http.get("api/v1/lines/" + order, Http.channel())).getJsonObject("freshness");
        assertThat(freshness.getBoolean("degraded")).isTrue();
        assertThat(freshness.getString("degradedReason")).contains("has not known this order since");
    }

    private static JsonObject quarantinedAt(long sequence) {
        JsonArray all = Http.jsonArray(Http.get("api/admin/quarantine", Http.ADMIN));
        return all.getValuesAs(JsonObject.class).stream().filter(q -> q.getJsonNumber("sequence").longValue() == sequence)
                .findFirst().orElse(null);
    }

    private static long orderCursor() {
        return Http.json(Http.get("api/admin/polling", Http.ADMIN)).getJsonArray("feeds").getValuesAs(JsonObject.class)
                .stream().filter(f -> f.getString("feed").equals("ORDER")).mapToLong(f -> f.getJsonNumber("cursor").longValue())
                .findFirst().orElse(0);
    }
}
