package org.raccord.polling;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.raccord.tracking.Contact;
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
        return refresh(orderReference, null, null);
    }

    /**
     * A check of a tracked line (scheduled, or asked by an operator): a refresh, and when the
     * owner answers that it does not know the order, the line says so in its freshness and backs
     * off its checks before the fault goes on to the caller.
     */
    public TrackedLine check(String orderReference) {
        try {
            return refresh(orderReference);
        } catch (WholesaleException.FunctionalFault unknown) {
            ledger.ownerDoesNotKnow(orderReference);
            throw unknown;
        }
    }

    /** Refreshes the line and, when given, records its phone number (E.164) and SMS contact. */
    public TrackedLine refresh(String orderReference, String phoneE164, Contact contact) {
        OrderSnapshot order = owner.consultOrder(LineQuery.order(orderReference));
        List<CutoverEvent> cutover = List.of();
        try {
            cutover = owner.consultCutover(LineQuery.order(orderReference)).events();
        } catch (WholesaleException.FunctionalFault noTakeover) {
            // Most orders take no access over: the owner says so with a functional fault.
        }
        try {
            return ledger.applyOrderHistory(facts(order), order.events(), cutover, phoneE164, contact);
        } catch (RuntimeException e) {
            if (!lostConcurrentWrite(e)) {
                throw e;
            }
            // The feed poller wrote the same line at the same moment; our transaction rolled back
            // whole. Applying again finds the line and skips the events the poller recorded.
            return ledger.applyOrderHistory(facts(order), order.events(), cutover, phoneE164, contact);
        }
    }

    /**
     * A unique-key clash, a deadlock or an optimistic-lock failure: another transaction wrote the
     * line first. A clash is told by its SQLState class 23 (integrity constraint violation), which
     * every driver sets; PostgreSQL's throws no {@code SQLIntegrityConstraintViolationException}.
     * On PostgreSQL two transactions inserting the same upstream event wait on each other's unique
     * index entry and one is chosen as a deadlock victim: class 40 (transaction rollback, 40P01).
     */
    static boolean lostConcurrentWrite(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))
                    || t instanceof OptimisticLockException
                    || t.getClass().getName().endsWith("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    static OrderFacts facts(OrderSnapshot s) {
        return new OrderFacts(s.orderReference(), s.fibre(), s.ownerState(), s.orderedAt(),
                s.requestedDate(), s.ndi(), s.ptoReference());
    }
}
