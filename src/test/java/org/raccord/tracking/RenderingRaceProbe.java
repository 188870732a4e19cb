package org.raccord.tracking;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

/**
 * Test-only servlet: reads a line with its records as the read model renders it
 * ({@link TrackedLines#withRecords}, in a transaction of its own), while the owner's next event for
 * that line (a delivery date revised) is committed by another thread between the read's first and
 * second query. It reports the version and revisions the read saw beside those committed after it.
 * Only the database's ordering is forced: the queries, the ledger and the transactions are the
 * product's.
 */
@WebServlet("/it/rendering-race")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class RenderingRaceProbe extends HttpServlet {

    @Inject
    LineLedger ledger;

    @Inject
    TrackedLines lines;

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String order = request.getParameter("order");
        long base = 8_100_000_000_000L + Math.abs(order.hashCode()) * 10L;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate first = now.toLocalDate().plusDays(20);
        apply(new OrderEvent(base, now, OrderEventKind.ACCEPTED, "CR_CMD", order, null, true, null, first, null,
                null, null, null, null, "VALIDEE", null));
        TrackedLine before = lines.byOrderReference(order).orElseThrow();
        OrderEvent revised = new OrderEvent(base + 1, now, OrderEventKind.DELIVERY_DATE_REVISED, "REVISION_DATE_LIVRAISON",
                order, null, true, ReasonCatalogue.reason("FINT01", "Point de mutualisation saturé"), first.plusDays(6), first,
                null, null, null, null, null, null);

        AtomicInteger queries = new AtomicInteger();
        AtomicInteger raced = new AtomicInteger(-1);
        TrackedLines racing = new TrackedLines();
        racing.em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("create") && queries.incrementAndGet() == 2) {
                        // Another transaction, committed before this query is even built.
                        raced.set(executor.submit(() -> apply(revised)).get(30, TimeUnit.SECONDS));
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        LineRecords read;
        try {
            transaction.begin();
            try {
                read = racing.withRecords(List.of(before.id())).get(0);
            } finally {
                transaction.commit();
            }
        } catch (Exception e) {
            throw new ServletException(e);
        }
        TrackedLine after = lines.byOrderReference(order).orElseThrow();
        response.setContentType("application/json");
        response.getWriter().print("{\"raced\":" + raced.get() + ",\"queries\":" + queries.get()
                + ",\"versionBefore\":" + before.version() + ",\"versionRead\":" + read.line().version()
                + ",\"revisionsRead\":" + read.revisions().size() + ",\"versionAfter\":" + after.version()
                + ",\"revisionsAfter\":" + lines.revisions(after).size() + "}");
    }

    private int apply(OrderEvent event) {
        // The cursor stays where the poller has it (it only moves forward).
        long last = ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence).orElse(0L);
        long ownerLast = ledger.cursorOf(Feed.ORDER).map(FeedCursor::ownerLastSequence).orElse(0L);
        return ledger.applyOrderPage(List.of(event), last, ownerLast);
    }
}
