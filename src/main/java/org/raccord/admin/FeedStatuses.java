package org.raccord.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.polling.FeedPoller;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;

/** Each feed's cursor against the owner's newest sequence, as operations read it. */
@ApplicationScoped
public class FeedStatuses {

    @Inject
    LineLedger ledger;

    @Inject
    FeedPoller poller;

    /** One feed: our cursor, the owner's newest sequence when last read, and the lag between them. */
    public record FeedStatus(Feed feed, long cursor, long ownerLast, long lag, OffsetDateTime readAt, long appliedSinceStart) {
    }

    public List<FeedStatus> all() {
        return Stream.of(Feed.values()).map(feed -> {
            FeedCursor c = ledger.cursorOf(feed).orElse(null);
            return c == null ? new FeedStatus(feed, 0, 0, 0, null, poller.appliedSinceStart(feed))
                    : new FeedStatus(feed, c.lastSequence(), c.ownerLastSequence(), c.lag(), c.updatedAt(),
                    poller.appliedSinceStart(feed));
        }).toList();
    }
}
