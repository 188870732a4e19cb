package org.raccord.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * three and a half minutes (four simulated days a minute, arquillian.xml), in the PostgreSQL run
 * only: the story is the same on both databases, and what the database does for the hub (the outbox,
 * claims, retries) is tested on both by the other notification tests. The hub's own API is {@link HubIT}.
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

    @RegisterExtension
    static final WireMockExtension receiver = WebhookReceiver.extension();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-notification-it");
    }

    @Test
    void theLiveLetterLineSendsItsStoryAsSignedSmsReadyEventsInOrder() throws Exception {
        HttpResponse<String> created = Http.post("api/v1/hub", smsPlatform(),
                "{\"callbackUrl\":\"http://localhost:" + receiver.getPort() + "/hook\"}");
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
                            WebhookReceiver.verify(webhook, secret);
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

    private static List<LoggedRequest> webhooksFor(String order) {
        List<LoggedRequest> all = new ArrayList<>(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all.stream().filter(r -> r.getBodyAsString().contains("\"subject\":\"" + order + "\"")).toList();
    }

    private static List<String> types(List<LoggedRequest> webhooks) {
        return webhooks.stream().map(r -> Http.parse(r.getBodyAsString()).getString("type")
                .substring("org.raccord.".length())).toList();
    }

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
