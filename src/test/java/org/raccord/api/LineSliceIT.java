package org.raccord.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import org.raccord.web.Problem;

/**
 * The first end-to-end slice on a real Liberty: the REST API registers a line, Raccord asks the
 * built-in simulator over SOAP (authenticated, through CXF), stores the answer with Flyway's schema,
 * and serves it back by any of its references; an owner outage leaves stored data readable.
 */
@ExtendWith(ArquillianExtension.class)
class LineSliceIT {

    /** The customer-letter line of the default simulator population (showcase line 1). */
    private static final String LETTER_ORDER = "CMD-00000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-it");
    }

    @Test
    void registeredLineIsStoredAndServedByEveryReference() {
        HttpResponse<String> registered = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + LETTER_ORDER + "\"}");
        assertThat(registered.statusCode()).isIn(200, 201);
        JsonObject line = Http.json(registered);
        assertThat(line.getString("orderReference")).isEqualTo(LETTER_ORDER);
        assertThat(line.getString("technology")).isEqualTo("copper");
        assertThat(line.getString("serviceReference")).startsWith("VIA");
        assertThat(line.getString("state")).isIn("inProgress", "held", "completed");
        assertThat(line.getString("committedDeliveryDate")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(line.getJsonObject("lastReason").getString("code")).startsWith("F");
        assertThat(line.getJsonObject("freshness").getJsonNumber("orderSequence").longValue()).isPositive();

        for (String reference : new String[] {line.getString("ndi"), line.getString("serviceReference"), LETTER_ORDER}) {
            HttpResponse<String> read = Http.get("api/v1/lines/" + reference, Http.channel());
            assertThat(read.statusCode()).as(reference).isEqualTo(200);
            assertThat(Http.json(read).getString("orderReference")).isEqualTo(LETTER_ORDER);
        }

        HttpResponse<String> again = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + LETTER_ORDER + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void ownerOutageKeepsStoredDataReadable() {
        assertThat(Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000003\"}").statusCode()).isIn(200, 201);
        try {
            assertThat(Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":true}", Http.csrf(Http.ADMIN)).statusCode()).isEqualTo(200);

            HttpResponse<String> refused = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000004\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Http.json(refused).getString("type")).isEqualTo("/problems/owner-unavailable");

            assertThat(Http.get("api/v1/lines/CMD-00000003", Http.channel()).statusCode()).isEqualTo(200);
        } finally {
            Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":false}", Http.csrf(Http.ADMIN));
        }
        // Once the consult breaker lets calls through again, registration works without a restart.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000004\"}").statusCode(), s -> s == 200 || s == 201);
    }

    @Test
    void badInputIsAClearProblemNeverA5xx() {
        HttpResponse<String> badRef = Http.get("api/v1/lines/%3Cscript%3E", Http.channel());
        assertThat(badRef.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRef).getString("type")).isEqualTo("/problems/invalid-request");

        HttpResponse<String> unknown = Http.get("api/v1/lines/CMD-77777777", Http.channel());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).getString("type")).isEqualTo("/problems/unknown-line");

        HttpResponse<String> unknownOrder = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-99999999\"}");
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownOrder).getString("type")).isEqualTo("/problems/unknown-order");

        HttpResponse<String> brokenJson = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":");
        assertThat(brokenJson.statusCode()).isEqualTo(400);
        assertThat(Http.json(brokenJson).getString("type")).isEqualTo("/problems/malformed-body");

        HttpResponse<String> tooLong = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + "A".repeat(31) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLong).getJsonArray("violations")).hasSize(1);

        HttpResponse<String> badKnob = Http.put("api/simulator/knobs", Http.ADMIN, "{\"errorRate\":7}", Http.csrf(Http.ADMIN));
        assertThat(badKnob.statusCode()).isEqualTo(400);
    }

    @Test
    void nothingIsAnonymousAndRolesAreEnforced() {
        assertThat(Http.get("api/v1/lines/" + LETTER_ORDER, null).statusCode()).isEqualTo(401);
        assertThat(Http.post("api/v1/lines", Http.channel(), "{\"orderReference\":\"CMD-00000002\"}").statusCode()).isEqualTo(403);
        assertThat(Http.get("api/simulator", Http.READER).statusCode()).isEqualTo(403);
        assertThat(Http.get("simulator/soap/suivi-commande-acces/v1?wsdl", null).statusCode()).isEqualTo(401);
        assertThat(Http.get("simulator/soap/suivi-commande-acces/v1?wsdl", Http.ADMIN).statusCode()).isEqualTo(403);
    }

    @Test
    void aLineIsFoundByItsNumberInAnyCommonFormat() {
        HttpResponse<String> registered = Http.post("api/v1/lines", Http.backOffice(),
                "{\"orderReference\":\"CMD-00000006\",\"phoneNumber\":\"01 98 76 54 32\"}");
        assertThat(registered.statusCode()).isIn(200, 201);

        for (String number : new String[] {"01%2098%2076%2054%2032", "%2B33198765432", "0198765432", "%2B33%201%2098%2076%2054%2032"}) {
            HttpResponse<String> read = Http.get("api/v1/lines/" + number, Http.channel());
            assertThat(read.statusCode()).as(number).isEqualTo(200);
            assertThat(Http.json(read).getString("orderReference")).isEqualTo("CMD-00000006");
        }
        HttpResponse<String> badNumber = Http.post("api/v1/lines", Http.backOffice(),
                "{\"orderReference\":\"CMD-00000006\",\"phoneNumber\":\"+44 20 7946 0958\"}");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(Http.json(badNumber).getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("phoneNumber");
    }

    @Test
    void theTimelineIsPaged() {
        assertThat(Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + LETTER_ORDER + "\"}").statusCode()).isIn(200, 201);

        JsonObject first = Http.json(Http.get("api/v1/lines/" + LETTER_ORDER + "/events?limit=2", Http.channel()));
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(first.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(5);
        assertThat(first.getJsonArray("items").getJsonObject(0).getString("flow")).isEqualTo("AR");
        JsonObject beyond = Http.json(Http.get("api/v1/lines/" + LETTER_ORDER + "/events?offset=1000", Http.channel()));
        assertThat(beyond.getJsonArray("items")).isEmpty();

        for (String bad : new String[] {"limit=0", "limit=201", "limit=abc", "offset=-1", "offset=1e3"}) {
            HttpResponse<String> refused = Http.get("api/v1/lines/" + LETTER_ORDER + "/events?" + bad, Http.channel());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(Http.json(refused).getString("type")).isEqualTo("/problems/invalid-request");
        }
    }

    @Test
    void answersCarryAnEtagAndTheSummaryInTheClientsLanguage() {
        assertThat(Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + LETTER_ORDER + "\"}").statusCode()).isIn(200, 201);

        HttpResponse<String> french = Http.get("api/v1/lines/" + LETTER_ORDER, Http.channel());
        assertThat(french.headers().firstValue("Content-Language")).contains("fr");
        assertThat(french.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
        assertThat(Http.json(french).getString("summary")).startsWith("Commande " + LETTER_ORDER);
        String etag = french.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = Http.get("api/v1/lines/" + LETTER_ORDER, Http.channel(), "If-None-Match", etag);
        // The line may have moved on between the two reads (polling runs): then a fresh 200 is right.
        assertThat(unchanged.statusCode()).isIn(304, 200);
        if (unchanged.statusCode() == 304) {
            assertThat(unchanged.body()).isEmpty();
        }

        HttpResponse<String> english = Http.get("api/v1/lines/" + LETTER_ORDER, Http.channel(), "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5");
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        assertThat(Http.json(english).getString("summary")).startsWith("Order " + LETTER_ORDER);
        assertThat(english.headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
    }

    @Test
    void backOfficesSearchAndLookUpInBulk() {
        assertThat(Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"" + LETTER_ORDER + "\"}").statusCode()).isIn(200, 201);

        JsonObject breaches = Http.json(Http.get("api/v1/lines?breach=true&limit=200", Http.channel()));
        assertThat(breaches.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("orderReference")).contains(LETTER_ORDER);
        assertThat(breaches.getJsonArray("items").getValuesAs(JsonObject.class)).allSatisfy(l -> assertThat(l.getBoolean("breach")).isTrue());
        List<String> byDate = Http.json(Http.get("api/v1/lines?limit=200", Http.channel())).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .map(l -> l.containsKey("committedDeliveryDate") ? l.getString("committedDeliveryDate") : null).toList();
        assertThat(byDate).isNotEmpty().isSortedAccordingTo(Comparator.nullsLast(Comparator.<String>naturalOrder()));
        JsonObject none = Http.json(Http.get("api/v1/lines?deliveryFrom=2099-01-01", Http.channel()));
        assertThat(none.getJsonNumber("total").longValue()).isZero();
        HttpResponse<String> badFilter = Http.get("api/v1/lines?state=done&breach=maybe", Http.channel());
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(Http.json(badFilter).getJsonArray("violations")).hasSize(2);

        HttpResponse<String> bulk = Http.post("api/v1/lines/lookup", Http.channel(),
                "{\"references\":[\"" + LETTER_ORDER + "\",\"CMD-77777777\",\"<bad>\"]}");
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(jakarta.json.Json.createReader(new java.io.StringReader(bulk.body())).readArray().getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("status")).containsExactly(200, 404, 400);

        StringBuilder tooMany = new StringBuilder("{\"references\":[");
        for (int i = 0; i < 101; i++) {
            tooMany.append(i == 0 ? "" : ",").append("\"CMD-").append(i).append('"');
        }
        HttpResponse<String> oversized = Http.post("api/v1/lines/lookup", Http.channel(), tooMany.append("]}").toString());
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(Http.json(oversized).getString("type")).isEqualTo("/problems/invalid-request");
    }

    @Test
    void aSettledLineAnswers304ToItsOwnEtag() {
        // A rejected order gets no more events and is never reconciled: its representation is stable.
        HttpResponse<String> first = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get("api/v1/lines/CMD-00000005", Http.channel()), r -> r.statusCode() == 200);
        assertThat(Http.json(first).getString("state")).isEqualTo("rejected");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = Http.get("api/v1/lines/CMD-00000005", Http.channel(), "If-None-Match", etag);

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
    }
}
