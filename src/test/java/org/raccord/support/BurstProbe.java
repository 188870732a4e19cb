package org.raccord.support;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.raccord.tracking.ReasonCatalogue;

/**
 * Test-only servlet: a burst of owner news, {@code count} delays of as many orders named
 * {@code CMD-BURST-<n>}, applied through the real ledger as the poller would (so each makes an
 * outbox event and a delivery per interested subscriber), without the simulator: the simulator's
 * feed and the cursor stay as they are.
 */
@WebServlet("/it/burst")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class BurstProbe extends HttpServlet {

    @Inject
    LineLedger ledger;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long base = 8_200_000_000_000L + now.toEpochSecond() % 1_000_000 * 1_000;
        List<OrderEvent> page = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            page.add(new OrderEvent(base + i, now, OrderEventKind.JEOPARDY, "RETARD", "CMD-BURST-" + (base + i) % 100_000_000,
                    null, true, ReasonCatalogue.reason("FRDV04", "Technicien indisponible"), null, null, null, null, null, null,
                    "EN_RETARD", null));
        }
        response.setContentType("application/json");
        response.getWriter().print("{\"applied\":" + apply(page) + "}");
    }

    /**
     * The live poller writes the same cursor (and may write the same announcements): a page that
     * met its commit first is rolled back whole (optimistic locking) and applied again on the
     * cursor as it now stands, as the poller's next round would.
     */
    private int apply(List<OrderEvent> page) {
        for (int attempt = 1; ; attempt++) {
            long last = ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence).orElse(0L);
            long ownerLast = ledger.cursorOf(Feed.ORDER).map(FeedCursor::ownerLastSequence).orElse(0L);
            try {
                return ledger.applyOrderPage(page, last, ownerLast);
            } catch (RuntimeException conflict) {
                if (attempt == 5) {
                    throw conflict;
                }
            }
        }
    }
}
