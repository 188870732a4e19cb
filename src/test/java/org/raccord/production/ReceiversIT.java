package org.raccord.production;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.raccord.production.ClusterChecks.csrf;

/**
 * The reliability campaign's receivers misbehaving (case 4 of docs/reliability.md): beside a
 * healthy subscriber, seven more on the same two instances, while the owner's events flow. For the
 * first 40 s all eight answer at once (the last 30 s measured); then the seven misbehave, each its
 * own way, and the healthy subscriber's p99 is compared with its own under the same load of eight
 * subscribers, so that only the misbehaviour differs. The instances' retry schedule is compressed 3,600 times
 * ({@link ProductionCluster#RETRY_SCALE}: an hour lasts a second, the three days about 75 s), so
 * that every delivery reaches its end within the test: delivered, or dead-lettered, or cancelled
 * with its subscription (410). Figures: lost, out of a line's order, and the healthy subscriber's
 * delivery p99 before and during. Run by the reliability profile only.
 */
@ExtendWith(ProductionCluster.Resolver.class)
@Order(Order.DEFAULT + 2)
class ReceiversIT {

    private static final Duration BASELINE = Duration.ofSeconds(30);
    /** New lanes claim little until they have learnt their receiver's pace: not counted in the baseline. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    /** The hub's own promise, whatever the others do: p99 from delivery made to delivered (docs/benchmarks.md). */
    private static final double PROMISED_P99_SECONDS = 5;
    /**
     * Fewer deliveries than this to the healthy subscriber, before or during, measure nothing: the
     * world was quiet (late in its stories, the owner publishes little), and the case fails rather
     * than pass on a handful. It runs second in the campaign, while the world is busy.
     */
    private static final int FEWEST = 100;
    private static final Duration WINDOW = Campaign.seconds("receiverWindowSeconds", 90, 30);
    /** Ten hours of the real schedule at its compression. */
    private static final Duration DOWN = Duration.ofSeconds(10);
    private static final Duration SLOW = Duration.ofSeconds(20);
    /** How long after the window every delivery may take to end (delivered or dead-lettered). */
    private static final Duration DRAIN = Duration.ofMinutes(20);
    /**
     * The control run ({@code raccord.reliability.receiversControl}): the seven subscribers beside the
     * healthy one keep answering at once through the window, so that the load alone can be told from
     * the misbehaviour.
     */
    private static final boolean CONTROL = Boolean.getBoolean("raccord.reliability.receiversControl");

    private static ProductionCluster cluster;
    private static final List<String> SUBSCRIBED = new ArrayList<>();
    private static WireMockServer hooks;
    private static WireMockServer untrusted;

    /** One misbehaving subscriber: how, its path on the receiver (none: no request ever arrives), its subscription. */
    private record Receiver(String what, String path, String id) {
    }

    @BeforeAll
    static void receivers(ProductionCluster started) throws Exception {
        cluster = started;
        Campaign.ready(cluster);
        hooks = new WireMockServer(options().dynamicPort().containerThreads(60));
        untrusted = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        hooks.start();
        untrusted.start();
        // Every receiver answers at once until its misbehaviour, which outranks this (priority 1).
        hooks.stubFor(post(urlPathMatching("/.*")).atPriority(PROMPT).willReturn(aResponse().withStatus(204)));
        untrusted.stubFor(post(urlEqualTo("/tls")).willReturn(aResponse().withStatus(204)));
    }

    private static final int PROMPT = 10;

    /** The seven start misbehaving; the stubs of the receivers that recover are returned, {@code /down} first. */
    private static List<StubMapping> misbehave() {
        List<StubMapping> recovering = List.of(
                hooks.stubFor(post(urlEqualTo("/down")).atPriority(1).willReturn(aResponse().withStatus(503))),
                hooks.stubFor(post(urlEqualTo("/slow")).atPriority(1).willReturn(aResponse().withStatus(204).withFixedDelay(30_000))));
        hooks.stubFor(post(urlEqualTo("/gone")).atPriority(1).willReturn(aResponse().withStatus(410)));
        hooks.stubFor(post(urlEqualTo("/redirect")).atPriority(1).willReturn(aResponse().withStatus(302).withHeader("Location", "/healthy")));
        cycle("/busy", aResponse().withStatus(429).withHeader("Retry-After", "1"), 2);
        cycle("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 3);
        return recovering;
    }

    /** A receiver that misbehaved answers at once again (its own stub, still above the catch-all, now answers 204). */
    private static void recover(StubMapping stub, String path) {
        hooks.editStub(post(urlEqualTo(path)).withId(stub.getId()).atPriority(1).willReturn(aResponse().withStatus(204)));
    }

    /** Every {@code n}th request to {@code path} answered by {@code bad}, the others 204. */
    private static void cycle(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder bad, int n) {
        for (int i = 1; i <= n; i++) {
            String state = i == 1 ? Scenario.STARTED : "request " + i;
            String nextState = i == n ? Scenario.STARTED : "request " + (i + 1);
            hooks.stubFor(post(urlEqualTo(path)).atPriority(1).inScenario(path).whenScenarioStateIs(state).willSetStateTo(nextState)
                    .willReturn(i == n ? bad : aResponse().withStatus(204)));
        }
    }

    @AfterAll
    static void stop() {
        // Nothing may keep delivering to receivers that are gone: the classes after this one measure.
        for (String id : SUBSCRIBED) {
            cluster.a.delete("api/v1/hub/" + id, cluster.identity.bearer("smsplatform", "api-subscribe"));
        }
        if (hooks != null) {
            hooks.stop();
            untrusted.stop();
        }
    }

    @Test
    void everyDeliveryEndsDeliveredOrDeadLetteredInItsLinesOrderAndTheHealthySubscriberIsNotSlowedDown() throws Exception {
        // The catch-up's events go to whoever is subscribed when they are dispatched: subscribed
        // before that, the eight would start with a backlog of thousands each, and the baseline
        // would measure its drain, not the owner's live pace.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> ClusterChecks.single(cluster,
                "select count(*) from outbox_event where published_at is null") == 0 && ClusterChecks.single(cluster,
                "select count(*) from webhook_delivery where state = 'PENDING' and created_at < now() - interval '10 seconds'") == 0);
        String healthy = subscribe(url("/healthy"));
        List<Receiver> misbehaving = Stream.of(
                new Receiver("down for 10 compressed hours (503), then back", "/down", null),
                new Receiver("410 Gone", "/gone", null),
                new Receiver("429 with Retry-After: 1 on every other request", "/busy", null),
                new Receiver("30 s answers for 20 s, then prompt", "/slow", null),
                new Receiver("302 redirect (not followed)", "/redirect", null),
                new Receiver("connection reset on every third request", "/reset", null))
                .map(r -> new Receiver(r.what(), r.path(), subscribe(url(r.path())))).collect(Collectors.toCollection(ArrayList::new));
        // A certificate nobody trusts cannot answer at once: before the window a prompt stand-in
        // takes its place, so that eight subscribers share the work throughout.
        Receiver standIn = new Receiver("stand-in for the TLS errors until the window (answers at once)", "/tls-stand-in",
                subscribe(url("/tls-stand-in")));
        misbehaving.add(standIn);
        Campaign.lasting(WARM_UP);
        Instant baselineFrom = Instant.now();
        Campaign.lasting(BASELINE);
        Instant windowFrom = Instant.now();
        if (!CONTROL) {
            List<StubMapping> recovering = misbehave();
            String what = "TLS errors (a certificate nobody trusts)";
            misbehaving.add(new Receiver(what, null, subscribe("https://127.0.0.1:" + untrusted.httpsPort() + "/tls")));
            assertThat(cluster.a.delete("api/v1/hub/" + standIn.id(), cluster.identity.bearer("smsplatform", "api-subscribe"))
                    .statusCode()).isEqualTo(204);
            Campaign.lasting(DOWN);
            recover(recovering.get(0), "/down");
            Campaign.lasting(SLOW.minus(DOWN));
            recover(recovering.get(1), "/slow");
            Campaign.lasting(WINDOW.minus(SLOW));
        } else {
            Campaign.lasting(WINDOW);
        }

        // No new events: every delivery made so far must reach its end. A busy stretch of the world
        // makes over a thousand deliveries per subscriber in the window; a receiver that always fails
        // then costs ten attempts each, as fast as its lane sends them: the compressed three days are
        // not the bound, the attempts are.
        assertThat(cluster.a.post("api/admin/polling/pause", cluster.a.operator(), csrf(cluster.a), null).statusCode()).isEqualTo(204);
        long pausedAt = System.nanoTime();
        List<String> all = new ArrayList<>(misbehaving.stream().map(Receiver::id).toList());
        all.add(healthy);
        boolean ended = true;
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofSeconds(2)).until(() -> ClusterChecks.single(cluster,
                    "select count(*) from outbox_event where published_at is null") == 0 && unfinished(all) == 0);
        } catch (ConditionTimeoutException late) {
            ended = false;
        } finally {
            cluster.a.post("api/admin/polling/resume", cluster.a.operator(), csrf(cluster.a), null);
        }
        double drained = (System.nanoTime() - pausedAt) / 1e9;
        long unfinished = unfinished(all);

        List<Double> beforeSeconds = latencies(healthy, baselineFrom, windowFrom);
        List<Double> duringSeconds = latencies(healthy, windowFrom, Instant.now());
        double before = p99(beforeSeconds);
        double during = p99(duringSeconds);
        boolean measured = beforeSeconds.size() >= FEWEST && duringSeconds.size() >= FEWEST;
        WebhookLedger healthyLedger = WebhookLedger.of(cluster, healthy, hooks.findAll(postRequestedFor(urlEqualTo("/healthy"))));
        List<String> figures = new ArrayList<>();
        int lost = healthyLedger.lost();
        int outOfOrder = healthyLedger.outOfOrder();
        for (Receiver r : misbehaving) {
            WebhookLedger ledger = WebhookLedger.of(cluster, r.id(),
                    r.path() == null ? List.of() : hooks.findAll(postRequestedFor(urlEqualTo(r.path()))));
            figures.add(r.what() + ": " + ledger.delivered() + " delivered, " + ledger.dead() + " dead-lettered or cancelled, "
                    + ledger.lost() + " lost, " + ledger.outOfOrder() + " out of order");
            lost += ledger.lost();
            outOfOrder += ledger.outOfOrder();
        }
        boolean met = ended && lost == 0 && outOfOrder == 0 && healthyLedger.delivered() == healthyLedger.deliveries()
                && measured && during <= before * 2 + 1 && during <= PROMISED_P99_SECONDS;
        CampaignTable.record(new CampaignTable.Row(CONTROL ? "receivers: control" : "receivers misbehaving",
                "a healthy subscriber beside seven that answer at once for " + BASELINE.toSeconds() + " s (after "
                        + WARM_UP.toSeconds() + " s to learn their pace), then"
                        + (CONTROL ? " still answering at once" : " misbehaving") + " for "
                        + WINDOW.toSeconds() + " s of the owner's events, two instances; retry schedule compressed 3,600 times "
                        + "(raccord.hub.retryScale: an hour lasts a second, the three days about 75 s); then polling paused until "
                        + "every delivery ended",
                "per subscriber: delivered, dead-lettered, lost, out of order; the healthy subscriber's p99 from delivery made to delivered",
                String.join("; ", figures) + "; healthy: " + healthyLedger.delivered() + " delivered, p99 "
                        + String.format("%.2f s before (%d deliveries), %.2f s during (%d); every delivery ended %.0f s after the"
                        + " window", before, beforeSeconds.size(), during, duringSeconds.size(), drained)
                        + (ended ? "" : " (" + unfinished + " unfinished then)"),
                "0 lost, order kept, healthy p99 during ≤ 2 × before + 1 s and ≤ 5 s (the hub's p99 target), each over ≥ "
                        + FEWEST + " deliveries, all ended within " + DRAIN.toMinutes() + " min", met));
        assertThat(unfinished).as("deliveries neither delivered nor dead-lettered " + DRAIN.toMinutes() + " min after the window").isZero();
        assertThat(lost).as(String.join("\n", figures)).isZero();
        assertThat(outOfOrder).as(String.join("\n", figures)).isZero();
        assertThat(healthyLedger.delivered()).as(healthyLedger.toString()).isEqualTo(healthyLedger.deliveries()).isPositive();
        assertThat(beforeSeconds.size()).as("the healthy subscriber's deliveries before (a quiet world measures nothing)")
                .isGreaterThanOrEqualTo(FEWEST);
        assertThat(duringSeconds.size()).as("the healthy subscriber's deliveries during").isGreaterThanOrEqualTo(FEWEST);
        assertThat(during).as("the healthy subscriber's p99 during, before: " + before).isLessThanOrEqualTo(before * 2 + 1)
                .isLessThanOrEqualTo(PROMISED_P99_SECONDS);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + hooks.port() + path;
    }

    private static String subscribe(String callbackUrl) {
        HttpResponse<String> subscribed = cluster.a.post("api/v1/hub", cluster.identity.bearer("smsplatform", "api-subscribe"), null,
                "{\"callbackUrl\":\"" + callbackUrl + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String location = subscribed.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        SUBSCRIBED.add(id);
        return id;
    }

    private static long unfinished(List<String> subscriptionIds) throws Exception {
        return ClusterChecks.single(cluster, "select count(*) from webhook_delivery where state not in ('DELIVERED', 'DEAD', 'CANCELLED')"
                + " and subscription_id in ('" + String.join("','", subscriptionIds) + "')");
    }

    /** Seconds from a delivery's making to its delivery, of those made within [from, to), sorted. */
    private static List<Double> latencies(String subscriptionId, Instant from, Instant to) throws Exception {
        List<Double> seconds = new ArrayList<>();
        try (Connection db = cluster.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select extract(epoch from delivered_at - created_at) from webhook_delivery where state = 'DELIVERED'"
                     + " and subscription_id = '" + subscriptionId + "' and created_at >= to_timestamp(" + from.toEpochMilli() / 1000.0
                     + ") and created_at < to_timestamp(" + to.toEpochMilli() / 1000.0 + ")")) {
            while (r.next()) {
                seconds.add(r.getDouble(1));
            }
        }
        Collections.sort(seconds);
        return seconds;
    }

    /** The 99th percentile of sorted seconds; 0 for none. */
    private static double p99(List<Double> sorted) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1));
    }
}
