package org.raccord.wholesale;

import org.raccord.tracking.OrderEvent;
import org.raccord.wholesale.soap.common.EnteteRequete;
import org.raccord.wholesale.soap.order.ConsulterCommandeReponse;
import org.raccord.wholesale.soap.order.ConsulterCommandeRequete;
import org.raccord.wholesale.soap.order.LireFluxCommandesReponse;
import org.raccord.wholesale.soap.order.LireFluxCommandesRequete;
import org.raccord.wholesale.soap.order.SuiviCommandeAccesPort;

/** The owner's access-order tracking interface, in Raccord's terms. Thread-safe. */
public class AccessOrderGateway {

    static final String CONSULT = "accessOrder.consult";
    static final String FEED = "accessOrder.feed";

    private final SuiviCommandeAccesPort port;
    private final String operatorCode;
    private final OwnerClock clock = new OwnerClock();

    public AccessOrderGateway(WholesaleSettings settings) {
        this(SoapClients.accessOrder(settings), settings.operatorCode());
    }

    AccessOrderGateway(SuiviCommandeAccesPort port, String operatorCode) {
        this.port = port;
        this.operatorCode = operatorCode;
    }

    /** The order as the owner knows it now, with its whole event history. */
    public OrderSnapshot consult(LineQuery query) {
        ConsulterCommandeRequete request = new ConsulterCommandeRequete();
        EnteteRequete header = RequestHeaders.next(operatorCode);
        request.setEntete(header);
        switch (query.kind()) {
            case ORDER_REFERENCE -> request.setReferenceCommandePriseInterneOC(query.value());
            case SERVICE_REFERENCE -> request.setReferencePrestationPrise(query.value());
            case PTO_REFERENCE -> request.setReferencePTO(query.value());
            case NDI -> request.setNdi(query.value());
        }
        try {
            ConsulterCommandeReponse response = port.consulterCommande(request);
            RequestHeaders.requireAnswerTo(CONSULT, header, response.getEntete(), clock);
            if (response.getCommande() == null) {
                throw new WholesaleException.MalformedAnswer(CONSULT, "answer without an order", null);
            }
            return OrderTranslation.snapshot(response.getCommande());
        } catch (Exception e) {
            throw OwnerFaults.translate(CONSULT, e);
        }
    }

    /** Events published after sequence {@code since}, at most {@code limit} (1 to 1,000). */
    public FeedPage<OrderEvent> readFeed(long since, int limit) {
        LireFluxCommandesRequete request = new LireFluxCommandesRequete();
        EnteteRequete header = RequestHeaders.next(operatorCode);
        request.setEntete(header);
        request.setDepuisSequence(since);
        request.setLimite(limit);
        try {
            LireFluxCommandesReponse response = port.lireFluxCommandes(request);
            RequestHeaders.requireAnswerTo(FEED, header, response.getEntete(), clock);
            return new FeedPage<>(response.getEvenement().stream().map(OrderTranslation::event).toList(),
                    response.getSequenceSuivante(), response.isEncoreDisponible(), response.getDerniereSequencePubliee());
        } catch (Exception e) {
            throw OwnerFaults.translate(FEED, e);
        }
    }

    /** The owner's clock, as this interface's answers tell it. */
    OwnerClock clock() {
        return clock;
    }
}
