package org.raccord.wholesale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raccord.tracking.OrderEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Upstream answers Raccord must refuse without harm: XML attacks, documents over the limits,
 * broken transports. Each becomes a typed exception; none reads a file or exhausts memory.
 */
class HostileAnswerTest {

    private static final String ENVELOPE_START = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
    private static final String ENVELOPE_END = "</soap:Body></soap:Envelope>";

    private static OwnerStub owner;
    private static AccessOrderGateway orders;

    @BeforeAll
    static void start() {
        owner = new OwnerStub();
        orders = new AccessOrderGateway(owner.settings(Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    @Test
    void externalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4242");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + ENVELOPE_START + "<x>&x;</x>" + ENVELOPE_END;
        owner.respond(OwnerStub.ORDERS, xml(body));

        Throwable failure = catchThrowable(() -> orders.readFeed(0, 10));

        assertThat(failure).isInstanceOf(WholesaleException.MalformedAnswer.class);
        assertThat(chainText(failure)).doesNotContain("TOP-SECRET-4242");
    }

    @Test
    void aPageWhoseEventsComeOutOfOrderIsReadInSequenceOrder() {
        // The page's first two events swapped.
        owner.answer(OwnerStub.ORDERS, "lire-flux-commandes", body -> body.replaceFirst(
                "(?s)(<ns2:Evenement>.*?</ns2:Evenement>)(\\s*)(<ns2:Evenement>.*?</ns2:Evenement>)", "$3$2$1"));

        List<Long> sequences = orders.readFeed(0, 10).events().stream().map(OrderEvent::sequence).toList();

        assertThat(sequences).hasSizeGreaterThan(2).isSorted();
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        owner.respond(OwnerStub.ORDERS, xml("<?xml version=\"1.0\"?>" + dtd + ENVELOPE_START + "<x>&a9;</x>" + ENVELOPE_END));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.MalformedAnswer.class);
    }

    @Test
    void tooManyElementsAreRefused() {
        String event = "<e>1</e>";
        owner.respond(OwnerStub.ORDERS, xml(ENVELOPE_START + "<r>" + event.repeat(150_000) + "</r>" + ENVELOPE_END));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.MalformedAnswer.class);
    }

    @Test
    void documentOverTheSizeLimitIsRefused() {
        WholesaleSettings d = owner.settings();
        AccessOrderGateway small = new AccessOrderGateway(new WholesaleSettings(d.baseUrl(), d.operatorCode(),
                d.connectTimeout(), d.receiveTimeout(), 50_000, d.maxElementCount(), null));
        String chunk = "<e>" + "x".repeat(500) + "</e>";
        owner.respond(OwnerStub.ORDERS, xml(ENVELOPE_START + "<r>" + chunk.repeat(200) + "</r>" + ENVELOPE_END));

        assertThatThrownBy(() -> small.readFeed(0, 10)).isInstanceOf(WholesaleException.MalformedAnswer.class);
    }

    @Test
    void notXmlAtAllIsMalformed() {
        owner.respond(OwnerStub.ORDERS, aResponse().withHeader("Content-Type", "text/xml").withBody("{\"oops\": true}"));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.MalformedAnswer.class);
    }

    @Test
    void connectionResetIsUnreachable() {
        owner.respond(OwnerStub.ORDERS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
    }

    @Test
    void emptyResponseIsUnreachable() {
        owner.respond(OwnerStub.ORDERS, aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
    }

    @Test
    void malformedChunkIsUnreachable() {
        owner.respond(OwnerStub.ORDERS, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertThatThrownBy(() -> orders.readFeed(0, 10))
                .isInstanceOfAny(WholesaleException.Unreachable.class, WholesaleException.MalformedAnswer.class);
    }

    @Test
    void httpErrorWithoutSoapIsUnreachable() {
        owner.respond(OwnerStub.ORDERS, aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Service Unavailable</body></html>"));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class)
                .hasMessageContaining("503");
    }

    @Test
    void answerSlowerThanTheReceiveTimeoutIsUnreachable() {
        owner.respond(OwnerStub.ORDERS, aResponse().withFixedDelay(5_000).withHeader("Content-Type", "text/xml")
                .withBody(OwnerStub.fixture("lire-flux-commandes")));

        assertThatThrownBy(() -> orders.readFeed(0, 10)).isInstanceOf(WholesaleException.Unreachable.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body);
    }

    private static String chainText(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c).append('\n');
        }
        return text.toString();
    }
}
