package org.raccord.tracking;

/**
 * Where a request to move a line's cut stands. PROPOSED waits for operations' approval; REQUESTED
 * is to be sent, or sent without an answer yet (it goes again under the same request id);
 * ACKNOWLEDGED is the owner's commitment, ACCEPTED its feed confirming the move.
 */
public enum PreventionState {
    PROPOSED,
    REQUESTED,
    ACKNOWLEDGED,
    ACCEPTED,
    REFUSED,
    DISMISSED,
    EXPIRED;

    /** Its name on the wire and in the console. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Nothing more happens to this request: a new delivery date may start another one. */
    public boolean settled() {
        return this == ACCEPTED || this == REFUSED || this == DISMISSED || this == EXPIRED;
    }
}
