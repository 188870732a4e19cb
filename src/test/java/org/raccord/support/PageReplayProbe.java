package org.raccord.support;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.OrderEvent;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.tracking.ReasonCatalogue;

/**
 * Test-only servlet: applies one order-feed page (accepted with a date, the date revised with its
 * reason, a delay) through the real ledger, as the poller does, and reports what the line's records
 * hold afterwards. Posting it twice is a page read twice. The cursor is left where it stands.
 */
@WebServlet("/it/page-replay")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class PageReplayProbe extends HttpServlet {

    @Inject
    LineLedger ledger;

    @Inject
    TrackedLines lines;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String order = request.getParameter("order");
        long base = 8_000_000_000_000L + Math.abs(order.hashCode()) * 10L;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate first = now.toLocalDate().plusDays(20);
        LocalDate slipped = first.plusDays(6);
        List<OrderEvent> page = List.of(
                new OrderEvent(base, now, OrderEventKind.ACCEPTED, "CR_CMD", order, null, true, null, first, null,
                        null, null, null, null, "VALIDEE", null),
                new OrderEvent(base + 1, now, OrderEventKind.DELIVERY_DATE_REVISED, "REVISION_DATE_LIVRAISON", order, null,
                        true, ReasonCatalogue.reason("FINT01", "Point de mutualisation saturé"), slipped, first,
                        null, null, null, null, null, null),
                new OrderEvent(base + 2, now, OrderEventKind.JEOPARDY, "RETARD", order, null, true,
                        ReasonCatalogue.reason("FRDV04", "Technicien indisponible"), null, null, null, null, null, null,
                        "EN_RETARD", null));
        // The cursor stays where the poller has it (it only moves forward; none yet on a new database).
        long last = ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence).orElse(0L);
        long ownerLast = ledger.cursorOf(Feed.ORDER).map(FeedCursor::ownerLastSequence).orElse(0L);
        int applied = ledger.applyOrderPage(page, last, ownerLast);
        TrackedLine line = lines.byOrderReference(order).orElseThrow();
        response.setContentType("application/json");
        response.getWriter().print("{\"applied\":" + applied + ",\"timeline\":" + lines.timelineSize(line)
                + ",\"revisions\":" + lines.revisions(line).size() + ",\"alerts\":" + lines.alerts(line).size()
                + ",\"outbox\":" + lines.outboxOf(line).size() + ",\"version\":" + line.version()
                + ",\"committedDeliveryDate\":\"" + line.committedDeliveryDate() + "\"}");
    }
}
