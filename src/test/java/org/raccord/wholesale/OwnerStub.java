package org.raccord.wholesale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock owner answering with envelopes recorded from the simulator
 * ({@code src/test/resources/soap}). The recorded request id is replaced by the id of the request
 * being answered, as a real owner echoes it.
 */
final class OwnerStub implements AutoCloseable {

    static final String ORDERS = "/owner/suivi-commande-acces/v1";
    static final String CUTOVERS = "/owner/suivi-bascule/v1";
    private static final String RECORDED_ID = "11111111-2222-3333-4444-555555555555";
    private static final String ECHO_ID =
            "{{xPath request.body '//*[local-name()=\"IdentifiantRequete\"]/text()'}}";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    OwnerStub() {
        server.start();
    }

    WholesaleSettings settings() {
        return settings(Duration.ofSeconds(2));
    }

    WholesaleSettings settings(Duration receiveTimeout) {
        WholesaleSettings d = WholesaleSettings.defaults(URI.create(server.baseUrl() + "/owner"));
        return new WholesaleSettings(d.baseUrl(), d.operatorCode(), Duration.ofSeconds(1), receiveTimeout,
                d.maxXmlCharacters(), d.maxElementCount(), null);
    }

    /** Answers every call on {@code path} with a recorded envelope, with HTTP 200 or 500 for faults. */
    void answer(String path, String fixture) {
        answer(path, fixture, body -> body);
    }

    /** Answers with a recorded envelope changed by {@code edit}: the owner saying something unusual. */
    void answer(String path, String fixture, java.util.function.UnaryOperator<String> edit) {
        String body = edit.apply(fixture(fixture).replace(RECORDED_ID, ECHO_ID));
        int status = fixture.startsWith("fault") ? 500 : 200;
        respond(path, aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody(body).withTransformers("response-template"));
    }

    void respond(String path, ResponseDefinitionBuilder response) {
        server.resetAll();
        server.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    static String fixture(String name) {
        try (var in = OwnerStub.class.getResourceAsStream("/soap/" + name + ".xml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
