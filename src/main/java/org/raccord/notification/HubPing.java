package org.raccord.notification;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
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
        String body = CloudEvents.envelope(id, "ping", s.id(), now.toString())
                .add("data", Json.createObjectBuilder().add("message", "Raccord test event")).build().toString();
        try {
            WebhookPost.Answer answer = settings.post().post(URI.create(s.callbackUrl()),
                    Signatures.headers(s.liveSecrets(now), id, now.getEpochSecond(), body), body);
            return new Result(id, answer.status(), answer.status() >= 200 && answer.status() < 300, null);
        } catch (IOException | RuntimeException e) {
            return new Result(id, null, false, e.getClass().getSimpleName());
        }
    }
}
