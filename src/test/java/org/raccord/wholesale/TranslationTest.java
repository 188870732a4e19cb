package org.raccord.wholesale;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.tracking.BoundedText;
import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.CutoverEventKind;
import org.raccord.tracking.OrderEvent;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.PortingState;
import org.raccord.tracking.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every flow and every reason family, from SOAP fixtures to Raccord's model; unknown codes kept and flagged. */
class TranslationTest {

    private static OwnerStub owner;

    @BeforeAll
    static void start() {
        owner = new OwnerStub();
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    @Test
    void everyOrderFlowHasItsMeaning() {
        owner.answer(OwnerStub.ORDERS, "lire-flux-commandes-tous-flux");

        List<OrderEvent> events = new AccessOrderGateway(owner.settings()).readFeed(100, 1000).events();

        assertThat(events).extracting(OrderEvent::flow, OrderEvent::kind).containsExactly(
                tuple("AR", OrderEventKind.ACKNOWLEDGED),
                tuple("CR_CMD", OrderEventKind.REJECTED),
                tuple("CR_CMD", OrderEventKind.ACCEPTED),
                tuple("RDV_PRIS", OrderEventKind.APPOINTMENT_BOOKED),
                tuple("RDV_REPORTE", OrderEventKind.APPOINTMENT_MOVED),
                tuple("RETARD", OrderEventKind.JEOPARDY),
                tuple("REVISION_DATE_LIVRAISON", OrderEventKind.DELIVERY_DATE_REVISED),
                tuple("CR_STOC", OrderEventKind.CONNECTED),
                tuple("CR_MAD", OrderEventKind.DELIVERED),
                tuple("CR_MES", OrderEventKind.IN_SERVICE),
                tuple("NOTIF_REPROVISIONING", OrderEventKind.REPROVISIONED),
                tuple("CR_ANNUL", OrderEventKind.CANCELLED),
                tuple("CR_RESIL", OrderEventKind.TERMINATED),
                tuple("RETARD", OrderEventKind.JEOPARDY));
        OrderEvent revised = events.get(6);
        assertThat(revised.deliveryDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(revised.previousDeliveryDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(events.get(8).ptoReference()).isEqualTo("FI-ABCD-1234");
        assertThat(events.get(8).effectiveAt()).isNotNull();
        assertThat(events.get(4).appointment().start().getHour()).isEqualTo(13);
    }

    @Test
    void everyReasonFamilyIsReadAndUnknownCodesAreKeptAndFlagged() {
        owner.answer(OwnerStub.ORDERS, "lire-flux-commandes-tous-flux");

        List<Reason> reasons = new AccessOrderGateway(owner.settings()).readFeed(100, 1000).events().stream()
                .map(OrderEvent::reason).filter(r -> r != null).toList();

        assertThat(reasons).extracting(Reason::code, Reason::known).containsExactly(
                tuple("FIMP07", true), tuple("FRDV04", true), tuple("FINT03", true), tuple("FINT99", false),
                tuple("FADR02", true), tuple("FCLI05", true), tuple("FAUT01", true), tuple("ZZZ42", false));
        Reason fint03 = reasons.get(2);
        assertThat(fint03.label()).isEqualTo("Absence de continuité optique");
        assertThat(fint03.plainFr()).isEqualTo("la fibre est coupée entre le réseau et le logement");
        assertThat(fint03.plainEn()).isEqualTo("the fibre is broken between the network and the home");
        Reason newInKnownFamily = reasons.get(3);
        assertThat(newInKnownFamily.label()).isEqualTo("Nouveau code du réseau");
        assertThat(newInKnownFamily.plainEn()).isEqualTo("a network production problem");
        Reason freeText = reasons.get(6);
        assertThat(freeText.plainFr()).isEqualTo("Résiliation demandée par courrier");
        Reason unknown = reasons.get(7);
        assertThat(unknown.label()).isEqualTo("Code inconnu");
        assertThat(unknown.plainFr()).isEqualTo("motif non précisé");
    }

    @Test
    void overLongOwnerTextsAreClippedToTheirColumnsAndKeptVerbatimBesideTheEvent() {
        String label = "Absence de continuité optique 😀 " + "x".repeat(5_000);
        String code = "FINT03-" + "9".repeat(40);
        owner.answer(OwnerStub.ORDERS, "lire-flux-commandes-tous-flux", body -> body
                .replace("<Libelle>Absence de continuité optique</Libelle>", "<Libelle>" + label + "</Libelle>")
                .replace("<Code>FRDV04</Code>", "<Code>" + code + "</Code>"));

        List<OrderEvent> events = new AccessOrderGateway(owner.settings()).readFeed(100, 1000).events();

        OrderEvent longLabel = events.stream().filter(e -> e.reason() != null && e.reason().code().equals("FINT03"))
                .findFirst().orElseThrow();
        assertThat(longLabel.reason().label()).hasSize(200).startsWith("Absence de continuité optique 😀 xxx").endsWith("…");
        assertThat(longLabel.reason().known()).as("the code is still read").isTrue();
        assertThat(longLabel.ownerText()).isEqualTo("label: " + label);
        OrderEvent longCode = events.stream().filter(e -> e.reason() != null && e.reason().code().startsWith("FINT03-"))
                .findFirst().orElseThrow();
        assertThat(longCode.reason().code()).hasSize(16).isEqualTo("FINT03-99999999…");
        assertThat(longCode.reason().known()).as("an unknown code, read by its family").isFalse();
        assertThat(longCode.reason().plainEn()).isEqualTo("a network production problem");
        assertThat(longCode.ownerText()).isEqualTo("code: " + code);
        assertThat(events).filteredOn(e -> e.ownerText() != null).hasSize(2);
    }

    @Test
    void aClippedTextNeverEndsWithHalfACharacter() {
        String text = "a".repeat(198) + "😀" + "b";
        assertThat(BoundedText.clip(text, 200)).isEqualTo("a".repeat(198) + "…");
        assertThat(BoundedText.clip("short", 200)).isEqualTo("short");
    }

    @Test
    void everyCutoverFlowHasItsMeaning() {
        owner.answer(OwnerStub.CUTOVERS, "lire-flux-bascules-tous-flux");

        List<CutoverEvent> events = new CutoverGateway(owner.settings()).readFeed(200, 1000).events();

        assertThat(events).extracting(CutoverEvent::kind).containsExactly(CutoverEventKind.SCHEDULED,
                CutoverEventKind.RESCHEDULED, CutoverEventKind.PREVIOUS_SERVICE_CUT, CutoverEventKind.PORTING_CHANGED,
                CutoverEventKind.CANCELLED);
        assertThat(events.get(1).previousPlannedAt()).isEqualTo(events.get(0).plannedAt());
        assertThat(events.get(2).cutAt()).isNotNull();
        assertThat(events.get(3).porting()).isEqualTo(PortingState.FAILED);
        assertThat(events.get(3).reason().known()).isFalse();
        assertThat(events.get(3).reason().plainFr()).isEqualTo("motif lié au client");
        assertThat(events).allSatisfy(e -> assertThat(e.losingOperator()).isEqualTo("BOUY"));
    }
}
