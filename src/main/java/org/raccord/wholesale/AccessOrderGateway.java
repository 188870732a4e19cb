package org.raccord.wholesale;

import org.raccord.tracking.OrderEvent;
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
    private final OwnerClock clock = new OwnerClock();
    private final OwnerExchange exchange;

    public AccessOrderGateway(WholesaleSettings settings) {
        this(SoapClients.accessOrder(settings), settings.operatorCode());
    }

    AccessOrderGateway(SuiviCommandeAccesPort port, String operatorCode) {
        this.port = port;
        this.exchange = new OwnerExchange(operatorCode, clock);
    }

    /** The order as the owner knows it now, with its whole event history. */
    public OrderSnapshot consult(LineQuery query) {
        return exchange.call(CONSULT, header -> {
            ConsulterCommandeRequete request = new ConsulterCommandeRequete();
            request.setEntete(header);
            switch (query.kind()) {
                case ORDER_REFERENCE -> request.setReferenceCommandePriseInterneOC(query.value());
                case SERVICE_REFERENCE -> request.setReferencePrestationPrise(query.value());
                case PTO_REFERENCE -> request.setReferencePTO(query.value());
                case NDI -> request.setNdi(query.value());
            }
            return request;
        }, port::consulterCommande, ConsulterCommandeReponse::getEntete, response -> {
            if (response.getCommande() == null) {
                throw new WholesaleException.MalformedAnswer(CONSULT, "answer without an order", null);
            }
            return OrderTranslation.snapshot(response.getCommande());
        });
    }

    /** Events published after sequence {@code since}, at most {@code limit} (1 to 1,000). */
    public FeedPage<OrderEvent> readFeed(long since, int limit) {
        return exchange.call(FEED, header -> {
            LireFluxCommandesRequete request = new LireFluxCommandesRequete();
            request.setEntete(header);
            request.setDepuisSequence(since);
            request.setLimite(limit);
            return request;
        }, port::lireFluxCommandes, LireFluxCommandesReponse::getEntete, response -> new FeedPage<>(
                FeedPage.inSequence(response.getEvenement().stream().map(OrderTranslation::event), OrderEvent::sequence),
                response.getSequenceSuivante(), response.isEncoreDisponible(), response.getDerniereSequencePubliee()));
    }

    /** The owner's clock, as this interface's answers tell it. */
    OwnerClock clock() {
        return clock;
    }
}
