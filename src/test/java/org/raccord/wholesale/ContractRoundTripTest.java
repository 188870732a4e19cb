package org.raccord.wholesale;

import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.OrderEvent;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.CutoverState;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.PortingState;
import org.raccord.tracking.ServiceState;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of both contracts, from recorded envelopes to Raccord's records and exceptions. */
class ContractRoundTripTest {

    private static OwnerStub owner;
    private static AccessOrderGateway orders;
    private static CutoverGateway cutovers;

    @BeforeAll
    static void start() {
        owner = new OwnerStub();
        orders = new AccessOrderGateway(owner.settings());
        cutovers = new CutoverGateway(owner.settings());
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    @Test
    void consultOrderTranslatesTheWholeOrder() {
        owner.answer(OwnerStub.ORDERS, "consulter-commande-lettre");

        OrderSnapshot order = orders.consult(LineQuery.order("CMD-00000001"));

        assertThat(order.orderReference()).isEqualTo("CMD-00000001");
        assertThat(order.serviceReference()).isEqualTo("VIA657942680");
        assertThat(order.fibre()).isFalse();
        assertThat(order.ndi()).isEqualTo("0139421662");
        assertThat(order.ownerState()).isEqualTo("PLANIFIEE");
        assertThat(order.state()).isEqualTo(ServiceState.IN_PROGRESS);
        assertThat(order.committedDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(order.appointment().start().getHour()).isEqualTo(8);
        assertThat(order.lastReason().code()).isEqualTo("FINT01");
        assertThat(order.lastSequence()).isEqualTo(810);
        assertThat(order.events()).extracting(OrderEvent::kind).containsSubsequence(
                OrderEventKind.ACKNOWLEDGED, OrderEventKind.ACCEPTED, OrderEventKind.APPOINTMENT_BOOKED,
                OrderEventKind.JEOPARDY, OrderEventKind.DELIVERY_DATE_REVISED, OrderEventKind.APPOINTMENT_MOVED);
        OrderEvent revised = order.events().stream()
                .filter(e -> e.kind() == OrderEventKind.DELIVERY_DATE_REVISED).findFirst().orElseThrow();
        assertThat(revised.previousDeliveryDate()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(revised.deliveryDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(revised.reason().label()).isEqualTo("Point de mutualisation saturé");

        owner.server.verify(postRequestedFor(urlEqualTo(OwnerStub.ORDERS))
                .withRequestBody(matchingXPath("//*[local-name()='ReferenceCommandePriseInterneOC']/text()", 
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("CMD-00000001")))
                .withRequestBody(matchingXPath("//*[local-name()='CodeOperateur']/text()",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("RACC"))));
    }

    @Test
    void orderFeedPageCarriesItsCursor() {
        owner.answer(OwnerStub.ORDERS, "lire-flux-commandes");

        FeedPage<OrderEvent> page = orders.readFeed(0, 6);

        assertThat(page.events()).hasSize(6);
        assertThat(page.events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(page.next()).isEqualTo(6);
        assertThat(page.more()).isTrue();
        assertThat(page.lastPublished()).isGreaterThan(6);
    }

    @Test
    void consultCutoverTranslatesTheTakeover() {
        owner.answer(OwnerStub.CUTOVERS, "consulter-bascule-lettre");

        CutoverSnapshot cutover = cutovers.consult(new LineQuery(LineQuery.Kind.NDI, "0139421662"));

        assertThat(cutover.state()).isEqualTo(CutoverState.DONE);
        assertThat(cutover.ndi()).isEqualTo("0139421662");
        assertThat(cutover.losingOperator()).matches("[A-Z0-9]{4}");
        assertThat(cutover.plannedAt()).isNotNull();
        assertThat(cutover.cutAt()).isEqualTo(cutover.plannedAt());
        assertThat(cutover.porting()).isEqualTo(PortingState.REQUESTED);
        assertThat(cutover.events()).extracting(CutoverEvent::kind)
                .containsExactly(CutoverEventKind.SCHEDULED, CutoverEventKind.PREVIOUS_SERVICE_CUT);
    }

    @Test
    void cutoverFeedPageCarriesItsCursor() {
        owner.answer(OwnerStub.CUTOVERS, "lire-flux-bascules");

        FeedPage<CutoverEvent> page = cutovers.readFeed(0, 4);

        assertThat(page.events()).hasSize(4);
        assertThat(page.events().get(0).sequence()).isEqualTo(1);
        assertThat(page.next()).isEqualTo(4);
        assertThat(page.more()).isTrue();
    }

    @Test
    void functionalFaultIsAnAnswerNotATrouble() {
        owner.answer(OwnerStub.ORDERS, "fault-fonctionnelle");

        assertThatThrownBy(() -> orders.consult(LineQuery.order("CMD-99999999")))
                .isInstanceOfSatisfying(WholesaleException.FunctionalFault.class, f -> {
                    assertThat(f.code()).isEqualTo("CMD_INCONNUE");
                    assertThat(f.operation()).isEqualTo("accessOrder.consult");
                });
    }

    @Test
    void technicalFaultIsTyped() {
        owner.answer(OwnerStub.ORDERS, "fault-technique");

        assertThatThrownBy(() -> orders.readFeed(0, 6))
                .isInstanceOfSatisfying(WholesaleException.TechnicalFault.class, f -> {
                    assertThat(f.code()).isEqualTo("ERREUR_INTERNE");
                    assertThat(f.retryAfter()).isEmpty();
                });
    }

    @Test
    void maintenanceSaysWhenToComeBack() {
        owner.answer(OwnerStub.ORDERS, "fault-maintenance");

        assertThatThrownBy(() -> orders.readFeed(0, 6))
                .isInstanceOfSatisfying(WholesaleException.TechnicalFault.class, f -> {
                    assertThat(f.code()).isEqualTo("MAINTENANCE");
                    assertThat(f.retryAfter()).contains(Duration.ofSeconds(49_546));
                });
    }

    @Test
    void throttlingFaultCarriesRetryAfter() {
        owner.answer(OwnerStub.ORDERS, "fault-quota");

        assertThatThrownBy(() -> orders.readFeed(0, 6))
                .isInstanceOfSatisfying(WholesaleException.Throttled.class,
                        f -> assertThat(f.retryAfter()).contains(Duration.ofSeconds(1)));
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() {
        String foreign = OwnerStub.fixture("lire-flux-commandes");
        owner.respond(OwnerStub.ORDERS, com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withHeader("Content-Type", "text/xml").withBody(foreign));

        assertThatThrownBy(() -> orders.readFeed(0, 6)).isInstanceOf(WholesaleException.MalformedAnswer.class)
                .hasMessageContaining("request id");
    }
}
