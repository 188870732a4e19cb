package org.raccord.tracking;

/** The steps of a switch that a customer cares about, each reached once. */
public enum Milestone {
    ORDER_ACKNOWLEDGED,
    ORDER_ACCEPTED,
    APPOINTMENT_BOOKED,
    PREVIOUS_SERVICE_CUT,
    LINE_DELIVERED,
    IN_SERVICE
}
