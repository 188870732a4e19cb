package org.raccord.production;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.raccord.support.WebhookReceiver;
import org.raccord.tracking.SchemaMigrations;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the production package on loopback (README "Several instances"), one
 * PostgreSQL, the owner in its own server, a webhook receiver: the leader is killed ({@code kill -9})
 * in the middle of a catch-up and of a webhook backlog; the other takes the feeds over, every owner
 * event is applied once, every webhook arrives in its line's order; a change made through one
 * instance is served by the other; an operator's decisions and CSRF token hold on both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path HOME = Path.of("target/cluster-it");
    private static final String DATABASE = "raccord_cluster";
    /** Enough lines that the catch-up outlasts the time it takes to see it under way and kill the leader. */
    private static final int LINES = Integer.getInteger("raccord.it.cluster.lines", 6_000);

    /** The owner's quota, given to the simulated owner and to both instances: they share it. */
    private static final int QUOTA = 24;

    private static ProductionHome production;
    private static String databasePassword;
    private static LibertyServer owner;
    private static IdentityProvider identity;
    private static WireMockServer receiver;
    private static Instance a;
    private static Instance b;
    /** The leader that test 1 kills. */
    private static Instance killed;

    @BeforeAll
    static void startTheOwnerAndTwoInstances() throws Exception {
        production = ProductionHome.unpacked(HOME);
        Path servers = production.wlp().resolve("usr/servers");
        copyTree(servers.resolve("raccord-production"), servers.resolve("raccord-b"));
        databasePassword = ProductionHome.createDatabase(DATABASE);
        // Both instances start with polling paused (a cluster setting, set here in the schema they
        // will find), so that the catch-up begins once both run: an operator resumes it below.
        SchemaMigrations.flyway(ProductionHome.dataSource(DATABASE, databasePassword), ClusterIT.class.getClassLoader()).migrate();
        try (Connection db = ProductionHome.database(DATABASE, databasePassword)) {
            try (Statement s = db.createStatement()) {
                s.execute("insert into cluster_setting (name, setting_value, updated_at) values ('polling.paused', 'true', current_timestamp)");
            }
        }

        int ownerPort = ProductionHome.freePort();
        String ownerPassword = UUID.randomUUID().toString();
        // A new world: the owner's state from an earlier suite would shorten the catch-up.
        ProductionHome.deleteTree(ProductionHome.TEST_LIBERTY.resolve("usr/servers/raccord-owner/simulator"));
        owner = new LibertyServer(ProductionHome.TEST_LIBERTY, "raccord-owner", Map.of("RACCORD_OWNER_PORT", String.valueOf(ownerPort),
                "RACCORD_OWNER_GATEWAY_PASSWORD", ownerPassword, "RACCORD_SIMULATOR_LINES", String.valueOf(LINES),
                "RACCORD_SIMULATOR_QUOTAPERSECOND", String.valueOf(QUOTA))).start();
        identity = new IdentityProvider();
        receiver = WebhookReceiver.started();

        a = instance("raccord-production", "a", ownerPort, ownerPassword);
        b = instance("raccord-b", "b", ownerPort, ownerPassword);
        // Both at once, as a deployment does; either may take the lead.
        Thread startingB = new Thread(() -> b.server().start());
        startingB.start();
        a.server().start();
        startingB.join();
        awaitLive(a);
        awaitLive(b);
        // Subscribed before the backlog is dispatched: the catch-up is also a webhook backlog.
        HttpResponse<String> subscribed = a.post("api/v1/hub", identity.bearer("smsplatform", "api-subscribe"), null,
                "{\"callbackUrl\":\"" + WebhookReceiver.callbackUrl(receiver, "127.0.0.1") + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String token = json(a.get("api/admin/session", a.operator()).body()).getString("csrfToken");
        HttpResponse<String> resumed = b.post("api/admin/polling/resume", b.operator(), token, null);
        assertThat(resumed.statusCode()).as("resumed through the other instance, with the first one's token").isEqualTo(204);
    }

    @AfterAll
    static void stopAll() {
        for (Instance i : new Instance[] {a, b}) {
            if (i != null) {
                i.server().stop();
            }
        }
        if (owner != null) {
            owner.stop();
        }
        if (identity != null) {
            identity.stop();
        }
        if (receiver != null) {
            receiver.stop();
        }
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
        try (Connection db = ProductionHome.database(DATABASE, databasePassword); Statement s = db.createStatement()) {
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
    }

    @Test
    @Order(2)
    void everyWebhookOfTheBacklogArrivesInItsLinesOrderDuplicatesOnlyWithTheirOwnId() throws Exception {
        // The killed instance comes back meanwhile, and joins as a follower.
        Thread restarting = new Thread(() -> killed.server().start());
        restarting.start();
        Map<String, Long> numberOf = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            try (Connection db = ProductionHome.database(DATABASE, databasePassword); Statement s = db.createStatement()) {
                return single(s, "select count(*) from outbox_event where published_at is null") == 0
                        && single(s, "select count(*) from webhook_delivery where state = 'PENDING'") == 0;
            }
        });
        try (Connection db = ProductionHome.database(DATABASE, databasePassword); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select event_id, line_id, line_event_number, state from webhook_delivery")) {
            while (r.next()) {
                assertThat(r.getString(4)).as("delivery of " + r.getString(1)).isEqualTo("DELIVERED");
                numberOf.put(r.getString(1), r.getLong(3));
                lineOf.put(r.getString(1), r.getLong(2));
            }
        }
        List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH)));
        Map<String, Integer> received = new LinkedHashMap<>();
        Map<Long, Long> lastNumberOfLine = new HashMap<>();
        int outOfOrder = 0;
        for (LoggedRequest post : posts) {
            String id = post.getHeader("webhook-id");
            if (received.merge(id, 1, Integer::sum) > 1) {
                continue;
            }
            Long line = lineOf.get(id);
            assertThat(line).as("a webhook Raccord recorded: " + id).isNotNull();
            Long before = lastNumberOfLine.put(line, numberOf.get(id));
            if (before != null && before > numberOf.get(id)) {
                outOfOrder++;
            }
        }
        long duplicates = received.values().stream().filter(n -> n > 1).count();
        System.out.printf("cluster: %d deliveries, %d webhooks received, %d sent again with their own id%n",
                numberOf.size(), posts.size(), duplicates);
        assertThat(numberOf).as("the backlog").hasSizeGreaterThan(100);
        assertThat(received.keySet()).as("every delivery arrived").containsAll(numberOf.keySet());
        assertThat(outOfOrder).as("events of one line that arrived before an earlier one").isZero();
        restarting.join();
        awaitLive(killed);
        await().atMost(Duration.ofMinutes(1)).until(() -> members(killed) == 2 && !leading(killed));
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
    @Order(6)
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

    private static String tag(Instance i, String order, String reader) {
        return i.get("api/v1/lines/" + order, reader).headers().firstValue("ETag").orElse("");
    }

    private static Instance instance(String server, String name, int ownerPort, String ownerPassword) throws Exception {
        int httpsPort = ProductionHome.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEFAULT_HTTPS_PORT", String.valueOf(httpsPort));
        env.put("RACCORD_CLUSTER_INSTANCE", name);
        env.put("RACCORD_TLS_KEYSTORE", production.keystore().toString());
        env.put("RACCORD_TLS_KEYSTORE_PASSWORD", production.keystorePassword);
        env.put("RACCORD_DB_KIND", "postgresql");
        env.put("RACCORD_DB_HOST", "localhost");
        env.put("RACCORD_DB_PORT", System.getProperty("raccord.it.postgres.port"));
        env.put("RACCORD_DB_NAME", DATABASE);
        env.put("RACCORD_DB_USER", DATABASE);
        env.put("RACCORD_DB_PASSWORD", databasePassword);
        env.put("RACCORD_WHOLESALE_URL", "http://localhost:" + ownerPort + "/simulator/soap");
        env.put("RACCORD_WHOLESALE_USER", "gateway");
        env.put("RACCORD_WHOLESALE_PASSWORD", ownerPassword);
        env.put("RACCORD_JWT_ISSUER", IdentityProvider.ISSUER);
        env.put("RACCORD_JWT_JWKSURI", identity.jwksUri());
        env.put("RACCORD_HUB_ALLOWEDHOSTS", "127.0.0.1");
        env.put("RACCORD_WHOLESALE_QUOTAPERSECOND", String.valueOf(QUOTA));
        production.configure(production.wlp().resolve("usr/servers").resolve(server), env);
        HttpClient client = HttpClient.newBuilder().sslContext(production.trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        return new Instance(name, new LibertyServer(production.wlp(), server, Map.of()), "https://localhost:" + httpsPort + "/",
                client, Instance.basic("ops", production.operatorPassword));
    }

    private static void awaitLive(Instance i) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> i.get("api/admin/console", i.operator()).statusCode() == 200);
    }

    private static boolean leading(Instance i) {
        try {
            return i.admin("console").getJsonObject("cluster").getBoolean("leading");
        } catch (RuntimeException down) {
            return false;
        }
    }

    private static int members(Instance i) {
        return (int) i.admin("console").getJsonObject("cluster").getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("silentSeconds").doubleValue() < 10).count();
    }

    private static long cursor(Instance i, String feed) {
        return i.admin("polling").getJsonArray("feeds").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("feed").equals(feed)).mapToLong(f -> f.getJsonNumber("cursor").longValue()).sum();
    }

    private static long lag(Instance i) {
        return i.admin("polling").getJsonArray("feeds").getValuesAs(JsonObject.class).stream()
                .mapToLong(f -> f.getJsonNumber("lag").longValue()).sum();
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

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(paths::add);
        }
        for (Path p : paths) {
            Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }
}
