package org.raccord.production;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production package as an operator runs it ({@link ProductionCluster}: unpacked into an empty
 * folder, configured by its server.env alone, on PostgreSQL, against the owner in its own server).
 * Nothing of the local profile may be there: no demo user, no token builder, no simulator, no plain
 * HTTP; TLS 1.2 or 1.3 with forward-secret AEAD suites only; only liveness answers anyone; a token from the configured issuer is accepted and one from
 * anyone else is not.
 */
@ExtendWith(ProductionCluster.Resolver.class)
class ProductionPackageIT {

    private static ProductionCluster cluster;
    private static Instance raccord;

    @BeforeAll
    static void theProductionCluster(ProductionCluster started) {
        cluster = started;
        raccord = started.a;
    }

    @Test
    void thePackageHoldsNoSimulatorNoLocalProfileAndNoPassword() throws IOException {
        List<String> files = zipEntries(Files.newInputStream(ProductionHome.PACKAGE));
        String server = "wlp/usr/servers/raccord-production/";
        assertThat(files).contains(server + "server.xml", server + "database/postgresql.xml",
                        server + "lib/jdbc/postgresql.jar", server + "dropins/raccord-production.war")
                .doesNotContain(server + "local.xml")
                .noneMatch(file -> file.startsWith(server + "configDropins/"));
        assertThat(Files.readAllLines(cluster.production.home.resolve(server + "bootstrap.properties")))
                .allMatch(line -> line.isBlank() || line.startsWith("#"));
        List<String> war = zipEntries(Files.newInputStream(cluster.production.home.resolve(server + "dropins/raccord-production.war")));
        assertThat(war).contains("WEB-INF/classes/org/raccord/api/LinesResource.class")
                .noneMatch(entry -> entry.startsWith("WEB-INF/classes/org/raccord/simulator/"));
        assertThat(raccord.server().messages()).contains("DSRA8203I: Database product name : PostgreSQL");
    }

    @Test
    void onlyLivenessAnswersAnyoneAndPlainHttpIsClosed() {
        assertThat(get("health/live", null).statusCode()).isEqualTo(200);
        for (String path : List.of("health", "health/ready", "health/started", "metrics", "admin/", "openapi/ui/",
                "api/v1/lines", "api/v1/ping", "api/v1/hub", "api/admin/polling", "api/admin/breaches")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(raccord.server().messages())
                .contains("CWWKO0219I: TCP Channel defaultHttpEndpoint-ssl has been started")
                .doesNotContain("CWWKO0219I: TCP Channel defaultHttpEndpoint has been started");
    }

    @Test
    void noDemoUserCanSignInOnlyTheOperatorsOwnRegistryAndThereIsNoTokenBuilder() {
        assertThat(get("admin/", basic("ops:" + cluster.production.operatorPassword)).statusCode()).isEqualTo(200);
        for (String user : List.of("admin:admin-local", "reader:reader-local", "monitor:monitor-local", "gateway:gateway-local")) {
            assertThat(get("admin/", basic(user)).statusCode()).as(user).isEqualTo(401);
            assertThat(get("health", basic(user)).statusCode()).as(user).isEqualTo(401);
        }
        assertThat(get("jwt/ibm/api/raccord/token", basic("reader:reader-local")).statusCode()).isEqualTo(404);
    }

    @Test
    void tlsIsOnePointTwoOrThreeWithForwardSecretAeadSuitesOnly() throws Exception {
        SSLSocketFactory sockets = cluster.production.trusting().getSocketFactory();
        assertThat(handshakes(sockets, "TLSv1.3", "TLS_AES_128_GCM_SHA256")).isTrue();
        assertThat(handshakes(sockets, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")).isTrue();
        assertThat(handshakes(sockets, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).as("CBC").isFalse();
        assertThat(handshakes(sockets, "TLSv1.2", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")).as("finite-field DHE").isFalse();
    }

    /** Whether the server completes a handshake offered only this protocol and suite. */
    private static boolean handshakes(SSLSocketFactory sockets, String protocol, String suite) throws IOException {
        URI server = URI.create(raccord.base());
        try (SSLSocket socket = (SSLSocket) sockets.createSocket(server.getHost(), server.getPort())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return true;
        } catch (SSLHandshakeException refused) {
            return false;
        }
    }

    @Test
    void theSimulatorsEndpointsDoNotExist() {
        String token = cluster.identity.bearer("portal", "api-read");
        assertThat(get("simulator/soap/suivi-commande-acces/v1?wsdl", null).statusCode()).isEqualTo(404);
        assertThat(get("simulator/soap/suivi-bascule/v1?wsdl", null).statusCode()).isEqualTo(404);
        assertThat(get("api/simulator/knobs", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenFromTheConfiguredIssuerReadsWhatTheOwnerInItsOwnServerAnswered() {
        // Registered, so that the owner is consulted whether or not polling runs yet.
        HttpResponse<String> registered = raccord.post("api/v1/lines", cluster.identity.bearer("backoffice", "api-register"), null,
                "{\"orderReference\":\"CMD-00000003\",\"phoneNumber\":\"+33612340003\"}");
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String token = cluster.identity.bearer("portal", "api-read");
        HttpResponse<String> line = get("api/v1/lines/CMD-00000003", token);
        assertThat(line.statusCode()).isEqualTo(200);
        assertThat(line.body()).contains("\"orderReference\":\"CMD-00000003\"");
        String local = "Bearer " + Tokens.client("portal", "api-read").signedWithForeignKey().compact();
        assertThat(get("api/v1/lines/CMD-00000003", local).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return raccord.get(path, authorization);
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
