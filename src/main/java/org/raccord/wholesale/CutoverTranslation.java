package org.raccord.wholesale;

import org.raccord.tracking.CutoverEvent;
import java.util.List;

import org.raccord.tracking.CutoverEventKind;
import org.raccord.wholesale.soap.cutover.Bascule;
import org.raccord.wholesale.soap.cutover.EvenementBascule;

/** Cutover answers, from the owner's XML objects to Raccord's records. */
final class CutoverTranslation {

    private CutoverTranslation() {
    }

    static CutoverSnapshot snapshot(Bascule b) {
        List<CutoverEvent> events = b.getEvenement().stream().map(CutoverTranslation::event).toList();
        return new CutoverSnapshot(
                b.getReferenceCommandePriseInterneOC(),
                b.getNdi(),
                b.getReferencePTO(),
                b.getCodeOperateurPerdant(),
                b.getEtat() == null ? null : OwnerVocabulary.CUTOVER_STATES.get(b.getEtat()),
                XmlTime.dateTime(b.getDateBasculePrevue()),
                XmlTime.dateTime(b.getDateBasculeEffective()),
                b.getEtatPortabilite() == null ? null : OwnerVocabulary.PORTING_STATES.get(b.getEtatPortabilite()),
                XmlTime.dateTime(b.getDatePortabilite()),
                b.getDerniereSequence(),
                events);
    }

    static CutoverEvent event(EvenementBascule e) {
        OwnerText text = new OwnerText();
        return new CutoverEvent(
                e.getSequence(),
                XmlTime.dateTime(e.getHorodatage()),
                e.getTypeFlux() == null ? CutoverEventKind.UNKNOWN
                        : OwnerVocabulary.CUTOVER_FLOWS.getOrDefault(e.getTypeFlux(), CutoverEventKind.UNKNOWN),
                e.getTypeFlux() == null ? null : e.getTypeFlux().value(),
                e.getReferenceCommandePriseInterneOC(),
                e.getNdi(),
                e.getReferencePTO(),
                e.getCodeOperateurPerdant(),
                XmlTime.dateTime(e.getDateBasculePrevue()),
                XmlTime.dateTime(e.getDateBasculePrecedente()),
                XmlTime.dateTime(e.getDateBasculeEffective()),
                e.getEtatPortabilite() == null ? null : OwnerVocabulary.PORTING_STATES.get(e.getEtatPortabilite()),
                OrderTranslation.reason(e.getMotif(), text),
                text.verbatim());
    }
}
