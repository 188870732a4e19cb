package org.raccord.tracking;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether ingestion is catching up with a backlog of the owner's events, feed by feed: written by
 * whoever reads the feeds, read by whatever follows the ledger's changes and would rather wait for
 * the end of a catch-up than follow a million lines one by one (the lookup's read model).
 */
@ApplicationScoped
public class Backlog {

    private final Map<Feed, Boolean> behind = new EnumMap<>(Map.of(Feed.ORDER, false, Feed.CUTOVER, false));

    /** Whether the last read of this feed stopped at its budget while the owner had more. */
    public synchronized void behind(Feed feed, boolean stillBehind) {
        behind.put(feed, stillBehind);
    }

    /** Whether any feed is still catching up. */
    public synchronized boolean catchingUp() {
        return behind.containsValue(true);
    }
}
