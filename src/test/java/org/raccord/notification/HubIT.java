package org.raccord.notification;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.Tokens;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification hub's own API on Liberty: a subscriber lists, pings, rotates and deletes its
 * subscriptions (and sees no one else's), a ping is a test button with a budget, and bad callback
 * URLs or event types are refused with problems naming the field. The story a subscriber receives
 * is {@link NotificationIT}.
 */
@ExtendWith(ArquillianExtension.class)
class HubIT {

    @RegisterExtension
    static final WireMockExtension receiver = WebhookReceiver.extension();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-hub-it");
    }

    @Test
    void theHubManagesSubscriptionsAndRefusesBadOnes() throws Exception {
        String id = Http.json(Http.post("api/v1/hub", smsPlatform(), "{\"callbackUrl\":\"http://127.0.0.1:" + receiver.getPort()
                + "/hook\",\"eventTypes\":[\"line.delivered\"]}")).getString("id");

        JsonArray mine = Http.jsonArray(Http.get("api/v1/hub", smsPlatform()));
        assertThat(mine.stream().map(s -> s.asJsonObject().getString("id"))).contains(id);
        assertThat(mine.getJsonObject(0).containsKey("secret")).as("secrets are shown once").isFalse();
        assertThat(Http.get("api/v1/hub/" + id, Tokens.client("another-platform", "api-subscribe").bearer()).statusCode())
                .as("another client's subscription").isEqualTo(404);

        JsonObject ping = Http.json(Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), ""));
        assertThat(ping.getBoolean("delivered")).isTrue();
        String newSecret = Http.json(Http.post("api/v1/hub/" + id + "/rotate", smsPlatform(), "")).getString("secret");
        assertThat(pings().get(0).getHeader("webhook-signature")).startsWith("v1,");

        Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "");
        LoggedRequest afterRotation = pings().get(pings().size() - 1);
        assertThat(afterRotation.getHeader("webhook-signature").split(" ")).as("old and new secret during the grace period").hasSize(2);
        WebhookReceiver.verify(afterRotation, newSecret);

        // Two pings so far; the budget is five a minute (raccord.hub.pingsPerMinute).
        for (int i = 0; i < 3; i++) {
            assertThat(Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "").statusCode()).isEqualTo(200);
        }
        int before = pings().size();
        HttpResponse<String> spent = Http.post("api/v1/hub/" + id + "/ping", smsPlatform(), "");
        assertThat(spent.statusCode()).as("a ping is a test button, not a probe").isEqualTo(429);
        assertThat(spent.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(Http.json(spent).getString("type")).endsWith("too-many-pings");
        assertThat(pings()).as("nothing was sent").hasSize(before);

        assertThat(Http.raw("DELETE", "api/v1/hub/" + id, smsPlatform(), null, null).statusCode()).isEqualTo(204);
        assertThat(Http.get("api/v1/hub/" + id, smsPlatform()).statusCode()).isEqualTo(404);

        Map<String, String> refused = Map.of(
                "{\"callbackUrl\":\"https://169.254.169.254/latest/meta-data\"}", "callbackUrl",
                "{\"callbackUrl\":\"ftp://example.com/hook\"}", "callbackUrl",
                "{\"callbackUrl\":\"https://user:pw@example.com/hook\"}", "callbackUrl",
                "{\"callbackUrl\":\"http://localhost:1/hook\",\"eventTypes\":[\"line.exploded\"]}", "eventTypes",
                "{}", "callbackUrl");
        refused.forEach((body, field) -> {
            HttpResponse<String> r = Http.post("api/v1/hub", smsPlatform(), body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
            assertThat(Http.json(r).getJsonArray("violations").getJsonObject(0).getString("field")).as(body).isEqualTo(field);
        });
        assertThat(Http.post("api/v1/hub", Http.channel(), "{\"callbackUrl\":\"http://localhost:1/hook\"}").statusCode())
                .as("a read-only client may not subscribe").isEqualTo(403);
    }

    /** Signed with the server's key, which the server makes when it first starts: hence on first use. */
    private static String smsPlatform() {
        return Tokens.client("smsplatform", "api-subscribe").bearer();
    }

    private static List<LoggedRequest> pings() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"org.raccord.ping\"")).toList();
    }
}
