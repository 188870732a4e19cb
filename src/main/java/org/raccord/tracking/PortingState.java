package org.raccord.tracking;

/** Number porting from the previous provider. */
public enum PortingState {
    NOT_REQUESTED,
    REQUESTED,
    IN_PROGRESS,
    PORTED,
    FAILED
}
