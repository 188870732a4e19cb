package org.raccord.notification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raccord.support.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery against a real HTTP receiver (WireMock) with a controllable clock: redelivery with the
 * same id and a new signature, 410, Retry-After, dead letters, a crash between sending and
 * recording, and order per line. No sleeps: time moves only when the test moves it.
 */
class CourierTest {

    private static final String SECRET = Signatures.newSecret();
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private WireMockServer receiver;
    private final MutableClock clock = new MutableClock(START);
    private final MemoryStore store = new MemoryStore();
    private Courier courier;
    private HttpWebhookPost post;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        post = new HttpWebhookPost(new ReceiverAddresses(Set.of("localhost"), InetAddress::getAllByName),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 16);
        courier = new Courier(store, post, new RetrySchedule(() -> 0.0), clock, Runnable::run, new SubscriberLanes(4, 40));
    }

    @AfterEach
    void stop() throws Exception {
        post.close();
        receiver.stop();
    }

    @Test
    void aReceiverDownThenUpGetsTheSameEventWithANewTimestampAndSignature() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("down").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("down").whenScenarioStateIs("up").willReturn(aResponse().withStatus(204)));
        store.add("sub-1", 1, "event-1");

        assertThat(courier.deliverDue(10)).isEqualTo(1);
        assertThat(store.row(0).state).isEqualTo(Delivery.PENDING);
        assertThat(courier.deliverDue(10)).as("not due before its retry time").isZero();
        clock.advance(Duration.ofSeconds(6));
        courier.deliverDue(10);

        List<LoggedRequest> sent = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(r -> r.getHeader("webhook-id")).containsOnly("event-1");
        assertThat(sent.get(0).getHeader("webhook-timestamp")).isNotEqualTo(sent.get(1).getHeader("webhook-timestamp"));
        assertThat(sent.get(0).getHeader("webhook-signature")).isNotEqualTo(sent.get(1).getHeader("webhook-signature"));
        assertThat(sent.get(1).getHeader("Content-Type")).isEqualTo(CloudEvents.MEDIA_TYPE);
        assertThat(store.row(0).state).isEqualTo(Delivery.DELIVERED);
        assertThat(store.row(0).attempts).isEqualTo(2);
    }

    @Test
    void everyAttemptIsSignedSoThatTheReceiverCanVerifyIt() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        clock.set(Instant.now());
        store.add("sub-1", 1, "event-9");

        courier.deliverDue(10);

        LoggedRequest sent = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(sent.getHeader("webhook-id")),
                "webhook-timestamp", List.of(sent.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(sent.getHeader("webhook-signature")));
        new Webhook(SECRET).verify(sent.getBodyAsString(), headers);
    }

    @Test
    void anAttemptThatCannotEvenBeSignedFailsAloneAndTheRoundIsRecorded() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        store.add("sub-1", 1, "event-1");
        store.add("sub-2", 2, "event-2");
        store.row(0).secret = "whsec_";

        assertThat(courier.deliverDue(10)).isEqualTo(2);

        assertThat(store.row(1).state).isEqualTo(Delivery.DELIVERED);
        assertThat(store.row(0).state).isEqualTo(Delivery.PENDING);
        assertThat(store.row(0).next).as("retried by the schedule, not left to its lease").isEqualTo(START.plusSeconds(5));
    }

    @Test
    void goneDisablesTheSubscription() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(410)));
        store.add("sub-1", 1, "event-1");

        courier.deliverDue(10);

        assertThat(store.gone).containsExactly("sub-1");
        assertThat(store.row(0).state).isEqualTo(Delivery.DEAD);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheReceiverAsks() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        store.add("sub-1", 1, "event-1");

        courier.deliverDue(10);

        assertThat(store.row(0).next).isEqualTo(START.plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        assertThat(courier.deliverDue(10)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(courier.deliverDue(10)).isEqualTo(1);
    }

    @Test
    void afterTheLastRetryTheDeliveryIsADeadLetter() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
        store.add("sub-1", 1, "event-1");

        for (int attempt = 0; attempt <= RetrySchedule.DELAYS.size(); attempt++) {
            courier.deliverDue(10);
            clock.advance(Duration.ofHours(25));
        }

        assertThat(store.row(0).state).isEqualTo(Delivery.DEAD);
        assertThat(store.row(0).attempts).isEqualTo(RetrySchedule.DELAYS.size() + 1);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(RetrySchedule.DELAYS.size() + 1);
    }

    @Test
    void aCrashBetweenSendingAndRecordingRedeliversOnceWithTheSameId() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        store.add("sub-1", 1, "event-1");
        store.crashOnNextRecord.set(1);

        try {
            courier.deliverDue(10);
        } catch (RuntimeException crash) {
            // the process "dies" after the receiver got the webhook and before it was recorded
        }
        assertThat(courier.deliverDue(10)).as("claimed: not due again before its lease ends").isZero();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        courier.deliverDue(10);
        clock.advance(Duration.ofHours(1));
        courier.deliverDue(10);

        List<LoggedRequest> sent = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(sent).hasSize(2).extracting(r -> r.getHeader("webhook-id")).containsOnly("event-1");
        assertThat(store.row(0).state).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void eventsOfOneLineArriveInOrderEvenWhenTheFirstMustWait() {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("order").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("order").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        store.add("sub-1", 7, "first");
        store.add("sub-1", 7, "second");

        courier.deliverDue(10);
        clock.advance(Duration.ofSeconds(6));
        courier.deliverDue(10);
        courier.deliverDue(10);

        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).extracting(r -> r.getHeader("webhook-id"))
                .containsExactly("first", "first", "second");
    }

    @Test
    void aReceiverThatHangsHoldsOnlyItsOwnSlotsAndTheOtherSubscribersAreDeliveredMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hanging = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        WebhookPost posts = (callback, headers, body) -> {
            if (callback.getPath().equals("/slow")) {
                mostAtOnce.accumulateAndGet(hanging.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
            }
            return new WebhookPost.Answer(204, Optional.empty());
        };
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            Courier shared = new Courier(store, posts, new RetrySchedule(() -> 0.0), clock, senders, new SubscriberLanes(3, 6));
            List<MemoryStore.Row> slow = new ArrayList<>();
            for (int line = 0; line < 10; line++) {
                MemoryStore.Row row = store.add("slow", line, "slow-" + line);
                row.path = "/slow";
                slow.add(row);
            }
            List<MemoryStore.Row> fast = new ArrayList<>();
            for (int line = 100; line < 103; line++) {
                fast.add(store.add("fast", line, "fast-" + line));
            }

            assertThat(shared.deliverDue(200)).as("six claimed for the hanging receiver (three running), three for the other")
                    .isEqualTo(9);
            await().untilAsserted(() -> {
                shared.recordFinished();
                assertThat(fast).allMatch(r -> r.state.equals(Delivery.DELIVERED));
            });
            assertThat(shared.deliverDue(200)).as("the hanging receiver's lane is full: nothing more is claimed for it").isZero();
            MemoryStore.Row late = store.add("fast", 200, "fast-late");
            clock.advance(Courier.CLAIM_EVERY);
            assertThat(shared.deliverDue(200)).as("claims go on for the others, at least once a second").isEqualTo(1);
            await().untilAsserted(() -> {
                shared.recordFinished();
                assertThat(late.state).isEqualTo(Delivery.DELIVERED);
            });
            assertThat(mostAtOnce.get()).isEqualTo(3);
            assertThat(shared.claimed("slow")).isEqualTo(6);

            release.countDown();
            assertThat(shared.awaitFinished(Duration.ofSeconds(10))).as("the loop is woken when an attempt ends").isTrue();
            await().untilAsserted(() -> {
                clock.advance(Courier.CLAIM_EVERY);
                shared.deliverDue(200);
                assertThat(slow).allMatch(r -> r.state.equals(Delivery.DELIVERED));
            });
            assertThat(mostAtOnce.get()).as("never more than its cap at once").isEqualTo(3);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aFullClaimRefillsTheLanesItFedAtOnceNotASecondLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WebhookPost posts = (callback, headers, body) -> {
            if (callback.getPath().equals("/slow")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new WebhookPost.Answer(204, Optional.empty());
        };
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            Courier shared = new Courier(store, posts, new RetrySchedule(() -> 0.0), clock, senders, new SubscriberLanes(2, 40));
            store.add("slow", 0, "slow-0").path = "/slow"; // a lane under way, so the loop is never idle
            List<MemoryStore.Row> busy = new ArrayList<>();
            for (int line = 1; line <= 6; line++) {
                busy.add(store.add("busy", line, "busy-" + line));
            }

            assertThat(shared.deliverDue(4)).as("a full claim: the hanging one and three of the busy subscriber's six")
                    .isEqualTo(4);
            await().untilAsserted(() -> {
                shared.recordFinished();
                assertThat(busy.subList(0, 3)).allMatch(r -> r.state.equals(Delivery.DELIVERED));
            });
            assertThat(shared.deliverDue(4)).as("the claim was full: the busy lane is refilled at once, not a second later")
                    .isEqualTo(3);
            await().untilAsserted(() -> {
                shared.recordFinished();
                assertThat(busy).allMatch(r -> r.state.equals(Delivery.DELIVERED));
            });
            MemoryStore.Row late = store.add("busy", 7, "busy-late");
            assertThat(shared.deliverDue(4)).as("that claim held everything due: the next waits for its second").isZero();
            clock.advance(Courier.CLAIM_EVERY);
            assertThat(shared.deliverDue(4)).isEqualTo(1);
            await().untilAsserted(() -> {
                shared.recordFinished();
                assertThat(late.state).isEqualTo(Delivery.DELIVERED);
            });
        } finally {
            release.countDown();
            senders.shutdownNow();
        }
    }

    @Test
    void aReceiverThatRefusesAtOnceIsOfferedNoMoreThanOneThatTakesTheWholeTimeout() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/refuse")).willReturn(aResponse().withStatus(302).withHeader("Location", "/hook")));
        Courier paced = new Courier(store, post, new RetrySchedule(() -> 0.0), clock, Runnable::run,
                SubscriberLanes.within(Duration.ofMinutes(2), Duration.ofSeconds(5), 2, 1000));
        store.add("prompt", 1, "prompt-1");
        store.add("refusing", 2, "refusing-1").path = "/refuse";

        assertThat(paced.deliverDue(10)).isEqualTo(2);
        clock.advance(Courier.CLAIM_EVERY);
        paced.deliverDue(10);

        // A first post on a cold JVM may take a few hundred milliseconds: still well under the timeout.
        assertThat(store.offered.of("prompt")).as("delivered at once: a prompt receiver's lane").isGreaterThan(24);
        assertThat(store.offered.of("refusing")).as("refused at once: two at a time, 12 rounds of 5 s in half the lease")
                .isEqualTo(24);
    }

    /** The store's contract in memory: the database's version is exercised on Liberty. */
    final class MemoryStore implements Courier.Store {

        final class Row {
            final long id;
            final String subscription;
            final long line;
            final String eventId;
            volatile String state = Delivery.PENDING;
            String path = "/hook";
            int attempts;
            Instant next = START;
            String secret = SECRET;

            Row(long id, String subscription, long line, String eventId) {
                this.id = id;
                this.subscription = subscription;
                this.line = line;
                this.eventId = eventId;
            }
        }

        final List<Row> rows = new ArrayList<>();
        final List<String> gone = new ArrayList<>();
        final AtomicInteger crashOnNextRecord = new AtomicInteger();
        /** The room the last claim was offered. */
        volatile Courier.Room offered;

        synchronized Row add(String subscription, long line, String eventId) {
            Row row = new Row(rows.size(), subscription, line, eventId);
            rows.add(row);
            return row;
        }

        Row row(int index) {
            return rows.get(index);
        }

        @Override
        public synchronized List<Parcel> claimDue(Instant now, Instant leaseUntil, int max, Courier.Room room) {
            offered = room;
            Map<String, Row> oldestPerLine = rows.stream().filter(r -> r.state.equals(Delivery.PENDING))
                    .collect(Collectors.toMap(r -> r.subscription + "/" + r.line, r -> r, (a, b) -> a.id < b.id ? a : b));
            Map<String, Integer> taken = new HashMap<>();
            return oldestPerLine.values().stream().filter(r -> !r.next.isAfter(now)).sorted(Comparator.comparingLong(r -> r.id))
                    .filter(r -> !room.full().contains(r.subscription))
                    .limit(max)
                    .filter(r -> taken.merge(r.subscription, 1, Integer::sum) <= room.of(r.subscription))
                    .map(r -> {
                        r.attempts++;
                        r.next = leaseUntil;
                        return new Parcel(r.id, r.subscription, URI.create(receiver.baseUrl() + r.path), List.of(r.secret),
                                r.eventId, "{\"specversion\":\"1.0\",\"id\":\"" + r.eventId + "\"}", r.attempts);
                    }).toList();
        }

        @Override
        public synchronized void record(List<Courier.AttemptOutcome> outcomes) {
            if (crashOnNextRecord.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("crash before the outcome was recorded");
            }
            for (Courier.AttemptOutcome o : outcomes) {
                Row row = rows.get((int) o.deliveryId());
                switch (o.kind()) {
                    case DELIVERED -> row.state = Delivery.DELIVERED;
                    case RETRY -> row.next = o.at();
                    case DEAD -> row.state = Delivery.DEAD;
                    case GONE -> {
                        row.state = Delivery.DEAD;
                        gone.add(o.subscriptionId());
                    }
                }
            }
        }
    }
}
