package org.raccord.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production package as an operator runs it: target/raccord-production.zip unpacked into an
 * empty folder, configured by its server.env alone (PostgreSQL, the owner, the identity provider,
 * the TLS keystore), started with {@code bin/server start}, against the simulated owner running in
 * its own server (raccord-owner) and the test run's PostgreSQL. Nothing of the local profile may
 * be there: no demo user, no token builder, no simulator, no plain HTTP; only liveness answers
 * anyone; a token from the configured issuer is accepted and one from anyone else is not.
 */
class ProductionPackageIT {

    private static final Path PACKAGE = ProductionHome.PACKAGE;
    private static final Path HOME = Path.of("target/production-it");

    private static ProductionHome production;

    private static IdentityProvider identity;
    private static LibertyServer owner;
    private static LibertyServer raccord;
    private static HttpClient client;
    private static String base;

    @BeforeAll
    static void startOwnerAndProductionServer() throws Exception {
        production = ProductionHome.unpacked(HOME);
        String databasePassword = ProductionHome.createDatabase("raccord_production");

        int ownerPort = ProductionHome.freePort();
        String ownerPassword = UUID.randomUUID().toString();
        owner = new LibertyServer(ProductionHome.TEST_LIBERTY, "raccord-owner",
                Map.of("RACCORD_OWNER_PORT", String.valueOf(ownerPort), "RACCORD_OWNER_GATEWAY_PASSWORD", ownerPassword)).start();
        identity = new IdentityProvider();

        int httpsPort = ProductionHome.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEFAULT_HTTPS_PORT", String.valueOf(httpsPort));
        env.put("RACCORD_TLS_KEYSTORE", production.keystore().toString());
        env.put("RACCORD_TLS_KEYSTORE_PASSWORD", production.keystorePassword);
        env.put("RACCORD_DB_KIND", "postgresql");
        env.put("RACCORD_DB_HOST", "localhost");
        env.put("RACCORD_DB_PORT", System.getProperty("raccord.it.postgres.port"));
        env.put("RACCORD_DB_NAME", "raccord_production");
        env.put("RACCORD_DB_USER", "raccord_production");
        env.put("RACCORD_DB_PASSWORD", databasePassword);
        env.put("RACCORD_WHOLESALE_URL", "http://localhost:" + ownerPort + "/simulator/soap");
        env.put("RACCORD_WHOLESALE_USER", "gateway");
        env.put("RACCORD_WHOLESALE_PASSWORD", ownerPassword);
        env.put("RACCORD_JWT_ISSUER", IdentityProvider.ISSUER);
        env.put("RACCORD_JWT_JWKSURI", identity.jwksUri());
        production.configure(production.wlp().resolve("usr/servers/raccord-production"), env);
        raccord = new LibertyServer(production.wlp(), "raccord-production", Map.of()).start();

        client = HttpClient.newBuilder().sslContext(production.trusting()).connectTimeout(Duration.ofSeconds(5)).build();
        base = "https://localhost:" + httpsPort + "/";
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get("health/live", null).statusCode() == 200);
    }

    @AfterAll
    static void stopAll() {
        if (raccord != null) {
            raccord.stop();
        }
        if (owner != null) {
            owner.stop();
        }
        if (identity != null) {
            identity.stop();
        }
    }

    @Test
    void thePackageHoldsNoSimulatorNoLocalProfileAndNoPassword() throws IOException {
        List<String> files = zipEntries(Files.newInputStream(PACKAGE));
        String server = "wlp/usr/servers/raccord-production/";
        assertThat(files).contains(server + "server.xml", server + "database/postgresql.xml",
                        server + "lib/jdbc/postgresql.jar", server + "dropins/raccord-production.war")
                .doesNotContain(server + "local.xml")
                .noneMatch(file -> file.startsWith(server + "configDropins/"));
        assertThat(Files.readAllLines(HOME.resolve(server + "bootstrap.properties")))
                .allMatch(line -> line.isBlank() || line.startsWith("#"));
        List<String> war = zipEntries(Files.newInputStream(HOME.resolve(server + "dropins/raccord-production.war")));
        assertThat(war).contains("WEB-INF/classes/org/raccord/api/LinesResource.class")
                .noneMatch(entry -> entry.startsWith("WEB-INF/classes/org/raccord/simulator/"));
        assertThat(raccord.messages()).contains("DSRA8203I: Database product name : PostgreSQL");
    }

    @Test
    void onlyLivenessAnswersAnyoneAndPlainHttpIsClosed() {
        assertThat(get("health/live", null).statusCode()).isEqualTo(200);
        for (String path : List.of("health", "health/ready", "health/started", "metrics", "admin/", "openapi/ui/",
                "api/v1/lines", "api/v1/ping", "api/v1/hub", "api/admin/polling", "api/admin/breaches")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(raccord.messages())
                .contains("CWWKO0219I: TCP Channel defaultHttpEndpoint-ssl has been started")
                .doesNotContain("CWWKO0219I: TCP Channel defaultHttpEndpoint has been started");
    }

    @Test
    void noDemoUserCanSignInOnlyTheOperatorsOwnRegistryAndThereIsNoTokenBuilder() {
        assertThat(get("admin/", basic("ops:" + production.operatorPassword)).statusCode()).isEqualTo(200);
        for (String user : List.of("admin:admin-local", "reader:reader-local", "monitor:monitor-local", "gateway:gateway-local")) {
            assertThat(get("admin/", basic(user)).statusCode()).as(user).isEqualTo(401);
            assertThat(get("health", basic(user)).statusCode()).as(user).isEqualTo(401);
        }
        assertThat(get("jwt/ibm/api/raccord/token", basic("reader:reader-local")).statusCode()).isEqualTo(404);
    }

    @Test
    void theSimulatorsEndpointsDoNotExist() {
        String token = identity.bearer("portal", "api-read");
        assertThat(get("simulator/soap/suivi-commande-acces/v1?wsdl", null).statusCode()).isEqualTo(404);
        assertThat(get("simulator/soap/suivi-bascule/v1?wsdl", null).statusCode()).isEqualTo(404);
        assertThat(get("api/simulator/knobs", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenFromTheConfiguredIssuerReadsWhatTheOwnerInItsOwnServerPublished() {
        String token = identity.bearer("portal", "api-read");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> lines = get("api/v1/lines?limit=5", token);
            assertThat(lines.statusCode()).isEqualTo(200);
            assertThat(lines.body()).contains("\"orderReference\":\"CMD-");
        });
        String local = "Bearer " + Tokens.client("portal", "api-read").signedWithForeignKey().compact();
        assertThat(get("api/v1/lines?limit=5", local).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> zipEntries(InputStream archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(archive)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

}
