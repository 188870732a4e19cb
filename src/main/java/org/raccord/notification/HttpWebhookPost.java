package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Posts with the JDK's HTTP client: short timeouts, redirects never followed (a redirect is a
 * failure to deliver, not an invitation to post elsewhere), the answer's body ignored.
 */
final class HttpWebhookPost implements WebhookPost {

    private final HttpClient client;
    private final Duration timeout;

    HttpWebhookPost(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    @Override
    public Answer post(URI callback, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").flatMap(HttpWebhookPost::retryAfter));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter(d -> !d.isNegative());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
