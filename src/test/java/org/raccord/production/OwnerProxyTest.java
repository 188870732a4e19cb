package org.raccord.production;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The campaign's proxy in front of a recorded owner: what each tampering does to a real feed page. */
class OwnerProxyTest {

    private static final Pattern SEQUENCE = Pattern.compile("<ns2:Sequence>(\\d+)</ns2:Sequence>");
    private static WireMockServer owner;
    private static OwnerProxy proxy;
    private static String page;

    @BeforeAll
    static void recordedOwner() throws IOException {
        try (InputStream in = OwnerProxyTest.class.getResourceAsStream("/soap/lire-flux-commandes.xml")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        owner = new WireMockServer(options().dynamicPort());
        owner.start();
        owner.stubFor(post(urlPathMatching("/simulator/soap.*")).willReturn(aResponse().withStatus(200).withBody(page)));
        proxy = new OwnerProxy(owner.port());
    }

    @AfterEach
    void behave() {
        proxy.behave();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        owner.stop();
    }

    @Test
    void aBehavingProxyPassesTheOwnersAnswerThrough() throws Exception {
        assertThat(read("<DepuisSequence>0</DepuisSequence>")).isEqualTo(page);
    }

    @Test
    void eachTamperingChangesTheRealAnswerItsOwnWay() throws Exception {
        List<Long> sequences = sequences(page);
        assertThat(sequences).hasSizeGreaterThan(2);

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.DUPLICATED_EVENTS));
        assertThat(sequences(read("x"))).hasSize(sequences.size() * 2).containsSequence(sequences.get(0), sequences.get(0));

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.REVERSED_EVENTS));
        List<Long> reversed = new java.util.ArrayList<>(sequences);
        java.util.Collections.reverse(reversed);
        assertThat(sequences(read("x"))).containsExactlyElementsOf(reversed);

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.TRUNCATED));
        assertThat(read("x")).hasSize(page.length() / 2);

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.EXTERNAL_ENTITY));
        assertThat(read("x")).contains("<!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><soap:Envelope")
                .contains("<CodeOperateur>&x;");

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.ENTITY_EXPANSION));
        assertThat(read("x")).contains("<!ENTITY l9 \"&l8;&l8;").contains("<CodeOperateur>&l9;");

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.DEEP_NESTING));
        assertThat(read("x")).contains("<soap:Body>" + "<n>".repeat(10_000) + "</n>");

        proxy.misbehave(false, proxy.tampered(OwnerTampering.Mode.HUGE));
        assertThat(read("x")).hasSize(100 * 1024 * 1024).startsWith("<soap:Envelope");
    }

    @Test
    void onlyTheOrderFeedMisbehavesWhenAsked() throws Exception {
        proxy.misbehave(true, proxy.tampered(OwnerTampering.Mode.TRUNCATED));
        assertThat(read("<LireFluxBascules/>")).isEqualTo(page);
        assertThat(read("<LireFluxCommandes/>")).hasSize(page.length() / 2);
    }

    @Test
    void aJumpBackAsksTheOwnerFor200SequencesBefore() throws Exception {
        proxy.tampering.jumpBack = true;
        read("<ns3:DepuisSequence>1250</ns3:DepuisSequence>");
        read("<DepuisSequence>120</DepuisSequence>");
        owner.verify(postRequestedFor(urlPathMatching("/simulator/soap.*")).withRequestBody(containing("<ns3:DepuisSequence>1050<")));
        owner.verify(postRequestedFor(urlPathMatching("/simulator/soap.*")).withRequestBody(containing("<DepuisSequence>0<")));
    }

    private static String read(String body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.soapUrl() + "/x"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.body();
    }

    private static List<Long> sequences(String body) {
        Matcher m = SEQUENCE.matcher(body);
        List<Long> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }
}
