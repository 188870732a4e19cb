package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

/**
 * The hub's test event: signed like any other, sent at once, not stored, not retried. A ping
 * answers with the receiver's status, so each subscription gets a small budget of its own
 * ({@code raccord.hub.pingsPerMinute}): the hub is a test button, not a way to probe receivers.
 */
@ApplicationScoped
public class HubPing {

    @Inject
    NotificationSettings settings;

    private RateLimiterRegistry budgets;

    /** What the receiver answered. */
    public record Result(String eventId, Integer status, boolean delivered, String error) {
    }

    @PostConstruct
    void build() {
        budgets = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(settings.pingsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());
    }

    /** The ping's result, or empty when this subscription has spent its pings for the minute. */
    Optional<Result> sendWithinBudget(Subscription s) {
        return budgets.rateLimiter(s.id()).acquirePermission() ? Optional.of(send(s)) : Optional.empty();
    }

    Result send(Subscription s) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String body = CloudEvents.envelope(id, "ping", s.id(), now.toString())
                .add("data", Json.createObjectBuilder().add("message", "Raccord test event")).build().toString();
        try {
            WebhookPost.Answer answer = settings.post().post(URI.create(s.callbackUrl()),
                    Signatures.headers(s.liveSecrets(now), id, now.getEpochSecond(), body), body);
            return new Result(id, answer.status(), answer.status() >= 200 && answer.status() < 300, null);
        } catch (ReceiverAddresses.RefusedAddress e) {
            return new Result(id, null, false, "the callback host now resolves to an internal address: not sent");
        } catch (IOException | RuntimeException e) {
            return new Result(id, null, false, e.getClass().getSimpleName());
        }
    }
}
