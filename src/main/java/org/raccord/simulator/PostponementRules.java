package org.raccord.simulator;

import java.time.Duration;

/**
 * What the owner accepts when a provider asks to move a planned cutover.
 *
 * @param minimumNotice        the least time left before the planned cut for the owner to move it
 * @param maximumPostponement  the furthest a cut may go past the one first planned
 * @param maximumMoves         how many times one cut may be moved
 * @param fullDayShare         the share of days on which the owner's intervention plan is full (0 to 1)
 * @param processing           how long after its acknowledgement the owner publishes the move
 */
public record PostponementRules(Duration minimumNotice, Duration maximumPostponement, int maximumMoves,
                                double fullDayShare, Duration processing) {

    public PostponementRules {
        if (maximumMoves < 0 || maximumMoves > LineScript.MAX_EVENTS - LineScript.LONGEST) {
            throw new IllegalArgumentException("maximumMoves must be in [0, " + (LineScript.MAX_EVENTS - LineScript.LONGEST) + "]: " + maximumMoves);
        }
        if (processing.compareTo(minimumNotice) >= 0) {
            throw new IllegalArgumentException("the owner must publish a move before the notice it asks for runs out");
        }
    }

    /** 12 hours' notice, 15 days at most, twice at most, 1 % of days full, published within 30 minutes. */
    public static PostponementRules defaults() {
        return new PostponementRules(Duration.ofHours(12), Duration.ofDays(15), 2, 0.01, Duration.ofMinutes(30));
    }
}
