package org.raccord.tracking;

/** Where the takeover of the previous provider's access stands. */
public enum CutoverState {
    PLANNED,
    DONE,
    CANCELLED
}
