package org.raccord.production;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock proxy between the instances and the simulated owner: it passes everything through
 * until a test makes the owner misbehave ({@link #misbehave}), on every SOAP call or on the order
 * feed alone, and behaves again with {@link #behave}. The owner's quota is counted by the owner
 * itself, behind the proxy.
 */
final class OwnerProxy implements AutoCloseable {

    private static final String RECORDED_ID = "11111111-2222-3333-4444-555555555555";
    private static final String ECHO_ID = "{{xPath request.body '//*[local-name()=\"IdentifiantRequete\"]/text()'}}";

    final OwnerTampering tampering = new OwnerTampering();
    /** The stubs of the misbehaviour in force; the pass-through stays underneath them. */
    private final java.util.List<com.github.tomakehurst.wiremock.stubbing.StubMapping> misbehaving = new java.util.ArrayList<>();
    private final WireMockServer server;
    private final String owner;

    OwnerProxy(int ownerPort) {
        owner = "http://localhost:" + ownerPort;
        // Delayed and dribbled answers wait off the container's threads.
        server = new WireMockServer(options().dynamicPort().containerThreads(80).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(40).disableRequestJournal().extensions(tampering));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(owner)));
    }

    /** The owner's SOAP address as the instances reach it, through the proxy. */
    String soapUrl() {
        return server.baseUrl() + "/simulator/soap";
    }

    /** Everything passes through to the owner again. */
    void behave() {
        tampering.jumpBack = false;
        misbehaving.forEach(server::removeStub);
        misbehaving.clear();
    }

    /** Every SOAP call ({@code orderFeedOnly} false) or the order feed's reads alone answered by {@code answer}. */
    void misbehave(boolean orderFeedOnly, ResponseDefinitionBuilder answer) {
        MappingBuilder calls = post(urlPathMatching("/simulator/soap.*")).atPriority(1);
        if (orderFeedOnly) {
            calls = calls.withRequestBody(containing("LireFluxCommandes"));
        }
        misbehaving.add(server.stubFor(calls.willReturn(answer)));
    }

    /** The owner's real answer, changed by the tampering {@code mode}. */
    ResponseDefinitionBuilder tampered(OwnerTampering.Mode mode) {
        return aResponse().proxiedFrom(owner).withTransformers(OwnerTampering.NAME).withTransformerParameter("mode", mode.name());
    }

    /** The owner's real answer, passed through (a delay or a dribble is then added by the caller). */
    ResponseDefinitionBuilder passed() {
        return aResponse().proxiedFrom(owner);
    }

    /** A recorded SOAP fault ({@code src/test/resources/soap}), echoing the request's id as the owner does. */
    static ResponseDefinitionBuilder fault(String fixture, UnaryOperator<String> edit) {
        try (InputStream in = OwnerProxy.class.getResourceAsStream("/soap/" + fixture + ".xml")) {
            String body = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(RECORDED_ID, ECHO_ID));
            return aResponse().withStatus(500).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body)
                    .withTransformers("response-template");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
