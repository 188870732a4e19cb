package org.raccord.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One Raccord server of a test, reached over HTTPS on its own port, with an operator's sign-in. */
record Instance(String name, LibertyServer server, String base, HttpClient client, String operator) {

    HttpResponse<String> get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), authorization, null);
    }

    HttpResponse<String> post(String path, String authorization, String csrfToken, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        return send(request, authorization, csrfToken);
    }

    HttpResponse<String> delete(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), authorization, null);
    }

    /** An operator's view of a console endpoint, as JSON. */
    JsonObject admin(String path) {
        HttpResponse<String> response = get("api/admin/" + path, operator);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The instance's Prometheus text at {@code /metrics}, line by line. */
    List<String> metrics() {
        HttpResponse<String> metrics = get("metrics", operator);
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException(name + " /metrics: " + metrics.statusCode());
        }
        return metrics.body().lines().toList();
    }

    /** A metric of {@link #metrics()} (summed over its labels); NaN if absent. */
    double metric(String name) {
        return metrics().stream().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(Instance::sample).reduce(Double::sum).orElse(Double.NaN);
    }

    /** The value of one line of Prometheus text. */
    static double sample(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization, String csrfToken) {
        request.timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
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
}
