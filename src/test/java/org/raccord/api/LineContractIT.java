package org.raccord.api;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API's contract, field by field, on the customer-letter line as served by a real Liberty:
 * every field the OpenAPI document declares is there with the right shape and the right facts
 * (old line cut, new line due, how often the date slipped and why, the breach), and nothing the
 * document does not declare. Also: the document and its page are served to signed-in people only.
 */
@ExtendWith(ArquillianExtension.class)
class LineContractIT {

    private static final String LETTER = "api/v1/lines/CMD-00000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-contract-it");
    }

    /** At the simulator's start the letter's old line is cut and its delivery date has slipped (breach). */
    @BeforeAll
    static void theLetterLineIsKnownWithItsCut() {
        Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000001\"}");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(LETTER, Http.channel()), r -> r.statusCode() == 200
                        && Http.json(r).getJsonObject("milestones").containsKey("PREVIOUS_SERVICE_CUT")
                        && Http.json(r).getJsonObject("deliveryDateRevisions").getInt("count") > 0);
    }

    @Test
    void theLetterLineAnswersEveryFieldWithItsFacts() throws IOException {
        JsonObject line = Http.json(Http.get(LETTER, Http.channel()));

        // Simulated days pass by the minute: the line may have been delivered meanwhile, or not yet.
        boolean delivered = line.getJsonObject("milestones").containsKey("LINE_DELIVERED");
        Set<String> expected = new java.util.TreeSet<>(Set.of(
                "summary", "orderReference", "serviceReference", "ndi", "technology", "state", "ownerState", "orderedAt",
                "requestedDate", "committedDeliveryDate", "deliveryDateRevisions", "appointment", "previousProvider",
                "serviceGap", "milestones", "jeopardy", "lastReason", "freshness"));
        if (delivered) {
            expected.addAll(Set.of("deliveredAt", "inServiceAt"));
        }
        assertThat(line.keySet()).as("fields of a copper line (no PTO), delivered: " + delivered)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(documented("LineView")).containsAll(line.keySet()).contains("ptoReference", "deliveredAt");

        assertThat(line.getString("orderReference")).isEqualTo("CMD-00000001");
        assertThat(line.getString("serviceReference")).matches("VIA\\d+");
        assertThat(line.getString("ndi")).matches("0\\d{9}");
        assertThat(line.getString("technology")).isEqualTo("copper");
        assertThat(line.getString("state")).isIn("held", "inProgress", "completed");
        assertThat(line.getString("ownerState")).isIn("EN_RETARD", "PLANIFIEE", "LIVREE", "EN_SERVICE");
        LocalDate requested = LocalDate.parse(line.getString("requestedDate"));
        LocalDate committed = LocalDate.parse(line.getString("committedDeliveryDate"));
        assertThat(committed).isAfter(requested);
        assertThat(OffsetDateTime.parse(line.getString("orderedAt")).toLocalDate()).isBefore(requested);

        // How often the date slipped, and why.
        JsonObject revisions = line.getJsonObject("deliveryDateRevisions");
        assertThat(documented("DeliveryDateRevisions")).containsAll(revisions.keySet());
        JsonArray history = revisions.getJsonArray("history");
        assertThat(revisions.getInt("count")).isEqualTo(history.size()).isGreaterThanOrEqualTo(1);
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertThat(documented("Revision")).containsAll(last.keySet());
        assertThat(LocalDate.parse(last.getString("to"))).isEqualTo(committed);
        assertThat(LocalDate.parse(last.getString("from"))).isBefore(committed);
        OffsetDateTime.parse(last.getString("revisedAt"));
        reason(last.getJsonObject("reason"));

        // The old line's cut, before the new line's delivery: the gap, and that it is a breach.
        JsonObject previous = line.getJsonObject("previousProvider");
        assertThat(previous.keySet()).containsExactlyInAnyOrder("operator", "cutoverState", "plannedCutAt", "cutAt", "numberPorting");
        assertThat(previous.getString("cutoverState")).isEqualTo("DONE");
        OffsetDateTime cut = OffsetDateTime.parse(previous.getString("cutAt"));
        LocalDate newLine = committed;
        if (delivered) {
            OffsetDateTime deliveredAt = OffsetDateTime.parse(line.getString("deliveredAt"));
            assertThat(OffsetDateTime.parse(line.getString("inServiceAt"))).isAfterOrEqualTo(deliveredAt);
            newLine = deliveredAt.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
        }
        assertThat(cut.toLocalDate()).isBefore(newLine);
        JsonObject gap = line.getJsonObject("serviceGap");
        assertThat(gap.keySet()).containsExactlyInAnyOrder("calendarDays", "workingDays", "breach", "allowedWorkingDays");
        assertThat(gap.getInt("allowedWorkingDays")).isEqualTo(1);
        assertThat(gap.getInt("workingDays")).isGreaterThan(1).isLessThanOrEqualTo(gap.getInt("calendarDays"));
        assertThat(gap.getInt("calendarDays")).isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(
                cut.atZoneSameInstant(java.time.ZoneId.of("Europe/Paris")).toLocalDate(), newLine));
        assertThat(gap.getBoolean("breach")).isTrue();

        JsonObject appointment = line.getJsonObject("appointment");
        assertThat(OffsetDateTime.parse(appointment.getString("start"))).isBefore(OffsetDateTime.parse(appointment.getString("end")));

        JsonObject milestones = line.getJsonObject("milestones");
        assertThat(milestones.keySet()).contains("ORDER_ACKNOWLEDGED", "PREVIOUS_SERVICE_CUT");
        JsonObject cutMilestone = milestones.getJsonObject("PREVIOUS_SERVICE_CUT");
        assertThat(cutMilestone.getString("sourceFeed")).isEqualTo("CUTOVER");
        assertThat(cutMilestone.getJsonNumber("sourceSequence").longValue()).isPositive();
        assertThat(OffsetDateTime.parse(cutMilestone.getString("at"))).isEqualTo(cut);
        if (delivered) {
            assertThat(milestones.getJsonObject("LINE_DELIVERED").getString("sourceFeed")).isEqualTo("ORDER");
        }

        JsonArray jeopardy = line.getJsonArray("jeopardy");
        assertThat(jeopardy).isNotEmpty();
        OffsetDateTime.parse(jeopardy.getJsonObject(0).getString("raisedAt"));
        reason(jeopardy.getJsonObject(0).getJsonObject("reason"));
        reason(line.getJsonObject("lastReason"));

        JsonObject freshness = line.getJsonObject("freshness");
        assertThat(documented("Freshness")).containsAll(freshness.keySet());
        assertThat(freshness.getBoolean("degraded")).isFalse();
        assertThat(freshness.containsKey("degradedReason")).isFalse();
        assertThat(freshness.getJsonNumber("orderSequence").longValue()).isPositive();
        assertThat(freshness.getJsonNumber("cutoverSequence").longValue()).isPositive();
        OffsetDateTime.parse(freshness.getString("confirmedAt"));
        OffsetDateTime.parse(freshness.getString("changedAt"));

        assertThat(line.getString("summary")).contains("coupée le", "jours ouvrés", "plus que le jour ouvré autorisé");
    }

    @Test
    void lookupsAreAnsweredFromTheReadModelOnceTheLineIsRendered() {
        // The read model renders changed lines just after their commit: within moments, a lookup
        // of the letter's line is one stored answer, with the same ETag rules.
        awaitStoredAnswer(answer -> true);
        HttpResponse<String> stored = Http.get(LETTER, Http.channel());
        assertThat(Http.json(stored).getJsonObject("serviceGap").getBoolean("breach")).isTrue();
        assertThat(stored.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        String tag = stored.headers().firstValue("ETag").orElseThrow();
        assertThat(Http.get(LETTER, Http.channel(), "If-None-Match", tag).statusCode()).isEqualTo(304);
    }

    @Test
    void aChangeShowsInTheVeryNextLookupThenFromTheReadModel() {
        awaitStoredAnswer(answer -> true);
        // Registering the order again asks the owner and confirms the line: a change. The very next
        // lookup must already show it (the stored answer is older than the line now, so it is not
        // served); shortly after, the read model serves the new answer.
        HttpResponse<String> again = Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000001\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        OffsetDateTime confirmed = confirmedAt(again);
        assertThat(confirmedAt(Http.get(LETTER, Http.channel()))).as("the lookup right after the change")
                .isAfterOrEqualTo(confirmed);
        awaitStoredAnswer(answer -> !confirmedAt(answer).isBefore(confirmed));
    }

    /** Waits until a lookup of the letter's line is answered from the read model with such an answer. */
    private static void awaitStoredAnswer(Predicate<HttpResponse<String>> expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            double before = answers("stored");
            HttpResponse<String> answer = Http.get(LETTER, Http.channel());
            return answer.statusCode() == 200 && answers("stored") == before + 1 && expected.test(answer);
        });
    }

    private static OffsetDateTime confirmedAt(HttpResponse<String> answer) {
        return OffsetDateTime.parse(Http.json(answer).getJsonObject("freshness").getString("confirmedAt"));
    }

    /** Line lookups answered so far from one source (stored or rendered), as the metrics count them. */
    private static double answers(String source) {
        String series = "raccord_api_line_answers_total{source=\"" + source + "\"} ";
        return Http.get("metrics", Http.MONITOR).body().lines().filter(l -> l.startsWith(series))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length()))).findFirst().orElse(0);
    }

    @Test
    void theSummaryIsEnglishOnRequestAndTheAnswerSaysSo() {
        HttpResponse<String> english = Http.get(LETTER, Http.channel(), "Accept-Language", "en-GB,en;q=0.9");

        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(english.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language"));
        assertThat(Http.json(english).getString("summary")).contains("was cut on", "working days");
        assertThat(Http.get(LETTER, Http.channel()).headers().firstValue("Content-Language")).hasValue("fr");
    }

    @Test
    void theTimelineListAndLookupAnswerTheirDocumentedFields() throws IOException {
        JsonObject page = Http.json(Http.get(LETTER + "/events?offset=1&limit=3", Http.channel()));
        assertThat(page.getInt("offset")).isEqualTo(1);
        assertThat(page.getInt("limit")).isEqualTo(3);
        assertThat(page.getJsonArray("items")).hasSize(3);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThan(4);
        JsonObject event = page.getJsonArray("items").getJsonObject(0);
        assertThat(documented("TimelineItem")).containsAll(event.keySet());
        assertThat(event.keySet()).contains("feed", "sequence", "occurredAt", "kind", "flow");

        JsonObject breaches = Http.json(Http.get("api/v1/lines?breach=true&limit=200", Http.channel()));
        JsonObject summary = breaches.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("orderReference").equals("CMD-00000001")).findFirst().orElseThrow();
        assertThat(documented("LineSummary")).containsAll(summary.keySet());
        assertThat(summary.getBoolean("breach")).isTrue();
        assertThat(summary.getInt("gapWorkingDays")).isGreaterThan(1);
        assertThat(summary.getString("cutAt")).isNotBlank();
        assertThat(Http.json(Http.get("api/v1/lines?breach=false&limit=200", Http.channel())).getJsonArray("items").stream()
                .map(l -> l.asJsonObject().getString("orderReference"))).doesNotContain("CMD-00000001");

        JsonArray results = Json.createReader(new StringReader(Http.post("api/v1/lines/lookup", Http.channel(),
                "{\"references\":[\"CMD-00000001\",\"CMD-99999998\",\"<x>\"]}").body())).readArray();
        assertThat(results.stream().map(r -> r.asJsonObject().getInt("status")).toList()).containsExactly(200, 404, 400);
        assertThat(documented("LookupResult")).containsAll(results.getJsonObject(0).keySet());

        JsonObject pong = Http.json(Http.get("api/v1/ping", Http.channel()));
        assertThat(pong.getString("client")).isEqualTo("portal");
    }

    @Test
    void theDocumentAndItsPageAreForSignedInPeople() {
        assertThat(Http.get("openapi/openapi.json", null).statusCode()).isEqualTo(401);
        HttpResponse<String> document = Http.get("openapi/openapi.json", Http.READER);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(Http.json(document).getJsonObject("paths").keySet()).contains("/api/v1/lines/{lineRef}");
        assertThat(Http.get("openapi/openapi.yaml", Http.READER).body()).startsWith("---").contains("openapi: 3.1.0");

        HttpResponse<String> page = Http.get("openapi/ui/index.html", Http.READER);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(Http.get("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", Http.READER).statusCode()).isEqualTo(200);
        assertThat(Http.get("openapi/ui/index.html", null).statusCode()).isEqualTo(401);
    }

    private static void reason(JsonObject reason) throws IOException {
        assertThat(documented("Reason")).containsAll(reason.keySet());
        assertThat(reason.getString("code")).matches("[A-Z0-9_]+");
        assertThat(reason.getBoolean("known")).isTrue();
        assertThat(reason.getString("plainFr")).isNotBlank();
        assertThat(reason.getString("plainEn")).isNotBlank();
    }

    /** The properties the OpenAPI document declares for a schema (the document built with this WAR). */
    private static Set<String> documented(String schema) throws IOException {
        JsonObject document = Json.createReader(new StringReader(Files.readString(Path.of("target/openapi/openapi.json")))).readObject();
        return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(schema)
                .getJsonObject("properties").keySet();
    }
}
