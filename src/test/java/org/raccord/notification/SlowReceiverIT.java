package org.raccord.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.BurstProbe;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.Tokens;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber whose receiver answers after 4.9 s, beside one that answers at once, while a burst
 * of owner events goes out to both: the prompt subscriber has every event while the slow one is
 * still working through its first few, and lookups answer as fast as before the burst (compared as
 * a ratio of medians within this run, never against a fixed time). The burst is applied through
 * the real ledger by a test servlet, as the poller would, so the simulator's feed is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class SlowReceiverIT {

    /**
     * Signed with the server's key, which the server makes when it first starts: not before the
     * deployment (a class that runs first would find no key), hence on first use.
     */
    private static String platformToken;

    private static String platform() {
        if (platformToken == null) {
            platformToken = Tokens.client("slow-receiver-platform", "api-subscribe").bearer();
        }
        return platformToken;
    }
    private static final int BURST = 40;
    private static WireMockServer slow;
    private static WireMockServer prompt;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-slow-receiver-it").addClass(BurstProbe.class);
    }

    @BeforeAll
    static void receivers() {
        slow = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        slow.start();
        slow.stubFor(post(urlEqualTo(WebhookReceiver.PATH)).willReturn(aResponse().withStatus(204).withFixedDelay(4_900)));
        prompt = WebhookReceiver.started();
    }

    @AfterAll
    static void stopReceivers() {
        slow.stop();
        prompt.stop();
    }

    @Test
    void aSlowReceiverDelaysOnlyItsOwnDeliveries() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.post("api/v1/lines", Http.backOffice(), "{\"orderReference\":\"CMD-00000001\"}").statusCode(),
                        s -> s == 200 || s == 201);
        String slowId = subscribe(slow);
        String promptId = subscribe(prompt);
        medianLookupMillis(); // warm-up: the first lookups of a fresh deployment are slower
        double before = medianLookupMillis();

        HttpResponse<String> published = Http.action("it/burst?count=" + BURST, Http.ADMIN, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(Http.json(published).getInt("applied")).isEqualTo(BURST);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> slow.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))).size() >= 4);
        double during = medianLookupMillis();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> burstEvents(prompt) == BURST);
        int slowMeanwhile = burstEvents(slow);
        System.out.printf("SlowReceiverIT: lookup median %.2f ms before, %.2f ms while the slow receiver held its slots"
                + " (ratio %.2f); the slow receiver had %d of %d events when the prompt one had them all%n",
                before, during, during / before, slowMeanwhile, BURST);

        assertThat(slowMeanwhile).as("the slow receiver works through its own queue, a few at a time").isLessThan(BURST / 2);
        assertThat(during / before).as("lookups do not wait for webhook senders").isLessThan(3.0);
        assertThat(Http.jsonArray(Http.get("api/v1/hub/" + promptId + "/deliveries?state=DELIVERED", platform())))
                .as("recorded as delivered as each answer came").hasSizeGreaterThanOrEqualTo(BURST);
        for (String id : List.of(slowId, promptId)) {
            assertThat(Http.raw("DELETE", "api/v1/hub/" + id, platform(), null, null).statusCode()).isEqualTo(204);
        }
    }

    private static String subscribe(WireMockServer receiver) {
        HttpResponse<String> created = Http.post("api/v1/hub", platform(), "{\"callbackUrl\":\""
                + WebhookReceiver.callbackUrl(receiver, "localhost") + "\",\"eventTypes\":[\"order.jeopardy\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).getString("id");
    }

    /** How many of the burst's events (about orders named CMD-BURST-…) reached the receiver. */
    private static int burstEvents(WireMockServer receiver) {
        return (int) receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))).stream()
                .filter(r -> r.getBodyAsString().contains("CMD-BURST-")).count();
    }

    /** Median of 150 lookups of the letter line, spread over several clients to stay within each one's budget. */
    private static double medianLookupMillis() {
        List<String> readers = IntStream.range(0, 5).mapToObj(i -> Tokens.client("slow-receiver-reader-" + i, "api-read").bearer())
                .toList();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = Http.get("api/v1/lines/CMD-00000001", readers.get(i % readers.size()));
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Arrays.stream(sorted).skip(sorted.length / 2).findFirst().orElseThrow();
    }
}
