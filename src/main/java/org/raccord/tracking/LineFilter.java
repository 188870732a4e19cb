package org.raccord.tracking;

import java.time.LocalDate;

/** Which lines a back office wants to see; null means "any". */
public record LineFilter(ServiceState state, Boolean breach, LocalDate deliveryFrom, LocalDate deliveryTo) {
}
