package org.raccord.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.Tokens;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification hook end to end on Liberty, against the simulator: an SMS platform (WireMock)
 * subscribes before the world's live customer-letter line is ordered, registers that line with a
 * mobile contact, and receives signed CloudEvents with ready-to-send SMS, in order: the cut
 * scheduled (with the breach it makes), the reminder before it, the cut itself, the slipped date,
 * and the delivery. Runs first (its line's story starts with the simulated world) and takes about
 * four minutes (four simulated days a minute, arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@Order(1)
class NotificationIT {

    /**
     * Signed with the server's key, which the server makes when it first starts: not before the
     * deployment (a class that runs first would find no key), hence on first use.
     */
    private static String smsPlatformToken;

    private static String smsPlatform() {
        if (smsPlatformToken == null) {
            smsPlatformToken = Tokens.client("smsplatform", "api-subscribe").bearer();
        }
        return smsPlatformToken;
    }
    private static WireMockServer receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-notification-it");
    }

    @BeforeAll
    static void receiver() {
        receiver = WebhookReceiver.started();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Test
    void theLiveLetterLineSendsItsStoryAsSignedSmsReadyEventsInOrder() throws Exception {
        HttpResponse<String> created = Http.post("api/v1/hub", smsPlatform(),
                "{\"callbackUrl\":\"http://localhost:" + receiver.port() + "/hook\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject subscription = Http.json(created);
        String secret = subscription.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(subscription.getString("id")));

        String order = liveLetterLine();
        String registration = "{\"orderReference\":\"" + order + "\",\"contact\":{\"mobile\":\"06 12 34 56 78\",\"language\":\"fr\"}}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.post("api/v1/lines", Http.backOffice(), registration).statusCode(), s -> s == 200 || s == 201);

        // The letter's story, in the order the customer must hear it (the breach is known as soon as
        // the cut is planned against the due date, so it comes with the scheduling).
        List<String> story = List.of("cutover.scheduled", "cutover.imminent", "previous-service.cut",
                "delivery-date.revised", "line.delivered");
        // Verified as they arrive: the reference library refuses a timestamp older than 5 minutes.
        // What is checked below is what had arrived, and was verified, when the story was complete.
        Set<String> verifiedIds = new HashSet<>();
        List<LoggedRequest> received = await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    List<LoggedRequest> arrived = webhooksFor(order);
                    for (LoggedRequest webhook : arrived) {
                        if (verifiedIds.add(webhook.getHeader("webhook-id"))) {
                            verified(webhook, secret);
                        }
                    }
                    return arrived;
                }, arrived -> types(arrived).containsAll(story) && types(arrived).contains("breach.detected"));

        List<String> types = types(received);
        for (int i = 1; i < story.size(); i++) {
            assertThat(types.indexOf(story.get(i - 1))).as(types.toString()).isLessThan(types.indexOf(story.get(i)));
        }
        for (String once : List.of("cutover.scheduled", "cutover.imminent", "previous-service.cut", "breach.detected", "line.delivered")) {
            assertThat(Collections.frequency(types, once)).as("each change announced once: " + types).isEqualTo(1);
        }

        for (LoggedRequest webhook : received) {
            assertThat(verifiedIds).contains(webhook.getHeader("webhook-id"));
            JsonObject event = Http.parse(webhook.getBodyAsString());
            assertThat(event.getString("specversion")).isEqualTo("1.0");
            assertThat(event.getString("id")).isEqualTo(webhook.getHeader("webhook-id"));
            assertThat(event.getString("source")).isEqualTo("/raccord/lines");
            assertThat(event.getString("type")).startsWith("org.raccord.");
            assertThat(event.getString("time")).isNotBlank();
            assertThat(webhook.getHeader("Content-Type")).startsWith("application/cloudevents+json");
            JsonObject data = event.getJsonObject("data");
            assertThat(data.getJsonObject("line").getString("orderReference")).isEqualTo(order);
            assertThat(Instant.parse(data.getString("storedAt"))).isBefore(Instant.now());
            assertThat(data.containsKey("sms") || data.containsKey("smsCoalescedInto"))
                    .as("a line with a contact: every event has its SMS, or gave it to a newer one of a burst").isTrue();
            if (data.containsKey("smsCoalescedInto")) {
                String newer = data.getString("smsCoalescedInto");
                // The newer event may still be on its way (the next delivery round of this line).
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhooksFor(order))
                        .as("the event that took the SMS was delivered")
                        .anySatisfy(w -> assertThat(w.getHeader("webhook-id")).isEqualTo(newer)));
            }
            if (data.containsKey("sms")) {
                JsonObject sms = data.getJsonObject("sms");
                assertThat(sms.getString("to")).isEqualTo("+33612345678");
                assertThat(sms.getString("encoding")).isEqualTo("GSM-7");
                assertThat(sms.getInt("parts")).isBetween(1, 2);
                assertThat(sms.getString("text")).doesNotContain("{");
            }
        }
        JsonObject imminent = Http.parse(webhooksFor(order).stream()
                .filter(w -> w.getBodyAsString().contains("\"org.raccord.cutover.imminent\""))
                .findFirst().orElseThrow().getBodyAsString());
        JsonObject sms = imminent.getJsonObject("data").getJsonObject("sms");
        assertThat(sms.getBoolean("urgent")).isTrue();
        String cut = sms.getJsonObject("states").getString("cutAt");
        LoggedRequest reminder = webhooksFor(order).stream()
                .filter(w -> w.getHeader("webhook-id").equals(imminent.getString("id"))).findFirst().orElseThrow();
        Instant sentAt = Instant.ofEpochSecond(Long.parseLong(reminder.getHeader("webhook-timestamp")));
        // Told: an earlier SMS named this cut and the SMS platform could send it before the reminder
        // went out. A notice delivered during quiet hours carries deliverAfter (the morning): the
        // urgent reminder then still tells the whole notice, so this depends on the time of day.
        boolean told = webhooksFor(order).stream().map(w -> Http.parse(w.getBodyAsString()))
                .takeWhile(e -> !e.getString("id").equals(imminent.getString("id")))
                .map(e -> e.getJsonObject("data").getJsonObject("sms"))
                .anyMatch(earlier -> earlier != null && cut.equals(earlier.getJsonObject("states").getString("cutAt", null))
                        && (!earlier.containsKey("deliverAfter") || !Instant.parse(earlier.getString("deliverAfter")).isAfter(sentAt)));
        assertThat(sms.getString("text")).as("a reminder only after a notice of this cut reached the customer")
                .startsWith(told ? "Rappel : votre ligne actuelle sera coupée le" : "Votre ligne actuelle sera coupée le").contains(" à ");
        if (imminent.getJsonObject("data").getJsonObject("line").getBoolean("breach")) {
            assertThat(sms.getString("text")).as("the breach, told with the cut").contains("jours ouvrés, au-delà du délai légal");
        }
    }

    @Test
    void theHubManagesSubscriptionsAndRefusesBadOnes() throws Exception {
        String id = Http.json(Http.post("api/v1/hub", smsPlatform(), "{\"callbackUrl\":\"http://127.0.0.1:" + receiver.port()
                + "/hook\",\"eventTypes\":[\"line.delivered\"]}")).getString("id");

        JsonArray mine = Http.jsonArray(Http.get("api/v1/hub", smsPlatform()));
        assertThat(mine.stream().map(s -> s.asJsonObject().getString("id"))).contains(id);
        assertThat(mine.getJsonObject(0).containsKey("secret")).as("secrets are shown once").isFalse();
        assertThat(Http.get("api/v1/hub/" + id, Tokens.client("another-platform", "api-subscribe").bearer()).statusCode())
                .as("another client's subscription").isEqualTo(404);

        JsonObject ping = Http.json(Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), ""));
        assertThat(ping.getBoolean("delivered")).isTrue();
        String newSecret = Http.json(Http.post("api/v1/hub/" + id + "/rotate", smsPlatform(), "")).getString("secret");
        assertThat(pings().get(0).getHeader("webhook-signature")).startsWith("v1,");

        Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "");
        LoggedRequest afterRotation = pings().get(pings().size() - 1);
        assertThat(afterRotation.getHeader("webhook-signature").split(" ")).as("old and new secret during the grace period").hasSize(2);
        verified(afterRotation, newSecret);

        // Two pings so far; the budget is five a minute (raccord.hub.pingsPerMinute).
        for (int i = 0; i < 3; i++) {
            assertThat(Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "").statusCode()).isEqualTo(200);
        }
        int before = pings().size();
        HttpResponse<String> spent = Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "");
        assertThat(spent.statusCode()).as("a ping is a test button, not a probe").isEqualTo(429);
        assertThat(spent.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(Http.json(spent).getString("type")).endsWith("too-many-pings");
        assertThat(pings()).as("nothing was sent").hasSize(before);

        assertThat(Http.raw("DELETE", "api/v1/hub/" + id, smsPlatform(), null, null).statusCode()).isEqualTo(204);
        assertThat(Http.get("api/v1/hub/" + id, smsPlatform()).statusCode()).isEqualTo(404);

        Map<String, String> refused = Map.of(
                "{\"callbackUrl\":\"https://169.254.169.254/latest/meta-data\"}", "callbackUrl",
                "{\"callbackUrl\":\"ftp://example.com/hook\"}", "callbackUrl",
                "{\"callbackUrl\":\"https://user:pw@example.com/hook\"}", "callbackUrl",
                "{\"callbackUrl\":\"http://localhost:1/hook\",\"eventTypes\":[\"line.exploded\"]}", "eventTypes",
                "{}", "callbackUrl");
        refused.forEach((body, field) -> {
            HttpResponse<String> r = Http.post("api/v1/hub", smsPlatform(), body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
            assertThat(Http.json(r).getJsonArray("violations").getJsonObject(0).getString("field")).as(body).isEqualTo(field);
        });
        assertThat(Http.post("api/v1/hub", Http.channel(), "{\"callbackUrl\":\"http://localhost:1/hook\"}").statusCode())
                .as("a read-only client may not subscribe").isEqualTo(403);
    }

    private static List<LoggedRequest> pings() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"org.raccord.ping\"")).toList();
    }

    private static void verified(LoggedRequest webhook, String secret) throws Exception {
        new Webhook(secret).verify(webhook.getBodyAsString(), Map.of(
                "webhook-id", List.of(webhook.getHeader("webhook-id")),
                "webhook-timestamp", List.of(webhook.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(webhook.getHeader("webhook-signature"))));
    }

    private static List<LoggedRequest> webhooksFor(String order) {
        List<LoggedRequest> all = new ArrayList<>(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all.stream().filter(r -> r.getBodyAsString().contains("\"subject\":\"" + order + "\"")).toList();
    }

    private static List<String> types(List<LoggedRequest> webhooks) {
        return webhooks.stream().map(r -> Http.parse(r.getBodyAsString()).getString("type")
                .substring("org.raccord.".length())).toList();
    }

    /** The world's last showcase line: a customer-letter order placed just after the world's start. */
    /**
     * The showcase's customer-letter lines are the historical one, the live one ordered an hour
     * after start-up, and the live one whose delivery slips five weeks (too long to watch here).
     */
    private static String liveLetterLine() {
        JsonArray showcase = Http.json(Http.get("api/simulator", Http.ADMIN)).getJsonArray("showcase");
        List<String> letters = showcase.getValuesAs(JsonObject.class).stream()
                .filter(l -> "CUSTOMER_LETTER".equals(l.getString("scenario"))).map(l -> l.getString("orderReference")).toList();
        assertThat(letters).hasSize(3);
        return letters.get(1);
    }

}
