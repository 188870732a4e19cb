package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

/** The hub's test event: signed like any other, sent at once, not stored, not retried. */
@ApplicationScoped
public class HubPing {

    @Inject
    NotificationSettings settings;

    /** What the receiver answered. */
    public record Result(String eventId, Integer status, boolean delivered, String error) {
    }

    Result send(Subscription s) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String body = Json.createObjectBuilder().add("specversion", "1.0").add("id", id).add("source", CloudEvents.SOURCE)
                .add("type", CloudEvents.type("ping")).add("subject", s.id()).add("time", now.toString())
                .add("datacontenttype", "application/json")
                .add("data", Json.createObjectBuilder().add("message", "Raccord test event")).build().toString();
        long timestamp = now.getEpochSecond();
        try {
            WebhookPost.Answer answer = settings.post().post(URI.create(s.callbackUrl()), Map.of(
                    "Content-Type", CloudEvents.MEDIA_TYPE, "webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", Signatures.sign(s.liveSecrets(now), id, timestamp, body)), body);
            return new Result(id, answer.status(), answer.status() >= 200 && answer.status() < 300, null);
        } catch (IOException | RuntimeException e) {
            return new Result(id, null, false, e.getClass().getSimpleName());
        }
    }
}
