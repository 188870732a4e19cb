package org.raccord.tracking;

/** The order state in TM Forum TMF641 terms; {@link #code()} is the TMF spelling. */
public enum ServiceState {
    ACKNOWLEDGED("acknowledged"),
    REJECTED("rejected"),
    PENDING("pending"),
    HELD("held"),
    IN_PROGRESS("inProgress"),
    CANCELLED("cancelled"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String code;

    ServiceState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A final state: the owner will not move this order any more. */
    public boolean settled() {
        return this == REJECTED || this == CANCELLED || this == COMPLETED || this == FAILED;
    }
}
