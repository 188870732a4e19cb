package org.raccord;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.CampaignTable;
import org.raccord.support.Deployments;
import org.raccord.support.HostileInputs;
import org.raccord.support.Http;
import org.raccord.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile clients against every operation of the served OpenAPI document: generated requests
 * (raccord.it.hostile.requests, 1,200 in the test command; the seed is printed, and
 * raccord.it.hostile.seed replays it) whose path and query parameters, bodies, content types and
 * credentials are hostile or missing. Whatever they send: no 5xx (a 503 only as an overload answer
 * with Retry-After), no stack trace or internal name in an error body, no success without
 * credentials, no admin action without its CSRF token; a request far beyond the server's limits
 * (over 64 KB of URL and body) may have its connection closed instead. Then the token attacks, and
 * every admin action without its token or from another site.
 */
@ExtendWith(ArquillianExtension.class)
class HostileClientsIT {

    private static final int REQUESTS = Integer.getInteger("raccord.it.hostile.requests", 1_200);
    /** What an error body must never show: exceptions, stack frames, class or package names, SQL, server codes. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(exception|\\bat (java|jakarta|org|com|sun)\\.|java\\.|jakarta\\.|org\\.raccord|eclipse|sqlstate|\\bsql\\b|CW[A-Z]{3}\\d{4}[EW]|SRVE\\d{4})");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static List<Operation> operations;
    private static String csrfToken;

    /** One operation of the document: its method, path, parameters, body properties, and who may call it. */
    record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
                     List<String> bodyProperties, boolean hasBody, boolean person) {

        /** An admin action: a person's operation that changes something. */
        boolean action() {
            return person && !method.equals("GET");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-hostile-it");
    }

    /** Generated actions carry a good token at times: a mode they set is put back for the tests that follow. */
    @org.junit.jupiter.api.AfterAll
    static void putTheSettingsBack() {
        Http.put("api/admin/prevention/mode", Http.ADMIN, "{\"mode\":\"propose\"}", Http.csrf(Http.ADMIN));
        Http.action("api/admin/polling/resume", Http.ADMIN, null, Http.csrf(Http.ADMIN));
    }

    @BeforeAll
    static void theServedDocument() {
        JsonObject document = Http.parse(send(HttpRequest.newBuilder(URI.create(Http.BASE + "openapi/openapi.json"))
                .header("Authorization", basic(Http.READER)).GET()).body());
        operations = Operations.of(document);
        assertThat(operations).as("the document's operations").hasSizeGreaterThan(25);
        csrfToken = Http.csrf(Http.ADMIN)[1];
    }

    @Test
    void generatedHostileRequestsGetNo5xxNoInternalsNoAnonymousSuccessAndNoActionWithoutItsToken() {
        long seed = Long.getLong("raccord.it.hostile.seed", System.nanoTime());
        System.out.printf("hostile clients: %d requests, seed %d (-Draccord.it.hostile.seed=%d replays them)%n", REQUESTS, seed, seed);
        HostileInputs inputs = new HostileInputs(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = inputs.oneOf(operations);
            HostileRequest request = HostileRequest.of(op, inputs, i, csrfToken);
            HttpResponse<String> answer;
            try {
                answer = send(request.builder());
            } catch (java.io.UncheckedIOException closed) {
                // A server may close the connection on a request far beyond its limits; on any other, it must answer.
                statuses.merge(0, 1, Integer::sum);
                if (request.size() < 64 * 1024) {
                    failures.add("no answer: " + op.method() + " " + op.path() + " [" + request.who() + "] " + closed.getCause());
                }
                continue;
            }
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String what = op.method() + " " + op.path() + " [" + request.who() + "] -> " + answer.statusCode();
            int status = answer.statusCode();
            if (status >= 500 && !(status == 503 && answer.headers().firstValue("Retry-After").isPresent())) {
                failures.add("5xx: " + what + " " + abbreviated(answer.body()));
            }
            if (status >= 400 && INTERNALS.matcher(answer.body()).find()) {
                failures.add("internals: " + what + " " + abbreviated(answer.body()));
            }
            if (request.anonymous() && status < 400) {
                failures.add("anonymous success: " + what);
            }
            if (op.action() && !request.withCsrfToken() && status < 400) {
                failures.add("action without its CSRF token: " + what);
            }
        }
        System.out.printf("hostile clients: answers by status %s; failures %d%n", statuses, failures.size());
        CampaignTable.record(new CampaignTable.Row("hostile clients", REQUESTS + " generated requests across the "
                + operations.size() + " operations of the served document (seed " + seed + "), on the PostgreSQL server",
                "5xx; internals in error bodies; anonymous successes; admin actions without their CSRF token",
                failures.size() + " failures; answers by status " + statuses + " (0: connection closed by the server, requests over 64 KB only)",
                "0 failures", failures.isEmpty()));
        assertThat(failures).as("5xx, internals shown, anonymous successes, actions without a token").isEmpty();
        assertThat(statuses.keySet()).as("requests that got through to validation and to answers").contains(200, 400, 401, 403, 404);
    }

    @Test
    void aNulCharacterInAPathOrQueryIsABadRequestBeforeAnyDatabaseSeesIt() {
        String client = Tokens.client("hostile-nul", "api-read", "api-subscribe").bearer();
        for (String path : List.of("api/v1/hub/ab%00cd", "api/v1/lines/CMD-0000%0001", "api/v1/lines?state=%00",
                "api/v1/hub/x/deliveries?state=a%00b")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).header("Authorization", client).GET());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(INTERNALS.matcher(answer.body()).find()).as(path + ": " + answer.body()).isFalse();
            if (path.contains("?")) {
                // In a path, the web container may refuse it first, with its own page.
                assertThat(answer.headers().firstValue("Content-Type")).as(path)
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            }
        }
        HttpResponse<String> search = send(HttpRequest.newBuilder(URI.create(Http.BASE + "api/admin/breaches?q=%00"))
                .header("Authorization", basic(Http.ADMIN)).GET());
        assertThat(search.statusCode()).as("the breach search").isEqualTo(400);
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        Tokens good = Tokens.client("forger", "api-read", "api-register", "api-subscribe");
        String[] parts = good.compact().split("\\.");
        JsonObject claims = Http.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        String noneHeader = base64url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String hsHeader = base64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String tamperedClaims = base64url(Json.createObjectBuilder(claims).add("sub", "admin")
                .add("groups", Json.createArrayBuilder().add("api-read").add("admin")).build().toString());
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(Tokens.serverPublicKey().getEncoded(), "HmacSHA256"));
        String hsInput = hsHeader + "." + parts[1];
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> forged = new TreeMap<>(Map.of(
                "alg none", noneHeader + "." + parts[1] + ".",
                "HS256 signed with the public key", hsInput + "." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(hmac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII))),
                "expired", good.expiredSince(Duration.ofMinutes(5)).compact(),
                "not yet valid", good.compactWithClaims(c -> Json.createObjectBuilder(c).add("nbf", now + 3600).add("iat", now + 3600)
                        .add("exp", now + 7200).build()),
                "another issuer", good.issuedBy("https://identity.example/attacker").compact(),
                "another audience", good.forAudience("someone-else").compact(),
                "an unknown key, named", good.compact(java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(), "unknown-kid"),
                "tampered claims", parts[0] + "." + tamperedClaims + "." + parts[2],
                "no signature", parts[0] + "." + parts[1] + ".",
                "garbage", "not.a.token"));
        assertThat(Http.get("api/v1/ping", good.bearer()).statusCode()).as("the genuine token").isEqualTo(200);
        forged.forEach((attack, token) -> {
            for (String path : List.of("api/v1/ping", "api/v1/lines/CMD-00000001", "api/v1/hub")) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(Http.BASE + path))
                        .header("Authorization", "Bearer " + token).GET());
                assertThat(answer.statusCode()).as(attack + " on " + path).isEqualTo(401);
                assertThat(INTERNALS.matcher(answer.body()).find()).as(attack + ": " + answer.body()).isFalse();
            }
        });
    }

    @Test
    void everyAdminActionWithoutItsTokenOrFromAnotherSiteIsRefused() {
        List<Operation> actions = operations.stream().filter(Operation::action).toList();
        assertThat(actions).hasSizeGreaterThanOrEqualTo(10);
        for (Operation action : actions) {
            String path = action.path().replaceAll("\\{[^}]+}", "x");
            for (boolean crossSite : List.of(false, true)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Http.BASE + path.substring(1)))
                        .header("Authorization", basic(Http.ADMIN)).header("Content-Type", "application/json")
                        .method(action.method(), HttpRequest.BodyPublishers.ofString("{}"));
                if (crossSite) {
                    request.header("Origin", "https://attacker.example").header("Sec-Fetch-Site", "cross-site");
                }
                HttpResponse<String> answer = send(request);
                assertThat(answer.statusCode()).as(action.method() + " " + path + (crossSite ? " from another site" : "")).isEqualTo(403);
                assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS for another site").isEmpty();
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
