package org.raccord.notification;

import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.JsonObject;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.raccord.support.Deployments;
import org.raccord.support.Http;
import org.raccord.support.LedgerProbe;
import org.raccord.support.Tokens;
import org.raccord.support.WebhookReceiver;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox row is the message: it commits with the status change it describes, or not at all.
 * A change applied through the real ledger and rolled back leaves no row and sends nothing, while
 * the same change committed afterwards reaches the subscriber (proof that the courier ran past the
 * point where the rolled-back message would have been).
 */
@ExtendWith(ArquillianExtension.class)
class OutboxRollbackIT {

    /**
     * Signed with the server's key, which the server makes when it first starts: not before the
     * deployment (a class that runs first would find no key), hence on first use.
     */
    private static String smsPlatformToken;

    private static String smsPlatform() {
        if (smsPlatformToken == null) {
            smsPlatformToken = Tokens.client("rollback-receiver", "api-subscribe").bearer();
        }
        return smsPlatformToken;
    }

    @RegisterExtension
    static final WireMockExtension receiver = WebhookReceiver.extension();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.raccord("raccord-rollback-it").addClass(LedgerProbe.class);
    }

    @Test
    void aRolledBackStatusChangeProducesNoMessage() {
        HttpResponse<String> created = Http.post("api/v1/hub", smsPlatform(), "{\"callbackUrl\":\"http://localhost:"
                + receiver.getPort() + "/hook\",\"eventTypes\":[\"delivery-date.set\"]}");
        assertThat(created.statusCode()).isEqualTo(201);

        JsonObject rolledBack = Http.json(Http.post("it/ledger-probe?order=ROLLBACK-0001&commit=false", Http.ADMIN, ""));
        assertThat(rolledBack.getInt("outboxInTransaction")).as("the change wrote its message inside the transaction").isPositive();
        JsonObject afterRollback = Http.json(Http.get("it/ledger-probe?order=ROLLBACK-0001", Http.ADMIN));
        assertThat(afterRollback.getBoolean("tracked")).isFalse();
        assertThat(afterRollback.getInt("outbox")).isZero();

        JsonObject committed = Http.json(Http.post("it/ledger-probe?order=COMMITTED-0001&commit=true", Http.ADMIN, ""));
        assertThat(committed.getInt("outboxInTransaction")).isPositive();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))
                        .withRequestBody(containing("\"subject\":\"COMMITTED-0001\"")))).hasSize(1));

        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")).withRequestBody(containing("ROLLBACK-0001"))))
                .as("nothing was sent for the rolled-back change").isEmpty();
    }
}
