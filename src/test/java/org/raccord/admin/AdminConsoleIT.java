package org.raccord.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.ConsoleBrowser;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.Tokens;
import org.raccord.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operations' side on Liberty: who may see what, actions guarded by the CSRF token and audited,
 * the console in a real browser (Debian's headless Chromium) finding the customer-letter breach,
 * refreshing it, forcing a breaker and following an outage of the simulated owner, readiness that
 * stays UP through that outage while showing it, and the Prometheus series. Screenshots go to
 * target/console-screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-admin-it");
    }

    @Test
    @Order(1)
    void onlyAdminsReachTheConsoleAndOnlyLivenessIsAnonymous() {
        for (String path : List.of("admin/", "api/admin/console", "api/admin/session", "metrics", "health", "health/ready", "health/started")) {
            HttpResponse<String> anonymous = Http.get(path, null);
            assertThat(anonymous.statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(c -> assertThat(c).startsWith("Basic"));
        }
        for (String path : List.of("admin/", "api/admin/console", "api/admin/breaches")) {
            assertThat(Http.get(path, Http.READER).statusCode()).as("reader " + path).isEqualTo(403);
            assertThat(Http.get(path, Http.MONITOR).statusCode()).as("monitoring " + path).isEqualTo(403);
        }
        HttpResponse<String> live = Http.get("health/live", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(Http.json(live).getString("status")).isEqualTo("UP");
        HttpResponse<String> ready = Http.get("health/ready", Http.MONITOR);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(checkNamed(Http.json(ready), "database").getString("status")).isEqualTo("UP");
        assertThat(Http.json(Http.get("health/started", Http.MONITOR)).getString("status")).isEqualTo("UP");
        assertThat(Http.get("admin/", Http.ADMIN).body()).contains("Raccord").doesNotContain("cdn");
    }

    @Test
    @Order(2)
    void aBrowserWithoutTheAdminRoleGetsNoConsole() throws Exception {
        // Anonymous: the browser is challenged for credentials (an empty page headless), nothing more.
        try (ConsoleBrowser browser = new ConsoleBrowser(null)) {
            browser.open("admin/");
            assertThat(browser.present("#operations")).isFalse();
            assertThat(browser.pageSource()).doesNotContain("Network owner");
        }
        try (ConsoleBrowser browser = new ConsoleBrowser(Http.READER)) {
            browser.open("admin/");
            assertThat(browser.present("#operations")).isFalse();
            assertThat(browser.pageSource()).contains("/problems/forbidden").doesNotContain("Network owner");
        }
    }

    @Test
    @Order(3)
    void actionsNeedTheCsrfTokenAndAreAudited() {
        assertThat(Http.action("api/admin/polling/pause", Http.ADMIN, null).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = Http.action("api/admin/polling/pause", Http.ADMIN, null, "X-CSRF-Token", "forged");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Http.json(wrong).getString("type")).isEqualTo("/problems/csrf-token");
        assertThat(Http.json(Http.get("api/admin/polling", Http.ADMIN)).getBoolean("paused")).isFalse();

        String token = Http.json(Http.get("api/admin/session", Http.ADMIN)).getString("csrfToken");
        assertThat(Http.action("api/admin/polling/pause", Http.ADMIN, null, "X-CSRF-Token", token, "Sec-Fetch-Site", "cross-site")
                .statusCode()).as("sent by a foreign page").isEqualTo(403);
        assertThat(Http.action("api/admin/polling/pause", Http.ADMIN, null, "X-CSRF-Token", token).statusCode()).isEqualTo(204);
        assertThat(Http.json(Http.get("api/admin/polling", Http.ADMIN)).getBoolean("paused")).isTrue();
        assertThat(Http.action("api/admin/polling/resume", Http.ADMIN, null, "X-CSRF-Token", token).statusCode()).isEqualTo(204);
        assertThat(Http.json(Http.get("api/admin/polling", Http.ADMIN)).getBoolean("paused")).isFalse();

        assertThat(Http.get("api/admin/dead-letters", Http.ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = Http.action("api/admin/dead-letters/987654321/replay", Http.ADMIN, null, "X-CSRF-Token", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).getString("type")).isEqualTo("/problems/unknown-dead-letter");
        HttpResponse<String> badRegistration = Http.action("api/admin/lines", Http.ADMIN, "{\"orderReference\":\"bad ref!\"}",
                "X-CSRF-Token", token);
        assertThat(badRegistration.statusCode()).isEqualTo(400);
        assertThat(badRegistration.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        String order = Http.json(Http.get("api/simulator", Http.ADMIN)).getJsonArray("showcase").getJsonObject(1).getString("orderReference");
        HttpResponse<String> registered = Http.action("api/admin/lines", Http.ADMIN, "{\"orderReference\":\"" + order
                + "\",\"phoneNumber\":\"01 23 45 67 89\"}", "X-CSRF-Token", token);
        assertThat(registered.statusCode()).isIn(200, 201);
        assertThat(Http.json(registered).getString("orderReference")).isEqualTo(order);

        JsonArray audit = Http.json(Http.get("api/admin/console", Http.ADMIN)).getJsonArray("audit");
        assertThat(audit.getValuesAs(JsonObject.class)).extracting(a -> a.getString("actor") + " " + a.getString("action")
                        + " " + a.getInt("outcome"))
                .contains("admin pause polling 403", "admin pause polling 204", "admin resume polling 204",
                        "admin replay dead letter 404", "admin register line 400");
        assertThat(audit.getValuesAs(JsonObject.class)).as("the registration's target is the order it names")
                .anySatisfy(a -> {
                    assertThat(a.getString("action")).isEqualTo("register line");
                    assertThat(a.getString("target")).isEqualTo(order);
                    assertThat(a.getInt("outcome")).isIn(200, 201);
                });
    }

    @Test
    @Order(4)
    void theConsoleFindsTheLetterBreachRefreshesItAndFollowsAnOutage() throws Exception {
        JsonObject letter = Http.json(Http.get("api/simulator", Http.ADMIN)).getJsonArray("showcase").getJsonObject(0);
        assertThat(letter.getString("scenario")).isEqualTo("CUSTOMER_LETTER");
        String order = letter.getString("orderReference");
        String ndi = letter.getString("ndi");
        try (ConsoleBrowser browser = new ConsoleBrowser(Http.ADMIN)) {
            browser.open("admin/");
            await().atMost(Duration.ofSeconds(60)).until(() -> browser.text("#user").contains("admin")
                    && browser.present("#operations tr[data-op='accessOrder.feed'] td.breaker[data-state='CLOSED']"));
            browser.screenshot("1-console");
            assertThat(browser.present("#chart-latency canvas")).as("the last hour's charts are drawn").isTrue();

            // The letter's line, found by its number as a call-centre agent would type it.
            String spoken = ndi.replaceAll("(\\d{2})(?=\\d)", "$1 ");
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                browser.find("#breaches-q").clear();
                browser.find("#breaches-q").sendKeys(spoken);
                browser.click("#breach-search button[type='submit']");
                return browser.present("#breaches tr[data-order='" + order + "']");
            });
            assertThat(browser.text("#breaches tr[data-order='" + order + "']")).contains(order)
                    .as("dates read the French way, 24-hour, and the number masked")
                    .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                    .doesNotContain(ndi).contains("******");
            assertThat(browser.text("#loops")).as("each loop's last run").contains("polling ran", "notification ran");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#members tbody").contains("UP"));
            assertThat(browser.text("#members tbody")).as("the instance, its role and its health").contains("(this page)", "leader", "UP");
            browser.show("#breaches-card");
            browser.screenshot("2-letter-breach");
            // The tests' servers propose (operations approve each request); the card says so.
            assertThat(browser.find("#prevention-mode-select").getAttribute("value")).isEqualTo("propose");
            assertThat(browser.present("#prevention-awaiting")).isTrue();
            browser.click("#breaches tr[data-order='" + order + "'] button.refresh-line");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.text("#audit tbody").contains("refresh line"));
            assertThat(browser.text("#audit tbody tr:first-child")).contains("admin", "refresh line", order, "200");

            // An operator holds a breaker open, then closes it.
            browser.click("#operations tr[data-op='cutover.consult'] button.force-open");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    browser.present("#operations tr[data-op='cutover.consult'] td.breaker[data-state='FORCED_OPEN']"));
            browser.click("#operations tr[data-op='cutover.consult'] button.force-closed");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    browser.present("#operations tr[data-op='cutover.consult'] td.breaker[data-state='CLOSED']"));

            // The simulated owner goes down: the console shows the breakers opening.
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.present("#outage[data-outage='false']"));
            browser.click("#outage");
            await().atMost(Duration.ofSeconds(120)).until(() ->
                    browser.present("#operations tr[data-op='accessOrder.feed'] td.breaker[data-state='OPEN']"));
            browser.show("body");
            browser.screenshot("3-outage");

            // Raccord stays ready (it serves stored data), and readiness names the trouble.
            HttpResponse<String> ready = Http.get("health/ready", Http.MONITOR);
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonObject owner = checkNamed(Http.json(ready), "owner-accessOrder");
            assertThat(owner.getString("status")).isEqualTo("UP");
            assertThat(owner.getJsonObject("data").getString("feed.breaker")).isIn("OPEN", "HALF_OPEN");
            assertThat(owner.getJsonObject("data").getBoolean("troubled")).isTrue();

            await().atMost(Duration.ofSeconds(30)).until(() -> browser.present("#outage[data-outage='true']"));
            browser.click("#outage");
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.present("#outage[data-outage='false']"));
        }
        // The last hour: a sample every 15 s since the application started.
        await().atMost(Duration.ofSeconds(40)).until(() -> !Http.jsonArray(Http.get("api/admin/console/history", Http.ADMIN)).isEmpty());
        JsonObject sample = Http.jsonArray(Http.get("api/admin/console/history", Http.ADMIN)).getJsonObject(0);
        assertThat(sample.keySet()).contains("at", "ownerP99Millis", "feedLag", "eventsPerMinute", "deliveredPerMinute");
    }

    @Test
    @Order(5)
    void metricsCarryTheNamedSeriesAfterTraffic() {
        WireMockServer receiver = WebhookReceiver.started();
        try {
            String subscriber = Tokens.client("metrics-receiver", "api-subscribe").bearer();
            assertThat(Http.post("api/v1/hub", subscriber, "{\"callbackUrl\":\"" + WebhookReceiver.callbackUrl(receiver, "localhost") + "\"}")
                    .statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    metric(Http.get("metrics", Http.MONITOR).body(), "raccord_webhook_attempts_total{outcome=\"delivered\"}") > 0);
            // The console shows the subscriber's tally, by callback host, and never a signing secret.
            String console = Http.get("api/admin/console", Http.ADMIN).body();
            assertThat(console).doesNotContain("whsec_");
            assertThat(Http.parse(console).getJsonObject("notifications").getJsonArray("subscribers").getValuesAs(JsonObject.class))
                    .anySatisfy(t -> {
                        assertThat(t.getString("client")).isEqualTo("metrics-receiver");
                        assertThat(t.getString("callbackHost")).isEqualTo("localhost");
                        assertThat(t.getJsonNumber("delivered").longValue()).isPositive();
                    });
        } finally {
            receiver.stop();
        }
        HttpResponse<String> scrape = Http.get("metrics", Http.MONITOR);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String metrics = scrape.body();
        assertThat(metrics).contains(
                "resilience4j_circuitbreaker_state{name=\"accessOrder.feed\",state=\"closed\"}",
                "resilience4j_circuitbreaker_failure_rate{name=\"accessOrder.feed\"}",
                "resilience4j_circuitbreaker_slow_call_rate{name=\"cutover.feed\"}",
                "resilience4j_retry_calls_total{kind=",
                "resilience4j_ratelimiter_available_permissions{name=\"owner\"}",
                "resilience4j_bulkhead_available_concurrent_calls{name=\"accessOrder\"}",
                "raccord_owner_call_seconds{operation=\"accessOrder.feed\",quantile=\"0.99\"}",
                "raccord_feed_lag{feed=\"order\"}",
                "raccord_lines_unconfirmed_oldest_age_seconds",
                "raccord_outbox_depth",
                "raccord_lines_breach",
                "raccord_lines{state=\"inProgress\"}",
                "raccord_polling_paused 0.0");
        assertThat(metric(metrics, "raccord_feed_events_applied_total{feed=\"order\"}")).as("ingestion").isPositive();
        assertThat(metric(metrics, "raccord_owner_call_seconds_count{operation=\"accessOrder.consult\"}"))
                .as("the refresh asked the owner").isPositive();
        assertThat(metric(metrics, "raccord_lines_breach")).as("the letter's line at least").isPositive();
    }

    private static JsonObject checkNamed(JsonObject report, String name) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + report));
    }

    /** The value of one series in Prometheus text, or -1 when absent. */
    private static double metric(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(-1);
    }

    @Test
    @Order(6)
    void breachPreventionsModeIsAnOperatorsActionForTheWholeCluster() {
        JsonObject status = Http.json(Http.get("api/admin/prevention", Http.ADMIN));
        assertThat(status.getString("mode")).isEqualTo("propose");
        assertThat(status.getJsonArray("awaitingApproval")).isNotNull();
        assertThat(Http.put("api/admin/prevention/mode", Http.ADMIN, "{\"mode\":\"automatic\"}").statusCode())
                .as("without the CSRF token").isEqualTo(403);
        try {
            HttpResponse<String> changed = Http.put("api/admin/prevention/mode", Http.ADMIN, "{\"mode\":\"automatic\"}", Http.csrf(Http.ADMIN));
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(Http.json(Http.get("api/admin/prevention", Http.ADMIN)).getString("mode")).isEqualTo("automatic");
            HttpResponse<String> wrong = Http.put("api/admin/prevention/mode", Http.ADMIN, "{\"mode\":\"sometimes\"}", Http.csrf(Http.ADMIN));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        } finally {
            assertThat(Http.put("api/admin/prevention/mode", Http.ADMIN, "{\"mode\":\"propose\"}", Http.csrf(Http.ADMIN)).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> unknown = Http.action("api/admin/prevention/CMD-99999999/approve", Http.ADMIN, null, Http.csrf(Http.ADMIN));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(Http.get("api/admin/console", Http.ADMIN)).getJsonArray("audit").toString()).contains("breach prevention mode");
    }
}
