package org.raccord.notification;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Standard Webhooks signing (the reference library): {@code webhook-signature} is "v1,<base64
 * HMAC-SHA256 of id.timestamp.body>" for each live secret, space-separated, so that a receiver
 * rotating its secret verifies with either during the grace period.
 */
final class Signatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: "whsec_" and 32 random bytes in base64. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The headers of one webhook attempt: content type, id, timestamp and signature(s). */
    static Map<String, String> headers(List<String> secrets, String id, long timestampSeconds, String body) {
        return Map.of("Content-Type", CloudEvents.MEDIA_TYPE, "webhook-id", id,
                "webhook-timestamp", Long.toString(timestampSeconds),
                "webhook-signature", sign(secrets, id, timestampSeconds, body));
    }

    static String sign(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(id, timestampSeconds, body);
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("cannot sign with a subscription secret", e);
            }
        }).collect(Collectors.joining(" "));
    }
}
