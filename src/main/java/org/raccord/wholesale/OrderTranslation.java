package org.raccord.wholesale;

import org.raccord.tracking.OrderEvent;
import java.util.List;

import org.raccord.tracking.AppointmentWindow;
import org.raccord.tracking.BoundedText;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.Reason;
import org.raccord.wholesale.soap.common.CreneauRdv;
import org.raccord.wholesale.soap.common.Motif;
import org.raccord.wholesale.soap.order.Commande;
import org.raccord.wholesale.soap.order.EvenementCommande;
import org.raccord.wholesale.soap.order.Resultat;
import org.raccord.wholesale.soap.order.Technologie;
import org.raccord.tracking.ReasonCatalogue;

/** Access-order answers, from the owner's XML objects to Raccord's records. */
final class OrderTranslation {

    private OrderTranslation() {
    }

    static OrderSnapshot snapshot(Commande c) {
        List<OrderEvent> events = c.getEvenement().stream().map(OrderTranslation::event).toList();
        return new OrderSnapshot(
                c.getReferenceCommandePriseInterneOC(),
                c.getReferencePrestationPrise(),
                c.getCodeOperateurCommercial(),
                c.getTechnologie() == Technologie.FIBRE,
                c.getEtat() == null ? null : c.getEtat().value(),
                c.getEtat() == null ? null : OwnerVocabulary.ORDER_STATES.get(c.getEtat()),
                XmlTime.dateTime(c.getDateCommande()),
                XmlTime.date(c.getDateLivraisonSouhaitee()),
                XmlTime.date(c.getDateLivraisonPrevue()),
                window(c.getCreneauRdv()),
                c.getReferencePTO(),
                c.getNdi(),
                XmlTime.dateTime(c.getDateMiseADisposition()),
                XmlTime.dateTime(c.getDateMiseEnService()),
                reason(c.getDernierMotif(), new OwnerText()),
                c.getDerniereSequence(),
                events);
    }

    static OrderEvent event(EvenementCommande e) {
        OrderEventKind kind = kind(e);
        OwnerText text = new OwnerText();
        return new OrderEvent(
                e.getSequence(),
                XmlTime.dateTime(e.getHorodatage()),
                kind,
                e.getTypeFlux() == null ? null : e.getTypeFlux().value(),
                e.getReferenceCommandePriseInterneOC(),
                e.getReferencePrestationPrise(),
                e.getTechnologie() == Technologie.FIBRE,
                reason(e.getMotif(), text),
                XmlTime.date(e.getDateLivraisonPrevue()),
                XmlTime.date(e.getDateLivraisonPrecedente()),
                window(e.getCreneauRdv()),
                e.getReferencePTO(),
                e.getNdi(),
                XmlTime.dateTime(e.getDateEffet()),
                OwnerVocabulary.ORDER_STATE_AFTER.containsKey(kind) ? OwnerVocabulary.ORDER_STATE_AFTER.get(kind).value() : null,
                text.verbatim());
    }

    private static OrderEventKind kind(EvenementCommande e) {
        if (e.getTypeFlux() == null) {
            return OrderEventKind.UNKNOWN;
        }
        if (e.getResultat() == Resultat.KO && OwnerVocabulary.ORDER_FLOWS_KO.containsKey(e.getTypeFlux())) {
            return OwnerVocabulary.ORDER_FLOWS_KO.get(e.getTypeFlux());
        }
        return OwnerVocabulary.ORDER_FLOWS.getOrDefault(e.getTypeFlux(), OrderEventKind.UNKNOWN);
    }

    /** The owner's reason, read from its verbatim code, with code and label bounded for storage. */
    static Reason reason(Motif motif, OwnerText text) {
        if (motif == null) {
            return null;
        }
        Reason read = ReasonCatalogue.reason(motif.getCode(), motif.getLibelle());
        if (read == null) {
            return null;
        }
        String code = text.bounded("code", read.code(), OwnerText.CODE_LIMIT);
        String label = text.bounded("label", read.label(), OwnerText.LABEL_LIMIT);
        String plainFr = BoundedText.clip(read.plainFr(), OwnerText.LABEL_LIMIT + 100);
        String plainEn = BoundedText.clip(read.plainEn(), OwnerText.LABEL_LIMIT + 100);
        return new Reason(code, label, read.known(), plainFr, plainEn);
    }

    static AppointmentWindow window(CreneauRdv slot) {
        return slot == null ? null : new AppointmentWindow(XmlTime.dateTime(slot.getDebut()), XmlTime.dateTime(slot.getFin()));
    }
}
