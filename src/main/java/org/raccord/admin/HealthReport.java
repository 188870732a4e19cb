package org.raccord.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The answer of a health endpoint in the MicroProfile Health wire format: UP only if every check
 * is UP. A check that throws is DOWN, named by its failure's type and nothing more.
 */
public record HealthReport(boolean up, JsonObject body) {

    public static HealthReport of(List<HealthCheck> checks) {
        boolean up = true;
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse r;
            try {
                r = check.call();
            } catch (RuntimeException e) {
                r = new HealthCheckResponse(check.getClass().getSimpleName(), HealthCheckResponse.Status.DOWN,
                        Optional.of(Map.of("error", e.getClass().getSimpleName())));
            }
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder one = Json.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name());
            r.getData().filter(d -> !d.isEmpty()).ifPresent(d -> one.add("data", data(d)));
            all.add(one);
        }
        return new HealthReport(up, Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", all).build());
    }

    public int httpStatus() {
        return up ? 200 : 503;
    }

    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        data.forEach((k, v) -> {
            if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof Long || v instanceof Integer) {
                b.add(k, ((Number) v).longValue());
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b;
    }
}
