package org.raccord.wholesale;

import java.time.Instant;
import java.util.List;

import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.OrderEvent;

/**
 * The network owner as the rest of Raccord sees it: its two interfaces, every call guarded.
 * Thread-safe; one per application.
 */
public class NetworkOwner {

    private static final List<String> FEEDS = List.of(AccessOrderGateway.FEED, CutoverGateway.FEED);

    private final AccessOrderGateway orders;
    private final CutoverGateway cutovers;
    private final OwnerGuards guards;

    public NetworkOwner(AccessOrderGateway orders, CutoverGateway cutovers, OwnerGuards guards) {
        this.orders = orders;
        this.cutovers = cutovers;
        this.guards = guards;
    }

    public OrderSnapshot consultOrder(LineQuery query) {
        return guards.call(AccessOrderGateway.CONSULT, () -> orders.consult(query));
    }

    public FeedPage<OrderEvent> orderFeed(long since, int limit) {
        return guards.call(AccessOrderGateway.FEED, () -> orders.readFeed(since, limit));
    }

    public CutoverSnapshot consultCutover(LineQuery query) {
        return guards.call(CutoverGateway.CONSULT, () -> cutovers.consult(query));
    }

    public FeedPage<CutoverEvent> cutoverFeed(long since, int limit) {
        return guards.call(CutoverGateway.FEED, () -> cutovers.readFeed(since, limit));
    }

    /** Asks the owner to move a planned cutover: one attempt, through the quota and its own breaker. */
    public PostponementGranted requestPostponement(PostponementRequest request) {
        return guards.call(CutoverGateway.POSTPONE, () -> cutovers.requestPostponement(request));
    }

    /** The owner's time now (business time: cutovers, delivery dates), by its latest answer. */
    public Instant ownerNow(Instant ourNow) {
        OwnerClock latest = orders.clock().observedAt().isAfter(cutovers.clock().observedAt()) ? orders.clock() : cutovers.clock();
        return latest.now(ourNow);
    }

    public List<OperationHealth> health() {
        return guards.health();
    }

    /** Each operation's health, breaker rates and recent latency, for operations. */
    public List<OperationReading> readings() {
        return guards.readings();
    }

    public QuotaReading quota() {
        return guards.quota();
    }

    /** Forces an operation's breaker open ({@code true}) or closed; unknown operations are refused. */
    public void forceBreaker(String operation, boolean open) {
        guards.force(operation, open);
    }

    /** Whether answers from the owner cannot be trusted to be current right now, and why. */
    public String degradedReason(Instant now) {
        // Asked on every lookup: a plain loop over the two feeds, text only when one is troubled.
        String reason = null;
        for (String feed : FEEDS) {
            OperationHealth h = guards.clusterHealth(feed);
            if (h.troubled(now)) {
                String why = feed + " " + h.breakerState().toLowerCase() + (h.lastError() == null ? "" : ": " + h.lastError());
                reason = reason == null ? why : reason + "; " + why;
            }
        }
        return reason;
    }

    OwnerGuards guards() {
        return guards;
    }
}
