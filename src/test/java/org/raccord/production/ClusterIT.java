package org.raccord.production;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.ConsoleBrowser;
import org.raccord.support.TruthCheck;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.raccord.production.ClusterChecks.cursor;
import static org.raccord.production.ClusterChecks.json;
import static org.raccord.production.ClusterChecks.lag;
import static org.raccord.production.ClusterChecks.leading;
import static org.raccord.production.ClusterChecks.members;
import static org.raccord.production.ClusterChecks.single;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the production package on loopback (README "Several instances"), one
 * PostgreSQL, the owner in its own server, a webhook receiver: the leader is killed ({@code kill -9})
 * in the middle of a catch-up and of a webhook backlog; the other takes the feeds over, every owner
 * event is applied once and every line served agrees with the owner (the truth checker), every
 * webhook arrives in its line's order; a change made through one instance is served by the other;
 * an operator's decisions and CSRF token hold on both, and each console shows both instances'
 * health. The cluster is {@link ProductionCluster}, shared with {@link ProductionPackageIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ProductionCluster.Resolver.class)
class ClusterIT {

    private static final int LINES = ProductionCluster.LINES;
    private static final int QUOTA = ProductionCluster.QUOTA;

    private static ProductionCluster cluster;
    private static LibertyServer owner;
    private static IdentityProvider identity;
    private static WireMockServer receiver;
    private static Instance a;
    private static Instance b;
    /** The leader that test 1 kills. */
    private static Instance killed;

    @BeforeAll
    static void subscribeAndResumePolling(ProductionCluster started) {
        cluster = started;
        owner = started.owner;
        identity = started.identity;
        receiver = started.receiver;
        a = started.a;
        b = started.b;
        // Subscribed before the backlog is dispatched: the catch-up is also a webhook backlog.
        HttpResponse<String> subscribed = a.post("api/v1/hub", identity.bearer("smsplatform", "api-subscribe"), null,
                "{\"callbackUrl\":\"" + WebhookReceiver.callbackUrl(receiver, "127.0.0.1") + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String token = json(a.get("api/admin/session", a.operator()).body()).getString("csrfToken");
        HttpResponse<String> resumed = b.post("api/admin/polling/resume", b.operator(), token, null);
        assertThat(resumed.statusCode()).as("resumed through the other instance, with the first one's token").isEqualTo(204);
    }

    @Test
    @Order(1)
    void killingTheLeaderInTheMiddleOfACatchUpHandsTheFeedsToTheOtherWithEveryEventAppliedOnce() throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(() -> (leading(a) || leading(b)) && members(a) == 2);
        killed = leading(a) ? a : b;
        Instance survivor = killed == a ? b : a;
        assertThat(leading(survivor)).as("one leader").isFalse();
        await().atMost(Duration.ofMinutes(2)).until(() -> cursor(killed, "ORDER") > 0
                && !receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))).isEmpty());
        assertThat(lag(killed)).as("the catch-up is still under way when the leader dies: raise raccord.it.cluster.lines").isPositive();

        long killedAt = System.nanoTime();
        killed.server().kill();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> leading(survivor));
        double failoverSeconds = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("cluster: failover after kill -9 of the leader in %.1f s%n", failoverSeconds);
        assertThat(failoverSeconds).as("failover after kill -9").isLessThanOrEqualTo(10);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> lag(survivor) == 0 && cursor(survivor, "ORDER") > 0);
        try (Connection db = cluster.database(); Statement s = db.createStatement()) {
            for (String feed : List.of("ORDER", "CUTOVER")) {
                long applied = single(s, "select count(*) from line_event where feed = '" + feed + "'");
                long distinct = single(s, "select count(distinct upstream_sequence) from line_event where feed = '" + feed + "'");
                assertThat(distinct).as(feed + ": no event applied twice").isEqualTo(applied);
            }
            // Every order event belongs to an order, so each one up to the cursor is on a line's
            // timeline or set aside. (Consults of single lines may have added newer ones already.)
            long cursor = single(s, "select last_sequence from feed_cursor where feed = 'ORDER'");
            long upToCursor = single(s, "select count(*) from line_event where feed = 'ORDER' and upstream_sequence <= " + cursor);
            long quarantined = single(s, "select count(*) from quarantined_event where feed = 'ORDER' and upstream_sequence <= " + cursor);
            assertThat(upToCursor + quarantined).as("ORDER: every event up to the cursor, once").isEqualTo(cursor);
        }
        theOwnersTruthIsServedBy(survivor, survivor);
    }

    @Test
    @Order(2)
    void everyWebhookOfTheBacklogArrivesInItsLinesOrderDuplicatesOnlyWithTheirOwnId() throws Exception {
        // The killed instance comes back meanwhile, and joins as a follower.
        Thread restarting = new Thread(() -> killed.server().start());
        restarting.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            try (Connection db = cluster.database(); Statement s = db.createStatement()) {
                return single(s, "select count(*) from outbox_event where published_at is null") == 0
                        && single(s, "select count(*) from webhook_delivery where state = 'PENDING'") == 0;
            }
        });
        WebhookLedger ledger = WebhookLedger.of(cluster, null, receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))));
        System.out.println("cluster: " + ledger);
        assertThat(ledger.deliveries()).as("the backlog").isGreaterThan(100);
        assertThat(ledger.delivered()).as("every delivery delivered: " + ledger).isEqualTo(ledger.deliveries());
        assertThat(ledger.lost()).as("deliveries that did not arrive").isZero();
        assertThat(ledger.foreign()).as("webhooks Raccord did not record").isZero();
        assertThat(ledger.outOfOrder()).as("events of one line that arrived before an earlier one").isZero();
        restarting.join();
        ProductionCluster.awaitLive(killed);
        await().atMost(Duration.ofMinutes(1)).until(() -> members(killed) == 2 && !leading(killed));
        theOwnersTruthIsServedBy(leading(a) ? a : b, killed);
    }

    /** Every line these instances serve agrees with the owner: the truth checker ({@link ClusterChecks#truth}). */
    private static void theOwnersTruthIsServedBy(Instance leader, Instance... servers) throws Exception {
        for (Instance server : servers) {
            TruthCheck.Result result = ClusterChecks.truth(cluster, leader, server);
            assertThat(result.clean()).as("the truth check on " + server.name() + ": " + result).isTrue();
            assertThat(result.lines()).as("lines the owner published about").isGreaterThan(LINES / 2);
        }
    }

    @Test
    @Order(3)
    void aChangeMadeThroughOneInstanceIsServedByTheOther() {
        String reader = identity.bearer("portal", "api-read");
        String order = "CMD-00000001";
        long before = servedVersion(b, order, reader);
        HttpResponse<String> registered = a.post("api/v1/lines", identity.bearer("backoffice", "api-register"), null,
                "{\"orderReference\":\"" + order + "\",\"phoneNumber\":\"+33612345678\"}");
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        long changed = servedVersion(a, order, reader);
        assertThat(changed).isGreaterThan(before);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> servedVersion(b, order, reader) >= changed);
        for (int i = 0; i < 20; i++) {
            assertThat(servedVersion(b, order, reader)).as("never an older answer afterwards").isGreaterThanOrEqualTo(changed);
        }
    }

    @Test
    @Order(4)
    void anOperatorsPauseBreakerHoldAndCsrfTokenHoldOnBothInstances() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> health(a).equals(Map.of("a", "UP", "b", "UP")) && health(b).equals(health(a)));
        String token = json(a.get("api/admin/session", a.operator()).body()).getString("csrfToken");
        HttpResponse<String> paused = b.post("api/admin/polling/pause", b.operator(), token, null);
        assertThat(paused.statusCode()).as("a token from the other instance: " + paused.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.admin("polling").getBoolean("paused")
                && b.admin("polling").getBoolean("paused"));
        assertThat(a.post("api/admin/polling/resume", a.operator(), token, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.admin("polling").getBoolean("paused")
                && !b.admin("polling").getBoolean("paused"));

        assertThat(b.post("api/admin/breakers/cutover.consult/open", b.operator(), token, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker(a, "cutover.consult").equals("FORCED_OPEN")
                && breaker(b, "cutover.consult").equals("FORCED_OPEN"));
        assertThat(a.post("api/admin/breakers/cutover.consult/closed", a.operator(), token, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker(a, "cutover.consult").equals("CLOSED")
                && breaker(b, "cutover.consult").equals("CLOSED"));
        assertThat(b.post("api/admin/polling/pause", b.operator(), "not-the-token", null).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void theOwnersQuotaHoldsForTheWholeClusterWhileBothInstancesPollReconcileAndRegister() throws Exception {
        String backOffice = identity.bearer("backoffice", "api-register");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> registrars = new ArrayList<>();
        for (Instance i : List.of(a, b)) {
            int offset = i == a ? 100 : 200;
            Thread registrar = new Thread(() -> {
                for (int n = 0; n < 15; n++) {
                    String order = String.format("CMD-%08d", offset + n);
                    statuses.add(i.post("api/v1/lines", backOffice, null, "{\"orderReference\":\"" + order
                            + "\",\"phoneNumber\":\"+3361234" + String.format("%04d", offset + n) + "\"}").statusCode());
                }
            });
            registrar.start();
            registrars.add(registrar);
        }
        for (Thread t : registrars) {
            t.join(Duration.ofMinutes(2).toMillis());
        }
        assertThat(statuses).hasSize(30).allMatch(status -> status == 200 || status == 201 || status == 503);
        String ownerLog = owner.messages();
        int busiest = ownerLog.lines().filter(l -> l.contains("busiest second so far"))
                .mapToInt(l -> Integer.parseInt(l.replaceAll(".*so far (\\d+) request.*", "$1"))).max().orElse(0);
        System.out.printf("cluster: the owner's busiest second %d request(s), quota %d%n", busiest, QUOTA);
        assertThat(busiest).as("the owner's busiest second").isPositive().isLessThanOrEqualTo(QUOTA);
        assertThat(ownerLog).as("requests the owner throttled").doesNotContain("throttled so far");
    }

    @Test
    @Order(7)
    void anInstanceThatDoesNotReadTheFeedsStillSaysItsAnswersAreDegradedWhileTheOwnerIsDown() {
        String reader = identity.bearer("portal", "api-read");
        Instance follower = leading(a) ? b : a;
        assertThat(tag(follower, "CMD-00000002", reader)).contains("-fresh-");
        owner.stop();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> tag(follower, "CMD-00000002", reader).contains("-degraded-"));
        } finally {
            owner.start();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> tag(follower, "CMD-00000002", reader).contains("-fresh-"));
    }

    @Test
    @Order(6)
    void aProposalApprovedOnOneInstanceIsSentByTheLeaderAndTheOwnersFeedConfirmsTheMovedCut() throws Exception {
        // Production proposes: a live line whose cut comes days before its delivery waits for operations.
        JsonObject proposal = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> a.admin("prevention").getJsonArray("awaitingApproval").getValuesAs(JsonObject.class).stream()
                        .findFirst().orElse(null), p -> p != null);
        assertThat(proposal.getString("ndi")).as("masked on a screen").contains("*");
        String token = json(a.get("api/admin/session", a.operator()).body()).getString("csrfToken");
        assertThat(b.post("api/admin/prevention/" + proposal.getString("orderReference") + "/approve", b.operator(), null, null)
                .statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(a.post("api/admin/prevention/CMD-99999999/approve", a.operator(), token, null).statusCode()).isEqualTo(404);

        // Approved in the browser, on the instance that does not lead.
        Instance follower = leading(a) ? b : a;
        String order;
        try (ConsoleBrowser browser = new ConsoleBrowser("ops:" + cluster.production.operatorPassword, follower.base())) {
            browser.open("admin/");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.present("#prevention-awaiting tr[data-order]"));
            assertThat(browser.find("#prevention-mode-select").getAttribute("value")).as("production's default").isEqualTo("propose");
            order = browser.find("#prevention-awaiting tr[data-order]").getAttribute("data-order");
            browser.show("#prevention-card");
            browser.screenshot("cluster-prevention-proposal");
            browser.click("#prevention-awaiting tr[data-order='" + order + "'] button.approve");
            // The audit already holds the attempts above, refused (403, 404) under the same action name:
            // wait for this click's entry, approved.
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#audit tbody").lines()
                    .anyMatch(row -> row.contains(order) && row.contains("approve cut postponement") && row.endsWith("204")));
            assertThat(browser.text("#audit tbody").lines().filter(row -> row.contains(order) && row.endsWith("204")))
                    .singleElement().satisfies(row -> assertThat(row).contains("ops", "approve cut postponement"));
        }
        assertThat(a.post("api/admin/prevention/" + order + "/approve", a.operator(), token, null).statusCode())
                .as("approved already, through the other instance").isEqualTo(409);

        // The owner refuses a day whose intervention plan is full (a fixed share of days, so it
        // depends on the calendar): Raccord then proposes the day before, which waits for operations
        // again. Each new proposal is approved as it comes.
        String reader = identity.bearer("portal", "api-read");
        JsonObject prevented = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> approvingAgain(order, token, json(b.get("api/v1/lines/" + order, reader).body())),
                        l -> l.containsKey("breachPrevention") && "accepted".equals(l.getJsonObject("breachPrevention").getString("state")));
        JsonObject p = prevented.getJsonObject("breachPrevention");
        assertThat(p.getString("ownerReference")).startsWith("RPB-");
        assertThat(Instant.parse(prevented.getJsonObject("previousProvider").getString("plannedCutAt")))
                .as("the owner's feed moved the cut to the one asked for").isEqualTo(Instant.parse(p.getString("requestedCut")));
        assertThat(prevented.getJsonObject("serviceGap").getBoolean("breach")).isFalse();
        List<JsonObject> history = p.getJsonArray("history").getValuesAs(JsonObject.class);
        assertThat(history).extracting(h -> h.getString("state")).startsWith("proposed", "requested")
                .endsWith("proposed", "requested", "acknowledged", "accepted");
        assertThat(history).filteredOn(h -> "refused".equals(h.getString("state")))
                .allSatisfy(h -> assertThat(h.getString("reasonCode")).as("refused only for a full day").isEqualTo("PLAN_DE_CHARGE_SATURE"));
        assertThat(p.getJsonArray("history").getJsonObject(1).containsKey("operator")).as("no staff name in a client's answer").isFalse();
        assertThat(a.admin("prevention").getJsonArray("outcomes").getValuesAs(JsonObject.class))
                .anySatisfy(o -> assertThat(o.getString("orderReference")).isEqualTo(order));
    }

    /** The line as served; a new proposal for it (after the owner refused a full day) is approved on instance a. */
    private static JsonObject approvingAgain(String order, String token, JsonObject line) {
        if (line.containsKey("breachPrevention") && "proposed".equals(line.getJsonObject("breachPrevention").getString("state"))) {
            a.post("api/admin/prevention/" + order + "/approve", a.operator(), token, null);
        }
        return line;
    }

    private static String tag(Instance i, String order, String reader) {
        return i.get("api/v1/lines/" + order, reader).headers().firstValue("ETag").orElse("");
    }



    /** Each instance's health as this instance's console lists the cluster. */
    private static Map<String, String> health(Instance i) {
        Map<String, String> health = new HashMap<>();
        i.admin("console").getJsonObject("cluster").getJsonArray("members").getValuesAs(JsonObject.class)
                .forEach(m -> health.put(m.getString("instance"), m.getString("health", "")));
        return health;
    }



    private static String breaker(Instance i, String operation) {
        return i.admin("polling").getJsonArray("operations").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("operation").equals(operation)).findFirst().orElseThrow()
                .getString("breakerState");
    }

    /** The version in the ETag of the line's answer, as this instance serves it. */
    private static long servedVersion(Instance i, String order, String reader) {
        HttpResponse<String> answer = i.get("api/v1/lines/" + order, reader);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String tag = answer.headers().firstValue("ETag").orElseThrow();
        return Long.parseLong(tag.replaceAll("^W/\"", "").split("-")[0]);
    }
}
