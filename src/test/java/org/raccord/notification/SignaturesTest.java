package org.raccord.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures, checked the way a receiver checks them: with the Standard Webhooks reference library. */
class SignaturesTest {

    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"org.raccord.line.delivered\"}";

    @Test
    void aReceiverVerifiesOurSignatureAndRefusesATamperedBody() throws Exception {
        String secret = Signatures.newSecret();
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = headers("e-1", now, Signatures.sign(List.of(secret), "e-1", now, BODY));

        assertThat(secret).startsWith("whsec_");
        assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(BODY, headers));
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("delivered", "cancelled"), headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsVerify() throws Exception {
        String old = Signatures.newSecret();
        String fresh = Signatures.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = Signatures.sign(List.of(fresh, old), "e-2", now, BODY);

        assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThatNoException().isThrownBy(() -> new Webhook(old).verify(BODY, headers("e-2", now, signature)));
        assertThatNoException().isThrownBy(() -> new Webhook(fresh).verify(BODY, headers("e-2", now, signature)));
    }

    static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
