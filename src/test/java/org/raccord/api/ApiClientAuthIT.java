package org.raccord.api;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import org.raccord.web.Problem;

/**
 * API clients on a real Liberty: bearer JWTs verified by mpJwt (issuer, audience, signature,
 * expiry), scopes enforced, a per-client budget answered with 429, liveness the only anonymous door.
 */
@ExtendWith(ArquillianExtension.class)
class ApiClientAuthIT {

    private static final String LINE = "api/v1/lines/CMD-00000001";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A client with a tiny budget of its own, so that the 429 does not depend on speed.
        JavaArchive budgets = ShrinkWrap.create(JavaArchive.class, "test-budgets.jar")
                .addAsManifestResource(new StringAsset("config_ordinal=500\nraccord.api.clientBudgets=quota-probe:3/60\n"),
                        "microprofile-config.properties");
        return Deployments.raccord("raccord-auth-it").addAsLibrary(budgets);
    }

    @Test
    void aRequestWithoutTokenIsAProblemWithABearerChallenge() {
        HttpResponse<String> anonymous = Http.get(LINE, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.MEDIA_TYPE));
        assertThat(Http.json(anonymous).getString("type")).isEqualTo("/problems/unauthenticated");

        HttpResponse<String> person = Http.get(LINE, Http.READER);
        assertThat(person.statusCode()).as("a person's password is not an API credential").isEqualTo(401);
        assertThat(Http.json(person).getString("type")).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void aTokenThatIsNotOursOrNoLongerValidIsRefused() {
        Tokens valid = Tokens.client("portal", "api-read");
        assertThat(Http.get(LINE, valid.bearer()).statusCode()).isIn(200, 404);

        for (Tokens bad : new Tokens[] {
                valid.expiredSince(Duration.ofMinutes(10)),
                valid.issuedBy("https://someone-else.example/issuer"),
                valid.forAudience("another-service"),
                valid.signedWithForeignKey()}) {
            HttpResponse<String> refused = Http.get(LINE, bad.bearer());
            assertThat(refused.statusCode()).as(bad.toString()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(bad.toString())
                    .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(Http.json(refused).getString("type")).isEqualTo("/problems/invalid-token");
        }
        assertThat(Http.get(LINE, "Bearer not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void scopesSeparateReadingFromRegistering() {
        HttpResponse<String> readerRegisters = Http.post("api/v1/lines", Tokens.client("portal", "api-read").bearer(),
                "{\"orderReference\":\"CMD-00000003\"}");
        assertThat(readerRegisters.statusCode()).isEqualTo(403);
        assertThat(Http.json(readerRegisters).getString("type")).isEqualTo("/problems/insufficient-scope");
        assertThat(readerRegisters.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("insufficient_scope"));

        HttpResponse<String> noScope = Http.get(LINE, Tokens.client("stranger").bearer());
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(Http.json(noScope).getString("type")).isEqualTo("/problems/insufficient-scope");

        HttpResponse<String> registerOnly = Http.post("api/v1/lines", Tokens.client("intake", "api-register").bearer(),
                "{\"orderReference\":\"CMD-00000003\"}");
        assertThat(registerOnly.statusCode()).isIn(200, 201);
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfter() {
        String probe = Tokens.client("quota-probe", "api-read").bearer();
        for (int i = 0; i < 3; i++) {
            assertThat(Http.get("api/v1/lines?limit=1", probe).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = Http.get("api/v1/lines?limit=1", probe);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(Http.json(refused).getString("type")).isEqualTo("/problems/too-many-requests");
        assertThat(Http.get("api/v1/lines?limit=1", Http.channel()).statusCode()).as("other clients go on").isEqualTo(200);
    }

    @Test
    void theLocalIdentityProviderIssuesTokensTheApiAccepts() throws Exception {
        HttpResponse<String> issued = https().send(HttpRequest.newBuilder(URI.create("https://localhost:9443/jwt/ibm/api/raccord/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(Http.READER.getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).isEqualTo(200);
        String token = Http.json(issued).getString("token");

        assertThat(Http.get("api/v1/lines?limit=1", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(Http.post("api/v1/lines", "Bearer " + token, "{\"orderReference\":\"CMD-00000003\"}").statusCode())
                .as("the reader's registry groups carry no register scope").isEqualTo(403);
    }

    @Test
    void livenessIsTheOnlyAnonymousDoor() {
        assertThat(Http.get("health/live", null).statusCode()).isEqualTo(200);
        assertThat(Http.get("api/admin/polling", null).statusCode()).isEqualTo(401);
        assertThat(Http.get("api/v1/lines", null).statusCode()).isEqualTo(401);
    }

    /** A client trusting the local server's own certificate (generated at its first start). */
    private static HttpClient https() throws Exception {
        char[] password = System.getProperty("raccord.it.keystorePassword", "keystore-local").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(System.getProperty("raccord.it.keystore",
                "target/liberty/wlp/usr/servers/raccord/resources/security/key.p12"))) {
            store.load(in, password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
