package org.raccord.wholesale;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * One page of an owner's delta feed, its events in sequence order.
 *
 * @param next          the sequence to ask from next time (the last one read)
 * @param more          whether the owner has more events after this page
 * @param lastPublished the owner's newest sequence, to measure how far behind we are
 */
public record FeedPage<E>(List<E> events, long next, boolean more, long lastPublished) {

    /**
     * The events in sequence order, whatever order the owner sent them in: a line's later event
     * applied before an earlier one would leave the earlier one's state in place (a reliability
     * campaign's reversed pages did exactly that). The contract promises the order; nothing here
     * relies on the promise.
     */
    static <E> List<E> inSequence(Stream<E> events, ToLongFunction<E> sequence) {
        return events.sorted(Comparator.comparingLong(sequence)).toList();
    }
}
