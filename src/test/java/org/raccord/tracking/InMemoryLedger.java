package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ledger whose "database" survives the pollers that use it, and that can crash on a chosen page
 * before committing it. It counts every application of every event and deliberately does not
 * de-duplicate, so a page applied twice shows up as a count of 2.
 */
public final class InMemoryLedger extends LineLedger {

    private final Map<Feed, FeedCursor> cursors = new EnumMap<>(Feed.class);
    public final Map<String, Integer> applications = new HashMap<>();
    private int pagesBeforeCrash = Integer.MAX_VALUE;
    /** Events that fail every transaction they are in, as an over-long value would. */
    private final java.util.Set<String> poison = new java.util.HashSet<>();
    public final Map<String, String> quarantined = new HashMap<>();

    public void poison(Feed feed, long sequence) {
        poison.add(feed + "#" + sequence);
    }

    public void crashOnPage(int page) {
        this.pagesBeforeCrash = page - 1;
    }

    @Override
    public Optional<FeedCursor> cursorOf(Feed feed) {
        return Optional.ofNullable(cursors.get(feed));
    }

    @Override
    public int applyOrderPage(List<OrderEvent> events, long next, long ownerLast) {
        return commit(Feed.ORDER, events.stream().map(OrderEvent::sequence).toList(), next, ownerLast);
    }

    @Override
    public int applyCutoverPage(List<CutoverEvent> events, long next, long ownerLast) {
        return commit(Feed.CUTOVER, events.stream().map(CutoverEvent::sequence).toList(), next, ownerLast);
    }

    @Override
    public void quarantineOrder(OrderEvent event, String error, long ownerLast) {
        quarantine(Feed.ORDER, event.sequence(), error, ownerLast);
    }

    @Override
    public void quarantineCutover(CutoverEvent event, String error, long ownerLast) {
        quarantine(Feed.CUTOVER, event.sequence(), error, ownerLast);
    }

    private void quarantine(Feed feed, long sequence, String error, long ownerLast) {
        quarantined.put(feed + "#" + sequence, error);
        cursors.computeIfAbsent(feed, FeedCursor::new).advance(sequence, ownerLast, OffsetDateTime.now());
    }

    private int commit(Feed feed, List<Long> sequences, long next, long ownerLast) {
        if (pagesBeforeCrash-- <= 0) {
            pagesBeforeCrash = Integer.MAX_VALUE;
            throw new IllegalStateException("crash before commit");
        }
        for (long sequence : sequences) {
            if (poison.contains(feed + "#" + sequence)) {
                throw new IllegalStateException("value too long for column \"ORDER_REFERENCE\" (NDI 0139421662)");
            }
        }
        sequences.forEach(s -> applications.merge(feed + "#" + s, 1, Integer::sum));
        cursors.computeIfAbsent(feed, FeedCursor::new).advance(next, ownerLast, OffsetDateTime.now());
        return sequences.size();
    }
}
