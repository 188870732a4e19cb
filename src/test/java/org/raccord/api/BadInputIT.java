package org.raccord.api;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.raccord.support.Deployments;
import org.raccord.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input the line API meets, over real HTTP: each must be a precise 4xx with an
 * {@code application/problem+json} body of the expected type, never a 5xx, never a stack trace.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {

    private record Case(String name, String method, String path, String contentType, String body, int status, String type) {
    }

    private static final String JSON = "application/json";
    private static final List<Case> CASES = List.of(
            new Case("script in reference", "GET", "api/v1/lines/%3Cscript%3Ealert(1)%3C%2Fscript%3E", null, null, 400, "bad-request"),
            new Case("script without slash", "GET", "api/v1/lines/%3Cscript%3Ealert(1)", null, null, 400, "invalid-request"),
            new Case("SQL in reference", "GET", "api/v1/lines/'%3B%20DROP%20TABLE%20tracked_line%3B--", null, null, 400, "invalid-request"),
            new Case("foreign number", "GET", "api/v1/lines/%2B44%2020%207946%200958", null, null, 400, "invalid-request"),
            new Case("space in reference", "GET", "api/v1/lines/CMD%200001", null, null, 400, "invalid-request"),
            new Case("accented reference", "GET", "api/v1/lines/%C3%87MD-0001", null, null, 400, "invalid-request"),
            new Case("zero-width character", "GET", "api/v1/lines/CMD%E2%80%8B0001", null, null, 400, "invalid-request"),
            new Case("reference too long", "GET", "api/v1/lines/" + "A".repeat(40), null, null, 400, "invalid-request"),
            new Case("right-to-left override", "GET", "api/v1/lines/CMD%E2%80%AE1000", null, null, 400, "invalid-request"),
            new Case("unknown line", "GET", "api/v1/lines/CMD-77777777", null, null, 404, "unknown-line"),
            new Case("unknown number", "GET", "api/v1/lines/0999999999", null, null, 404, "unknown-line"),
            new Case("timeline limit 0", "GET", "api/v1/lines/CMD-00000001/events?limit=0", null, null, 400, "invalid-request"),
            new Case("timeline limit too big", "GET", "api/v1/lines/CMD-00000001/events?limit=201", null, null, 400, "invalid-request"),
            new Case("timeline limit not a number", "GET", "api/v1/lines/CMD-00000001/events?limit=abc", null, null, 400, "invalid-request"),
            new Case("timeline negative offset", "GET", "api/v1/lines/CMD-00000001/events?offset=-1", null, null, 400, "invalid-request"),
            new Case("list unknown state", "GET", "api/v1/lines?state=done", null, null, 400, "invalid-request"),
            new Case("list breach not boolean", "GET", "api/v1/lines?breach=maybe", null, null, 400, "invalid-request"),
            new Case("list bad date", "GET", "api/v1/lines?deliveryFrom=01%2F12%2F2026", null, null, 400, "invalid-request"),
            new Case("list inverted range", "GET", "api/v1/lines?deliveryFrom=2026-12-31&deliveryTo=2026-12-01", null, null, 400, "invalid-request"),
            new Case("list huge offset", "GET", "api/v1/lines?offset=99999999999", null, null, 400, "invalid-request"),
            new Case("register without body", "POST", "api/v1/lines", JSON, null, 400, null),
            new Case("register empty object", "POST", "api/v1/lines", JSON, "{}", 400, "invalid-request"),
            new Case("register malformed JSON", "POST", "api/v1/lines", JSON, "{\"orderReference\":", 400, "malformed-body"),
            new Case("register JSON array", "POST", "api/v1/lines", JSON, "[\"CMD-00000001\"]", 400, "malformed-body"),
            new Case("register reference too long", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"" + "A".repeat(31) + "\"}", 400, "invalid-request"),
            new Case("register reference with markup", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"<b>x</b>\"}", 400, "invalid-request"),
            new Case("register foreign phone", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"CMD-00000002\",\"phoneNumber\":\"+1 212 555 0100\"}", 400, "invalid-request"),
            new Case("register garbage phone", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"CMD-00000002\",\"phoneNumber\":\"call me\"}", 400, "invalid-request"),
            new Case("register phone too long", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"CMD-00000002\",\"phoneNumber\":\"" + "1".repeat(40) + "\"}", 400, "invalid-request"),
            new Case("register wrong media type", "POST", "api/v1/lines", "text/plain", "CMD-00000002", 415, "unsupported-media-type"),
            new Case("register unknown order", "POST", "api/v1/lines", JSON, "{\"orderReference\":\"CMD-99999999\"}", 404, "unknown-order"),
            new Case("lookup too many", "POST", "api/v1/lines/lookup", JSON, "{\"references\":[" + "\"x\",".repeat(100) + "\"x\"]}", 400, "invalid-request"),
            new Case("lookup empty list", "POST", "api/v1/lines/lookup", JSON, "{\"references\":[]}", 400, "invalid-request"),
            new Case("lookup missing list", "POST", "api/v1/lines/lookup", JSON, "{}", 400, "invalid-request"),
            new Case("lookup list not an array", "POST", "api/v1/lines/lookup", JSON, "{\"references\":\"CMD-1\"}", 400, "malformed-body"),
            new Case("unknown path", "GET", "api/v1/nothing-here", null, null, 404, "not-found"),
            new Case("wrong method", "DELETE", "api/v1/lines/CMD-00000001", null, null, 405, "method-not-allowed"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-bad-input-it");
    }

    @Test
    void everyBadInputIsAPreciseProblemNeverA5xx() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(30);
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            HttpResponse<String> r = Http.raw(c.method(), c.path(), Http.backOffice(), c.contentType(), c.body());
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            String type = null;
            if (contentType.startsWith("application/problem+json")) {
                JsonObject problem = Http.json(r);
                type = problem.getString("type", "");
                if (problem.getInt("status", -1) != r.statusCode()) {
                    wrong.add(c.name() + ": problem status " + problem.getInt("status", -1) + " vs HTTP " + r.statusCode());
                }
            }
            boolean expectedType = c.type() == null ? type != null : ("/problems/" + c.type()).equals(type);
            if (r.statusCode() != c.status() || !expectedType || r.body().contains("Exception")) {
                wrong.add(c.name() + ": HTTP " + r.statusCode() + " " + contentType + " " + r.body());
            }
        }
        assertThat(wrong).as("cases answered otherwise than expected").isEmpty();
    }

    /**
     * A NUL byte in the URL is refused by Liberty's HTTP channel (CWWWC0005I) before any application
     * code runs, so its body cannot be a problem document; it is still a plain 400 without internals.
     */
    @Test
    void aNulByteIsRefusedByTheServerItself() {
        HttpResponse<String> r = Http.raw("GET", "api/v1/lines/CMD%000001", Http.channel(), null, null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
