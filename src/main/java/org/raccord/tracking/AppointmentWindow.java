package org.raccord.tracking;

import java.time.OffsetDateTime;

/** An appointment slot booked with the owner's technician. */
public record AppointmentWindow(OffsetDateTime start, OffsetDateTime end) {
}
