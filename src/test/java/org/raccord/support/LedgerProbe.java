package org.raccord.support;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import org.raccord.tracking.LineLedger;
import org.raccord.tracking.OrderEvent;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.OrderFacts;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;

/**
 * Test-only servlet, added to the WAR of the integration test that needs it: applies a status
 * change (an order accepted with its delivery date) through the real ledger inside a transaction
 * of its own, reports how many outbox rows that transaction holds, then commits or rolls back.
 * {@code GET} tells whether the line and its outbox rows exist afterwards.
 */
@WebServlet("/it/ledger-probe")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class LedgerProbe extends HttpServlet {

    @Inject
    LineLedger ledger;

    @Inject
    TrackedLines lines;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String order = request.getParameter("order");
        boolean commit = Boolean.parseBoolean(request.getParameter("commit"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate due = now.toLocalDate().plusDays(20);
        OrderEvent accepted = new OrderEvent(9_000_000_000_000L + Math.abs(order.hashCode()), now, OrderEventKind.ACCEPTED,
                "AR", order, null, true, null, due, null, null, null, null, null, "ACCEPTEE", null);
        try {
            transaction.begin();
            TrackedLine line = ledger.applyOrderHistory(new OrderFacts(order, true, "ACCEPTEE", now, due, null, null),
                    List.of(accepted), List.of(), null, null);
            int outbox = lines.outboxOf(line).size();
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
            response.setContentType("application/json");
            response.getWriter().print("{\"outboxInTransaction\":" + outbox + "}");
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var line = lines.byOrderReference(request.getParameter("order"));
        response.setContentType("application/json");
        response.getWriter().print("{\"tracked\":" + line.isPresent()
                + ",\"outbox\":" + line.map(l -> lines.outboxOf(l).size()).orElse(0) + "}");
    }
}
