package org.raccord.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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

    /** The callback URL of a started receiver, on {@code host} (localhost or 127.0.0.1). */
    public static String callbackUrl(WireMockServer receiver, String host) {
        return "http://" + host + ":" + receiver.port() + PATH;
    }
}
