package org.raccord.polling;

import java.util.List;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.wholesale.FeedPage;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.WholesaleException;

/**
 * Reads the owner's two delta feeds from their persisted cursors. Each page is applied together
 * with its cursor in one transaction: a crash between pages loses nothing and a page read twice
 * changes nothing. One run reads until the owner says there is no more, or the page budget is spent.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class.getName());

    @Inject
    NetworkOwner owner;

    @Inject
    LineLedger ledger;

    @Inject
    @ConfigProperty(name = "raccord.polling.pageSize", defaultValue = "500")
    int pageSize;

    @Inject
    @ConfigProperty(name = "raccord.polling.pagesPerRun", defaultValue = "40")
    int pagesPerRun;

    /** The ledger's way of applying one page of a feed with its cursor. */
    interface PageApplier<E> {
        int apply(List<E> events, long next, long ownerLast);
    }

    /** Reads both feeds; returns how many new events were applied. */
    public int poll() {
        return read(Feed.ORDER, owner::orderFeed, ledger::applyOrderPage)
                + read(Feed.CUTOVER, owner::cutoverFeed, ledger::applyCutoverPage);
    }

    <E> int read(Feed feed, BiFunction<Long, Integer, FeedPage<E>> fetch, PageApplier<E> apply) {
        int applied = 0;
        try {
            for (int page = 0; page < pagesPerRun; page++) {
                long since = ledger.cursorOf(feed).map(FeedCursor::lastSequence).orElse(0L);
                FeedPage<E> events = fetch.apply(since, pageSize);
                applied += apply.apply(events.events(), events.next(), events.lastPublished());
                if (!events.more()) {
                    break;
                }
            }
        } catch (WholesaleException e) {
            // Owner trouble is expected and already recorded by the guards (health, degraded flag).
            LOG.log(Level.FINE, () -> feed + " feed not read this time: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, feed + " feed: applying a page failed; it will be read again", e);
        }
        return applied;
    }
}
