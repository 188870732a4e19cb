package org.raccord.wholesale;

import org.raccord.tracking.BoundedText;
import org.raccord.tracking.CutoverEvent;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeReponse;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeRequete;
import org.raccord.wholesale.soap.cutover.DemanderReportBasculeReponse;
import org.raccord.wholesale.soap.cutover.DemanderReportBasculeRequete;
import org.raccord.wholesale.soap.cutover.MotifReportBascule;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesReponse;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesRequete;
import org.raccord.wholesale.soap.cutover.SuiviBasculePort;

/** The owner's unbundling / cutover interface, in Raccord's terms. Thread-safe. */
public class CutoverGateway {

    static final String CONSULT = "cutover.consult";
    static final String FEED = "cutover.feed";
    /** The one write: asking the owner to move a planned cutover. */
    static final String POSTPONE = "cutover.postpone";

    private final SuiviBasculePort port;
    private final OwnerClock clock = new OwnerClock();
    private final OwnerExchange exchange;

    public CutoverGateway(WholesaleSettings settings) {
        this(SoapClients.cutover(settings), settings.operatorCode());
    }

    CutoverGateway(SuiviBasculePort port, String operatorCode) {
        this.port = port;
        this.exchange = new OwnerExchange(operatorCode, clock);
    }

    /** The takeover of one line (by NDI, PTO reference or order reference). */
    public CutoverSnapshot consult(LineQuery query) {
        return exchange.call(CONSULT, header -> {
            ConsulterBasculeRequete request = new ConsulterBasculeRequete();
            request.setEntete(header);
            switch (query.kind()) {
                case NDI -> request.setNdi(query.value());
                case PTO_REFERENCE -> request.setReferencePTO(query.value());
                case ORDER_REFERENCE -> request.setReferenceCommandePriseInterneOC(query.value());
                case SERVICE_REFERENCE -> throw new IllegalArgumentException("the cutover interface has no service reference");
            }
            return request;
        }, port::consulterBascule, ConsulterBasculeReponse::getEntete, response -> {
            if (response.getBascule() == null) {
                throw new WholesaleException.MalformedAnswer(CONSULT, "answer without a cutover", null);
            }
            return CutoverTranslation.snapshot(response.getBascule());
        });
    }

    /** Events published after sequence {@code since}, at most {@code limit} (1 to 1,000). */
    public FeedPage<CutoverEvent> readFeed(long since, int limit) {
        return exchange.call(FEED, header -> {
            LireFluxBasculesRequete request = new LireFluxBasculesRequete();
            request.setEntete(header);
            request.setDepuisSequence(since);
            request.setLimite(limit);
            return request;
        }, port::lireFluxBascules, LireFluxBasculesReponse::getEntete, response -> new FeedPage<>(
                FeedPage.inSequence(response.getEvenement().stream().map(CutoverTranslation::event), CutoverEvent::sequence),
                response.getSequenceSuivante(), response.isEncoreDisponible(), response.getDerniereSequencePubliee()));
    }

    /**
     * Asks the owner to move a planned cutover. The owner's refusal (too late, already cut, beyond
     * its maximum, unknown line...) is a {@link WholesaleException.FunctionalFault} with its code.
     */
    public PostponementGranted requestPostponement(PostponementRequest asked) {
        return exchange.call(POSTPONE, header -> {
            DemanderReportBasculeRequete request = new DemanderReportBasculeRequete();
            request.setEntete(header);
            request.setReferenceDemandeOC(asked.requestId().toString());
            switch (asked.line().kind()) {
                case NDI -> request.setNdi(asked.line().value());
                case PTO_REFERENCE -> request.setReferencePTO(asked.line().value());
                case ORDER_REFERENCE -> request.setReferenceCommandePriseInterneOC(asked.line().value());
                case SERVICE_REFERENCE -> throw new IllegalArgumentException("the cutover interface has no service reference");
            }
            request.setDateBasculeSouhaitee(XmlTime.of(asked.wantedCut()));
            request.setMotifReport(MotifReportBascule.ALIGNEMENT_LIVRAISON);
            return request;
        }, port::demanderReportBascule, DemanderReportBasculeReponse::getEntete, response -> {
            if (!asked.requestId().toString().equalsIgnoreCase(response.getReferenceDemandeOC())
                    || response.getReferenceDemandeOI() == null || response.getDateBasculeAccordee() == null) {
                throw new WholesaleException.MalformedAnswer(POSTPONE, "acknowledgement of another request, or without its reference or date", null);
            }
            return new PostponementGranted(response.getReferenceDemandeOC(), BoundedText.clip(response.getReferenceDemandeOI(), 40),
                    XmlTime.dateTime(response.getDateBasculePrecedente()), XmlTime.dateTime(response.getDateBasculeAccordee()));
        });
    }

    /** The owner's clock, as this interface's answers tell it. */
    OwnerClock clock() {
        return clock;
    }
}
