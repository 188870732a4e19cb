package org.raccord.production;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.raccord.support.OwnerTruth;
import org.raccord.support.WebhookReceiver;
import org.raccord.tracking.SchemaMigrations;

import static org.awaitility.Awaitility.await;

/**
 * The production package as operators run it, once for the whole test run (README "Several
 * instances"): unpacked into an empty folder, configured by each server's server.env alone, started
 * twice (instances {@code a} and {@code b}) on the test run's PostgreSQL, against the owner in its
 * own server, an identity provider and a webhook receiver. Polling starts paused (a cluster
 * setting), so that the catch-up begins when a test resumes it. Shared by the classes that declare
 * {@code @ExtendWith(ProductionCluster.Resolver.class)} and take it as a parameter; stopped when the
 * run ends.
 */
final class ProductionCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static final String DATABASE = "raccord_cluster";
    /** Enough lines that a catch-up outlasts the time it takes to see it under way and kill the leader. */
    static final int LINES = Integer.getInteger("raccord.it.cluster.lines", 6_000);
    /**
     * Simulated days after start-up over which the owner's orders are placed (a simulated day
     * lasts a real minute): once they are all placed, the world's stories end and the owner
     * publishes little. The reliability campaign, longer than an hour, sets more days and more
     * lines at the same rate of orders.
     */
    static final int FUTURE_DAYS = Integer.getInteger("raccord.it.cluster.futureDays", 20);
    /** Simulated days before start-up over which the owner's orders were placed (given to it, as its own default). */
    static final int HISTORY_DAYS = 20;
    /**
     * Lines ordered before the owner started (orders are spread evenly over history and future):
     * known from the first catch-up on, whatever the world's length. Half the lines in the test
     * command's world, a sixth in the campaign's.
     */
    static final int ORDERED_BEFORE_START = LINES * HISTORY_DAYS / (HISTORY_DAYS + FUTURE_DAYS);
    /** The owner's quota, given to the simulated owner and to both instances: they share it. */
    static final int QUOTA = 24;
    /** The API client of the truth checker, whose budget is lifted: it reads every line. */
    static final String TRUTH_CHECKER = "truthchecker";
    /** The instances' retry schedule, compressed: one hour of the real schedule lasts one second. */
    static final double RETRY_SCALE = 1.0 / 3600;
    private static final Path HOME = Path.of("target/cluster-it");

    final ProductionHome production;
    final String databasePassword;
    final LibertyServer owner;
    /** Between the instances and the owner: passes everything through until a test makes the owner misbehave. */
    final OwnerProxy ownerProxy;
    final OwnerTruth ownerTruth;
    final IdentityProvider identity;
    final WireMockServer receiver;
    final Instance a;
    final Instance b;

    /** Resolves a parameter of this type: the one cluster of the run, started by the first class that asks. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ProductionCluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(ProductionCluster.class, k -> start(), ProductionCluster.class);
        }
    }

    private static ProductionCluster start() {
        try {
            return new ProductionCluster();
        } catch (Exception e) {
            throw new IllegalStateException("the production cluster did not start: " + e, e);
        }
    }

    private ProductionCluster() throws Exception {
        production = ProductionHome.unpacked(HOME);
        Path servers = production.wlp().resolve("usr/servers");
        copyTree(servers.resolve("raccord-production"), servers.resolve("raccord-b"));
        databasePassword = ProductionHome.createDatabase(DATABASE);
        SchemaMigrations.flyway(ProductionHome.dataSource(DATABASE, databasePassword), getClass().getClassLoader()).migrate();
        try (Connection db = database(); Statement s = db.createStatement()) {
            s.execute("insert into cluster_setting (name, setting_value, updated_at) values ('polling.paused', 'true', current_timestamp)");
        }

        int ownerPort = ProductionHome.freePort();
        String ownerPassword = UUID.randomUUID().toString();
        // A new world: the owner's state from an earlier run would shorten the catch-up.
        ProductionHome.deleteTree(ProductionHome.TEST_LIBERTY.resolve("usr/servers/raccord-owner/simulator"));
        owner = new LibertyServer(ProductionHome.TEST_LIBERTY, "raccord-owner", Map.of("RACCORD_OWNER_PORT", String.valueOf(ownerPort),
                "RACCORD_OWNER_GATEWAY_PASSWORD", ownerPassword, "RACCORD_SIMULATOR_LINES", String.valueOf(LINES),
                "RACCORD_SIMULATOR_HISTORYDAYS", String.valueOf(HISTORY_DAYS),
                "RACCORD_SIMULATOR_FUTUREDAYS", String.valueOf(FUTURE_DAYS), "RACCORD_SIMULATOR_QUOTAPERSECOND", String.valueOf(QUOTA)))
                .start();
        ownerProxy = new OwnerProxy(ownerPort);
        ownerTruth = new OwnerTruth("http://localhost:" + ownerPort + "/", "gateway", ownerPassword);
        identity = new IdentityProvider();
        receiver = WebhookReceiver.started();

        a = instance("raccord-production", "a", ownerPassword);
        b = instance("raccord-b", "b", ownerPassword);
        // Both at once, as a deployment does; either may take the lead.
        Thread startingB = new Thread(() -> b.server().start());
        startingB.start();
        a.server().start();
        startingB.join();
        awaitLive(a);
        awaitLive(b);
    }

    @Override
    public void close() {
        // Each stopped on its own: one already down (a failed test) must not leave the others running.
        List<Runnable> stops = List.of(() -> a.server().stop(), () -> b.server().stop(), owner::stop, ownerProxy::close,
                identity::stop, receiver::stop);
        for (Runnable stop : stops) {
            try {
                stop.run();
            } catch (RuntimeException alreadyDown) {
                System.out.println("cluster: stopping: " + alreadyDown.getMessage());
            }
        }
    }

    Connection database() throws Exception {
        return ProductionHome.database(DATABASE, databasePassword);
    }

    /** Whether the instance's console answers now. */
    static boolean answering(Instance i) {
        try {
            return i.get("api/admin/console", i.operator()).statusCode() == 200;
        } catch (RuntimeException down) {
            return false;
        }
    }

    /** Waits until the instance's console answers (after a start or a restart). */
    static void awaitLive(Instance i) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> i.get("api/admin/console", i.operator()).statusCode() == 200);
    }

    private Instance instance(String server, String name, String ownerPassword) throws Exception {
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
        env.put("RACCORD_WHOLESALE_URL", ownerProxy.soapUrl());
        env.put("RACCORD_WHOLESALE_USER", "gateway");
        env.put("RACCORD_WHOLESALE_PASSWORD", ownerPassword);
        env.put("RACCORD_JWT_ISSUER", IdentityProvider.ISSUER);
        env.put("RACCORD_JWT_JWKSURI", identity.jwksUri());
        env.put("RACCORD_HUB_ALLOWEDHOSTS", "127.0.0.1");
        env.put("RACCORD_WHOLESALE_QUOTAPERSECOND", String.valueOf(QUOTA));
        // A killed instance's claimed deliveries come back to the other after 20 s instead of two minutes.
        env.put("RACCORD_HUB_DELIVERYLEASESECONDS", "20");
        // Retries compressed 3,600 times (an hour in a second, the three days in about 75 s): the
        // campaign's receivers reach their dead letter within a test (ReceiversIT).
        env.put("RACCORD_HUB_RETRYSCALE", String.valueOf(RETRY_SCALE));
        // The truth checker reads every line: more than a customer channel's budget.
        env.put("RACCORD_API_CLIENTBUDGETS", TRUTH_CHECKER + ":100000/1");
        production.configure(production.wlp().resolve("usr/servers").resolve(server), env);
        HttpClient client = HttpClient.newBuilder().sslContext(production.trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        return new Instance(name, new LibertyServer(production.wlp(), server, Map.of()), "https://localhost:" + httpsPort + "/",
                client, Instance.basic("ops", production.operatorPassword));
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
