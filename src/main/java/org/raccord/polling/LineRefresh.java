package org.raccord.polling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.tracking.OrderObservation;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.wholesale.AccessOrderGateway;
import org.raccord.wholesale.LineQuery;
import org.raccord.wholesale.OrderSnapshot;

/**
 * Asks the owner about one order now and records the answer. The SOAP call happens outside any
 * database transaction, so a slow owner never holds a connection.
 */
@ApplicationScoped
public class LineRefresh {

    @Inject
    AccessOrderGateway orders;

    @Inject
    TrackedLines lines;

    public TrackedLine refresh(String orderReference) {
        OrderSnapshot snapshot = orders.consult(LineQuery.order(orderReference));
        return lines.record(observation(snapshot));
    }

    static OrderObservation observation(OrderSnapshot s) {
        return new OrderObservation(s.orderReference(), s.serviceReference(), s.ptoReference(), s.ndi(), s.fibre(),
                s.ownerState(), s.state(), s.orderedAt(), s.requestedDate(), s.committedDeliveryDate(),
                s.appointment(), s.deliveredAt(), s.inServiceAt(), s.lastReason(), s.lastSequence());
    }
}
