package org.raccord.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A small HTTP client for integration tests. People (operations) sign in with Basic credentials of
 * the local profile; API clients send bearer tokens ({@link #channel()}, {@link #backOffice()}).
 */
public final class Http {

    public static final String BASE = System.getProperty("raccord.it.baseUrl", "http://localhost:9080/");
    public static final String READER = "reader:" + System.getProperty("raccord.it.readerPassword", "reader-local");
    public static final String ADMIN = "admin:" + System.getProperty("raccord.it.adminPassword", "admin-local");
    public static final String MONITOR = "monitor:" + System.getProperty("raccord.it.monitorPassword", "monitor-local");

    /** A customer channel's token: read scope only. */
    public static String channel() {
        return Tokens.client("portal", "api-read").bearer();
    }

    /** A back office's token: read and register scopes. */
    public static String backOffice() {
        return Tokens.client("backoffice", "api-read", "api-register").bearer();
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(String path, String user, String... headers) {
        HttpRequest.Builder builder = request(path, user).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public static HttpResponse<String> post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request with any method, content type and body (null for none): for hostile-input tests. */
    public static HttpResponse<String> raw(String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder builder = request(path, user);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An operator's action: a POST with a JSON body (or none) and the given header pairs (the CSRF token). */
    public static HttpResponse<String> action(String path, String user, String json, String... headers) {
        HttpRequest.Builder builder = request(path, user);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The header pair that makes {@code user}'s request an action they sent: their CSRF token (GET /api/admin/session). */
    public static String[] csrf(String user) {
        return new String[] {"X-CSRF-Token", json(get("api/admin/session", user)).getString("csrfToken")};
    }

    /** An operator's PUT: a JSON body and the given header pairs (the CSRF token). */
    public static HttpResponse<String> put(String path, String user, String json, String... headers) {
        HttpRequest.Builder builder = request(path, user).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    public static jakarta.json.JsonArray jsonArray(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** {@code user} is either Basic "name:password" or a whole "Bearer ..." header value. */
    private static HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(BASE).resolve(path)).timeout(Duration.ofSeconds(30));
        if (user != null && user.startsWith("Bearer ")) {
            builder.header("Authorization", user);
        } else if (user != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    /** Every answer of an API operation is checked against the served OpenAPI document ({@link Contract}). */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response = sendUnchecked(built);
        Contract.check(built, response);
        return response;
    }

    /** A GET whose answer is not checked against the contract (the contract itself). */
    static HttpResponse<String> unchecked(String path) {
        return sendUnchecked(request(path, READER).GET().build());
    }

    private static HttpResponse<String> sendUnchecked(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
