package org.raccord.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a consult of the owner says about an order beyond its events: facts a feed event does not
 * carry (order date, requested date, the owner's state word).
 */
public record OrderFacts(String orderReference, boolean fibre, String ownerState,
                         OffsetDateTime orderedAt, LocalDate requestedDate, String ndi, String ptoReference) {
}
