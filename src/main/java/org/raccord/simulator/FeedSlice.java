package org.raccord.simulator;

import java.util.List;

/** One page of a feed: the events, the sequence to ask from next, and whether more remain. */
public record FeedSlice(List<PublishedEvent> events, long next, boolean more, long lastPublished) {
}
