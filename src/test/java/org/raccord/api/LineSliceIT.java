package org.raccord.api;

import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        return ShrinkWrap.create(ZipImporter.class, "raccord-it.war")
                .importFrom(new File(System.getProperty("raccord.it.war", "target/raccord.war")))
                .as(WebArchive.class);
    }

    @Test
    void registeredLineIsStoredAndServedByEveryReference() {
        HttpResponse<String> registered = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"" + LETTER_ORDER + "\"}");
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
            HttpResponse<String> read = Http.get("api/v1/lines/" + reference, Http.READER);
            assertThat(read.statusCode()).as(reference).isEqualTo(200);
            assertThat(Http.json(read).getString("orderReference")).isEqualTo(LETTER_ORDER);
        }

        HttpResponse<String> again = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"" + LETTER_ORDER + "\"}");
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void ownerOutageKeepsStoredDataReadable() {
        assertThat(Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"CMD-00000003\"}").statusCode()).isIn(200, 201);
        try {
            assertThat(Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":true}").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"CMD-00000004\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Http.json(refused).getString("type")).isEqualTo("/problems/owner-unavailable");

            assertThat(Http.get("api/v1/lines/CMD-00000003", Http.READER).statusCode()).isEqualTo(200);
        } finally {
            Http.put("api/simulator/knobs", Http.ADMIN, "{\"outage\":false}");
        }
        // Once the consult breaker lets calls through again, registration works without a restart.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"CMD-00000004\"}").statusCode(), s -> s == 200 || s == 201);
    }

    @Test
    void badInputIsAClearProblemNeverA5xx() {
        HttpResponse<String> badRef = Http.get("api/v1/lines/%3Cscript%3E", Http.READER);
        assertThat(badRef.statusCode()).isEqualTo(400);
        assertThat(Http.json(badRef).getString("type")).isEqualTo("/problems/invalid-request");

        HttpResponse<String> unknown = Http.get("api/v1/lines/CMD-77777777", Http.READER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).getString("type")).isEqualTo("/problems/unknown-line");

        HttpResponse<String> unknownOrder = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"CMD-99999999\"}");
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownOrder).getString("type")).isEqualTo("/problems/unknown-order");

        HttpResponse<String> brokenJson = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":");
        assertThat(brokenJson.statusCode()).isEqualTo(400);
        assertThat(Http.json(brokenJson).getString("type")).isEqualTo("/problems/malformed-body");

        HttpResponse<String> tooLong = Http.post("api/v1/lines", Http.ADMIN, "{\"orderReference\":\"" + "A".repeat(31) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Http.json(tooLong).getJsonArray("violations")).hasSize(1);

        HttpResponse<String> badKnob = Http.put("api/simulator/knobs", Http.ADMIN, "{\"errorRate\":7}");
        assertThat(badKnob.statusCode()).isEqualTo(400);
    }

    @Test
    void nothingIsAnonymousAndRolesAreEnforced() {
        assertThat(Http.get("api/v1/lines/" + LETTER_ORDER, null).statusCode()).isEqualTo(401);
        assertThat(Http.get("api/v1/lines/" + LETTER_ORDER, "reader:wrong-password").statusCode()).isEqualTo(401);
        assertThat(Http.post("api/v1/lines", Http.READER, "{\"orderReference\":\"CMD-00000002\"}").statusCode()).isEqualTo(403);
        assertThat(Http.get("api/simulator", Http.READER).statusCode()).isEqualTo(403);
        assertThat(Http.get("simulator/soap/suivi-commande-acces/v1?wsdl", null).statusCode()).isEqualTo(401);
        assertThat(Http.get("simulator/soap/suivi-commande-acces/v1?wsdl", Http.ADMIN).statusCode()).isEqualTo(403);
    }
}
