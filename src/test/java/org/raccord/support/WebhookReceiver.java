package org.raccord.support;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A subscriber's receiver for the integration tests: WireMock on a free port, answering 204 at {@value #PATH}. */
public final class WebhookReceiver {

    public static final String PATH = "/hook";

    private WebhookReceiver() {
    }

    /** Started; the caller stops it. */
    public static WireMockServer started() {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        return receiver;
    }

    /**
     * The receiver of one test class: {@code @RegisterExtension static final WireMockExtension receiver
     * = WebhookReceiver.extension();} starts before its first test and stops after its last, and
     * keeps what it received across its tests.
     */
    public static WireMockExtension extension() {
        return new Answering(new WireMockExtension.Builder().options(WireMockConfiguration.options().dynamicPort())
                .resetOnEachTest(false));
    }

    /** Answers 204 at {@value #PATH} from the start. */
    private static final class Answering extends WireMockExtension {

        Answering(Builder builder) {
            super(builder);
        }

        @Override
        protected void onBeforeAll(WireMockRuntimeInfo runtime) {
            stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(204)));
        }
    }

    /** The callback URL of a started receiver, on {@code host} (localhost or 127.0.0.1). */
    public static String callbackUrl(WireMockServer receiver, String host) {
        return "http://" + host + ":" + receiver.port() + PATH;
    }

    /**
     * Verifies a received webhook's signature with the Standard Webhooks reference library, which
     * also refuses a timestamp more than 5 minutes away: verify as webhooks arrive.
     */
    public static void verify(LoggedRequest webhook, String secret)
            throws EmptyWebhookSecretException, WebhookVerificationException {
        new Webhook(secret).verify(webhook.getBodyAsString(), Map.of(
                "webhook-id", List.of(webhook.getHeader("webhook-id")),
                "webhook-timestamp", List.of(webhook.getHeader("webhook-timestamp")),
                "webhook-signature", List.of(webhook.getHeader("webhook-signature"))));
    }
}
