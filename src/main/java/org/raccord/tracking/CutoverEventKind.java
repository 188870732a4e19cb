package org.raccord.tracking;

/** What a cutover (unbundling) event means: when the previous provider's service is cut. */
public enum CutoverEventKind {
    SCHEDULED,
    RESCHEDULED,
    PREVIOUS_SERVICE_CUT,
    CANCELLED,
    PORTING_CHANGED,
    UNKNOWN
}
