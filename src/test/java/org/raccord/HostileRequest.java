package org.raccord;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.raccord.support.HostileInputs;
import org.raccord.support.Http;
import org.raccord.support.Tokens;

/**
 * One generated request to an operation: hostile path and query parameters (some missing, some
 * twice, some unknown), a hostile body, content type and accept header, and credentials that are
 * right (most of the time), missing, or of the wrong kind; an admin action gets its CSRF token only
 * sometimes, and never the actions that would change the shared test world (the simulator's knobs
 * and hostile events, pausing polling).
 */
record HostileRequest(HttpRequest.Builder builder, String who, boolean anonymous, boolean withCsrfToken, long size) {

    private static final Set<String> NEVER_WITH_TOKEN = Set.of("/api/simulator/hostile-events", "/api/simulator/knobs",
            "/api/admin/polling/pause", "/api/admin/polling/resume");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x", "application/problem+json");
    private static final List<String> ACCEPTS = List.of("text/html", "application/xml", "*/*", "application/json;q=0", "image/png");

    static HostileRequest of(HostileClientsIT.Operation op, HostileInputs inputs, int n, String csrfToken) {
        String path = op.path();
        for (String parameter : op.pathParameters()) {
            String value = inputs.chance(0.05) ? "" : HostileClientsIT.encoded(inputs.string());
            path = path.replace("{" + parameter + "}", value);
        }
        List<String> query = new ArrayList<>();
        for (String parameter : op.queryParameters()) {
            if (inputs.chance(0.6)) {
                query.add(parameter + "=" + HostileClientsIT.encoded(inputs.string()));
            }
            if (inputs.chance(0.05)) {
                query.add(parameter + "=" + HostileClientsIT.encoded(inputs.string()));
            }
        }
        if (inputs.chance(0.05)) {
            query.add(HostileClientsIT.encoded(inputs.string()) + "=" + HostileClientsIT.encoded(inputs.string()));
        }
        URI uri = URI.create(Http.BASE + path.substring(1) + (query.isEmpty() ? "" : "?" + String.join("&", query)));

        String body = op.hasBody() && !inputs.chance(0.1) ? inputs.body(op.bodyProperties())
                : inputs.chance(0.1) ? inputs.body(List.of()) : null;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(op.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", inputs.chance(0.7) ? "application/json" : inputs.oneOf(CONTENT_TYPES));
            if (inputs.chance(0.05)) {
                builder.header("Content-Type", inputs.oneOf(CONTENT_TYPES));
            }
        }
        if (inputs.chance(0.2)) {
            builder.header("Accept", inputs.oneOf(ACCEPTS));
        }

        int credentials = inputs.chance(0.1) ? 0 : inputs.chance(0.06) ? 1 : 2;
        String who;
        if (credentials == 0) {
            who = "anonymous";
        } else if ((credentials == 1) == op.person()) {
            who = "api client";
            builder.header("Authorization", Tokens.client("hostile-" + (n % 40), "api-read", "api-register", "api-subscribe").bearer());
        } else {
            who = "admin";
            builder.header("Authorization", HostileClientsIT.basic(Http.ADMIN));
        }
        boolean token = op.action() && "admin".equals(who) && !NEVER_WITH_TOKEN.contains(op.path())
                && (!op.pathParameters().isEmpty() || op.hasBody()) && inputs.chance(0.5);
        if (token) {
            builder.header("X-CSRF-Token", csrfToken);
            who += ", CSRF token";
        }
        return new HostileRequest(builder, who, credentials == 0, token, uri.toString().length() + (body == null ? 0 : body.length()));
    }
}
