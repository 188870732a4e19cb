package org.raccord.wholesale;

import org.raccord.tracking.CutoverEvent;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeReponse;
import org.raccord.wholesale.soap.cutover.ConsulterBasculeRequete;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesReponse;
import org.raccord.wholesale.soap.cutover.LireFluxBasculesRequete;
import org.raccord.wholesale.soap.cutover.SuiviBasculePort;

/** The owner's unbundling / cutover interface, in Raccord's terms. Thread-safe. */
public class CutoverGateway {

    static final String CONSULT = "cutover.consult";
    static final String FEED = "cutover.feed";

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
                response.getEvenement().stream().map(CutoverTranslation::event).toList(),
                response.getSequenceSuivante(), response.isEncoreDisponible(), response.getDerniereSequencePubliee()));
    }

    /** The owner's clock, as this interface's answers tell it. */
    OwnerClock clock() {
        return clock;
    }
}
