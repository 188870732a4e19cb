package org.raccord.wholesale;

import java.util.List;

/**
 * One page of an owner's delta feed.
 *
 * @param next          the sequence to ask from next time (the last one read)
 * @param more          whether the owner has more events after this page
 * @param lastPublished the owner's newest sequence, to measure how far behind we are
 */
public record FeedPage<E>(List<E> events, long next, boolean more, long lastPublished) {
}
