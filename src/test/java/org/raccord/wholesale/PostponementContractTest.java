package org.raccord.wholesale;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one write to the owner, {@code DemanderReportBascule}: the request as sent, the
 * acknowledgement, every refusal the contract lists, and a timeout that is not retried.
 */
class PostponementContractTest {

    private static final OffsetDateTime WANTED = OffsetDateTime.parse("2026-12-09T18:00:00+01:00");

    private static OwnerStub owner;
    private static CutoverGateway cutovers;

    @BeforeAll
    static void start() {
        owner = new OwnerStub();
        cutovers = new CutoverGateway(owner.settings());
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    private static PostponementRequest request(UUID id) {
        return new PostponementRequest(id, LineQuery.order("CMD-00000008"), WANTED);
    }

    @Test
    void theAcknowledgementCarriesTheOwnersReferenceAndTheGrantedCut() {
        owner.answer(OwnerStub.CUTOVERS, "demander-report-bascule");
        UUID id = UUID.randomUUID();

        PostponementGranted granted = cutovers.requestPostponement(request(id));

        assertThat(granted.requestId()).isEqualTo(id.toString());
        assertThat(granted.ownerReference()).isEqualTo("RPB-00000001");
        assertThat(granted.previousCut()).isEqualTo(OffsetDateTime.parse("2026-12-03T08:00:00+01:00"));
        assertThat(granted.grantedCut()).isEqualTo(WANTED);
        owner.server.verify(postRequestedFor(urlEqualTo(OwnerStub.CUTOVERS))
                .withRequestBody(matchingXPath("//*[local-name()='ReferenceDemandeOC']/text()", equalTo(id.toString())))
                .withRequestBody(matchingXPath("//*[local-name()='ReferenceCommandePriseInterneOC']/text()", equalTo("CMD-00000008")))
                .withRequestBody(matchingXPath("//*[local-name()='MotifReport']/text()", equalTo("ALIGNEMENT_LIVRAISON")))
                .withRequestBody(matchingXPath("//*[local-name()='DateBasculeSouhaitee']/text()", equalTo("2026-12-09T18:00:00.000+01:00"))));
    }

    @Test
    void anAcknowledgementOfAnotherRequestIsRefused() {
        owner.answer(OwnerStub.CUTOVERS, "demander-report-bascule",
                body -> body.replaceFirst("\\{\\{xPath request.body '//\\*\\[local-name\\(\\)=\"ReferenceDemandeOC\"\\]/text\\(\\)'\\}\\}",
                        "99999999-9999-9999-9999-999999999999"));

        assertThatThrownBy(() -> cutovers.requestPostponement(request(UUID.randomUUID())))
                .isInstanceOf(WholesaleException.MalformedAnswer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELAI_PREAVIS_INSUFFISANT", "BASCULE_EFFECTUEE", "REPORT_MAXIMAL_DEPASSE", "BASCULE_INCONNUE",
            "COMMANDE_ANNULEE", "BASCULE_ANNULEE", "REPORTS_EPUISES", "PLAN_DE_CHARGE_SATURE", "REQUETE_INVALIDE"})
    void everyRefusalIsAFunctionalFaultWithItsCode(String code) {
        owner.answer(OwnerStub.CUTOVERS, "fault-report-bascule",
                body -> body.replace("CODE", code).replace("LIBELLE", "Refus " + code));

        assertThatThrownBy(() -> cutovers.requestPostponement(request(UUID.randomUUID())))
                .isInstanceOfSatisfying(WholesaleException.FunctionalFault.class, f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.label()).isEqualTo("Refus " + code);
                });
    }

    @Test
    void aTimeoutIsNotRetriedAndARefusalOpensNoBreaker() {
        OwnerStub slow = new OwnerStub();
        try {
            NetworkOwner network = new NetworkOwner(new AccessOrderGateway(slow.settings(Duration.ofMillis(300))),
                    new CutoverGateway(slow.settings(Duration.ofMillis(300))), new OwnerGuards(GuardSettings.defaults(), Clock.systemUTC()));
            slow.respond(OwnerStub.CUTOVERS, aResponse().withStatus(200).withFixedDelay(1_500)
                    .withBody(OwnerStub.fixture("demander-report-bascule")));
            UUID id = UUID.randomUUID();

            assertThatThrownBy(() -> network.requestPostponement(request(id))).isInstanceOf(WholesaleException.Unreachable.class);
            // Reads are retried three times; the write went once. Sent again, it carries the same id.
            slow.server.verify(1, postRequestedFor(urlEqualTo(OwnerStub.CUTOVERS)));
            assertThatThrownBy(() -> network.requestPostponement(request(id))).isInstanceOf(WholesaleException.Unreachable.class);
            slow.server.verify(2, postRequestedFor(urlEqualTo(OwnerStub.CUTOVERS))
                    .withRequestBody(matchingXPath("//*[local-name()='ReferenceDemandeOC']/text()", equalTo(id.toString()))));

            slow.answer(OwnerStub.CUTOVERS, "fault-report-bascule", body -> body.replace("CODE", "DELAI_PREAVIS_INSUFFISANT"));
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> network.requestPostponement(request(UUID.randomUUID())))
                        .isInstanceOf(WholesaleException.FunctionalFault.class);
            }
            assertThat(network.guards().breaker(CutoverGateway.POSTPONE).getState().name()).isEqualTo("CLOSED");
            assertThat(network.guards().breaker(CutoverGateway.CONSULT).getState().name()).isEqualTo("CLOSED");
        } finally {
            slow.close();
        }
    }
}
