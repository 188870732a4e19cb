package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts with Apache HttpClient: the host is resolved by {@link ReceiverAddresses}, so the address
 * actually connected to is checked on every attempt; short timeouts; redirects never followed (a
 * redirect is a failure to deliver, not an invitation to post elsewhere); at most {@code total}
 * connections in all, any host may use them: several subscriptions often share one receiver's host
 * and port, and a cap per host let one slow subscription's attempts hold every connection its
 * neighbours needed (the reliability campaign's healthy subscriber waited 20 s). Each subscriber's
 * attempts, and so its connections, are capped by its lane (SubscriberLanes); the answer's body is
 * read and dropped.
 * No proxy and no system properties are used: the connection goes where the check said.
 *
 * <p>The timeouts bound each connect and each read, not a whole answer: a receiver that dribbles
 * one byte every few seconds would hold a sender thread for ever. So every attempt also has a
 * deadline (connect timeout plus twice the answer timeout), after which it is cancelled.
 */
final class HttpWebhookPost implements WebhookPost, AutoCloseable {

    private final CloseableHttpClient client;
    private final Duration deadline;
    /** Cancels attempts past their deadline; its one daemon thread only ever calls cancel(). */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    HttpWebhookPost(ReceiverAddresses addresses, Duration connectTimeout, Duration timeout, int total) {
        this.deadline = connectTimeout.plus(timeout.multipliedBy(2));
        Timeout connect = Timeout.of(connectTimeout);
        Timeout answer = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(addresses)
                        .setMaxConnPerRoute(total)
                        .setMaxConnTotal(total)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(answer).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(answer)
                        .setConnectionRequestTimeout(answer).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Override
    public Answer post(URI callback, Map<String, String> headers, String body) throws IOException {
        HttpPost request = new HttpPost(callback);
        headers.forEach(request::setHeader);
        String type = headers.getOrDefault("Content-Type", "application/json");
        request.setEntity(new StringEntity(body, ContentType.parse(type).withCharset(StandardCharsets.UTF_8)));
        ScheduledFuture<?> cancel = deadlines.schedule(() -> request.cancel(), deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Answer(response.getCode(), Optional.ofNullable(retryAfter).map(Header::getValue)
                        .flatMap(HttpWebhookPost::retryAfter));
            });
        } finally {
            cancel.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
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
