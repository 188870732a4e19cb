package org.raccord.polling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.tracking.CutoverEvent;
import org.raccord.tracking.Backlog;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.OrderEvent;
import org.raccord.tracking.PhoneNumbers;
import org.raccord.tracking.QuarantinedEvent;
import org.raccord.wholesale.FeedPage;
import org.raccord.wholesale.NetworkOwner;
import org.raccord.wholesale.WholesaleException;
import org.raccord.tracking.MaskedFailure;

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

    /** The container's managed executor: prefetching the next page never uses a thread of our own. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    @Inject
    @ConfigProperty(name = "raccord.polling.pageSize", defaultValue = "500")
    int pageSize;

    @Inject
    @ConfigProperty(name = "raccord.polling.pagesPerRun", defaultValue = "40")
    int pagesPerRun;

    @Inject
    Backlog backlog;

    /** A page that failed this many times in a row is applied event by event, and what still fails is set aside. */
    @Inject
    @ConfigProperty(name = "raccord.polling.quarantineAfter", defaultValue = "3")
    int quarantineAfter;

    private final Map<Feed, LongAdder> applied = new EnumMap<>(Map.of(Feed.ORDER, new LongAdder(), Feed.CUTOVER, new LongAdder()));
    private final Map<Feed, PageFailures> failures = new EnumMap<>(Feed.class);
    private final LongAdder quarantined = new LongAdder();
    private volatile boolean stopping;

    /** The ledger's way of applying one page of a feed with its cursor. */
    interface PageApplier<E> {
        int apply(List<E> events, long next, long ownerLast);
    }

    /** The ledger's way of setting one event aside, with why, and moving the cursor past it. */
    interface Quarantine<E> {
        void quarantine(E event, String error, long ownerLast);
    }

    /** How often in a row the page read after {@code since} failed. */
    private record PageFailures(long since, int count) {
    }

    /** Reads both feeds; returns how many new events were applied. */
    public int poll() {
        return poll(() -> true);
    }

    /**
     * Reads both feeds while {@code leading} says this instance still leads the cluster (asked
     * before every page); returns how many new events were applied.
     */
    public int poll(BooleanSupplier leading) {
        int applied = read(Feed.ORDER, owner::orderFeed, ledger::applyOrderPage, OrderEvent::sequence, ledger::quarantineOrder,
                leading);
        return stopping || !leading.getAsBoolean() ? applied : applied + read(Feed.CUTOVER, owner::cutoverFeed,
                ledger::applyCutoverPage, CutoverEvent::sequence, ledger::quarantineCutover, leading);
    }

    /** Whether the container refused the next page's fetch: the server is stopping, polling ends. */
    public boolean stopping() {
        return stopping;
    }

    /** Owner events set aside since start-up (each could not be applied even alone). */
    public long quarantinedSinceStart() {
        return quarantined.sum();
    }

    /** Whether the last run stopped at its page budget while the owner had more: catch-up continues. */
    public boolean behind() {
        return backlog.catchingUp();
    }

    /** New events applied from both feeds since start-up. */
    public long appliedSinceStart() {
        return applied.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** New events applied from a feed since start-up. */
    public long appliedSinceStart(Feed feed) {
        return applied.get(feed).sum();
    }

    <E> int read(Feed feed, BiFunction<Long, Integer, FeedPage<E>> fetch, PageApplier<E> apply, ToLongFunction<E> sequence,
                 Quarantine<E> quarantine) {
        return read(feed, fetch, apply, sequence, quarantine, () -> true);
    }

    private <E> int read(Feed feed, BiFunction<Long, Integer, FeedPage<E>> fetch, PageApplier<E> apply,
                         ToLongFunction<E> sequence, Quarantine<E> quarantine, BooleanSupplier leading) {
        int applied = 0;
        backlog.behind(feed, false);
        try {
            // Read once per run, then follow the pages: within one scheduled task the container keeps
            // one persistence context, so re-reading the cursor there would return the stale entity.
            long since = ledger.cursorOf(feed).map(FeedCursor::lastSequence).orElse(0L);
            // While one page is applied, the next is already on its way: the owner's latency and the
            // XML work overlap the database work. Pages are still applied strictly in order.
            CompletableFuture<FeedPage<E>> next = fetchAsync(fetch, since);
            for (int page = 0; page < pagesPerRun && next != null && leading.getAsBoolean(); page++) {
                FeedPage<E> events = await(next);
                long from = since;
                since = Math.max(since, events.next());
                boolean more = events.more() && page + 1 < pagesPerRun;
                next = more ? fetchAsync(fetch, since) : null;
                int fresh = applyPage(feed, from, events, apply, sequence, quarantine, leading);
                this.applied.get(feed).add(fresh);
                applied += fresh;
                backlog.behind(feed, events.more() && page == pagesPerRun - 1);
            }
        } catch (RejectedExecutionException e) {
            // A stopping server shuts its managed executors down before the application (the
            // default executor has no queue limit, so a refusal means that): no page is lost, the
            // cursor stays where the last committed page left it, so no warning.
            stopping = true;
            LOG.log(Level.FINE, () -> feed + " feed: the server is stopping");
        } catch (OptimisticLockException e) {
            // Another instance moved the cursor: it leads now, and this page was its to apply.
            LOG.log(Level.INFO, () -> feed + " feed: the page met a concurrent write (another instance leads, or a"
                    + " registration changed a line); it is read again if this instance still leads");
        } catch (WholesaleException e) {
            // Owner trouble is expected and already recorded by the guards (health, degraded flag).
            LOG.log(Level.FINE, () -> feed + " feed not read this time: " + PhoneNumbers.maskIn(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, feed + " feed: applying a page failed; it will be read again", MaskedFailure.of(e));
        }
        return applied;
    }

    /**
     * Applies a page whole. A page that keeps failing (the same page, {@code quarantineAfter}
     * times in a row) holds an event that cannot be applied: it is then applied event by event,
     * each given a second chance (a write racing a registration), and an event that still fails is
     * quarantined, so that the feed moves on for every other line. Until then the failure is
     * thrown and the page read again next run, as before.
     */
    private <E> int applyPage(Feed feed, long from, FeedPage<E> page, PageApplier<E> apply, ToLongFunction<E> sequence,
                              Quarantine<E> quarantine, BooleanSupplier leading) {
        try {
            int fresh = apply.apply(page.events(), page.next(), page.lastPublished());
            failures.remove(feed);
            return fresh;
        } catch (RuntimeException e) {
            if (!leading.getAsBoolean() || fencedBy(e) != null) {
                // Deposed meanwhile, or another transaction moved the cursor or a line under this page
                // (a new leader, a registration): not this page's fault, no count towards quarantine.
                throw new OptimisticLockException("written meanwhile by another transaction or instance", e);
            }
            PageFailures before = failures.get(feed);
            int count = before != null && before.since() == from ? before.count() + 1 : 1;
            failures.put(feed, new PageFailures(from, count));
            if (count < quarantineAfter) {
                throw e;
            }
            LOG.log(Level.WARNING, feed + " feed: the page after " + from + " failed " + count
                    + " times; applying it event by event", MaskedFailure.of(e));
        }
        int fresh = 0;
        for (E event : page.events()) {
            fresh += applyAlone(feed, event, page, apply, sequence, quarantine);
        }
        apply.apply(List.of(), page.next(), page.lastPublished());
        failures.remove(feed);
        return fresh;
    }

    private <E> int applyAlone(Feed feed, E event, FeedPage<E> page, PageApplier<E> apply, ToLongFunction<E> sequence,
                               Quarantine<E> quarantine) {
        long seq = sequence.applyAsLong(event);
        RuntimeException failure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return apply.apply(List.of(event), seq, page.lastPublished());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        // The error is shown on the console and logged: a number in it (an NDI) is masked.
        String why = PhoneNumbers.maskIn(QuarantinedEvent.why(failure));
        quarantine.quarantine(event, why, page.lastPublished());
        quarantined.increment();
        LOG.log(Level.WARNING, () -> feed + " event " + seq + " quarantined (the feed goes on): " + why);
        return 0;
    }

    /** The optimistic lock failure in a failed commit (JPA's or the provider's own), if that is what it was: the cursor's version fence. */
    private static Throwable fencedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getName().endsWith("OptimisticLockException")) {
                return t;
            }
        }
        return null;
    }

    private <E> CompletableFuture<FeedPage<E>> fetchAsync(BiFunction<Long, Integer, FeedPage<E>> fetch, long since) {
        return CompletableFuture.supplyAsync(() -> fetch.apply(since, pageSize), executor);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
