package org.raccord.polling;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.OrderFacts;
import org.raccord.tracking.TrackedLine;
import org.raccord.wholesale.LineQuery;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.OrderSnapshot;
import org.raccord.wholesale.WholesaleException;

/**
 * Asks the owner about one order now, and about the takeover of its line, and records both. The
 * SOAP calls happen outside any database transaction, so a slow owner never holds a connection.
 */
@ApplicationScoped
public class LineRefresh {

    @Inject
    NetworkOwner owner;

    @Inject
    LineLedger ledger;

    public TrackedLine refresh(String orderReference) {
        OrderSnapshot order = owner.consultOrder(LineQuery.order(orderReference));
        List<CutoverEvent> cutover = List.of();
        try {
            cutover = owner.consultCutover(LineQuery.order(orderReference)).events();
        } catch (WholesaleException.FunctionalFault noTakeover) {
            // Most orders take no access over: the owner says so with a functional fault.
        }
        return ledger.applyOrderHistory(facts(order), order.events(), cutover);
    }

    static OrderFacts facts(OrderSnapshot s) {
        return new OrderFacts(s.orderReference(), s.fibre(), s.ownerState(), s.state(), s.orderedAt(),
                s.requestedDate(), s.ndi(), s.ptoReference());
    }
}
