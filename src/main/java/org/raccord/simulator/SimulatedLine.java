package org.raccord.simulator;

import java.time.Instant;

/**
 * One line of the simulated population, as the owner knows it: the provider's order, the owner's
 * service reference, the line ids, and, for a takeover, the provider that loses the access.
 */
public record SimulatedLine(
        int index,
        Scenario scenario,
        boolean fibre,
        String orderReference,
        String serviceReference,
        String ptoReference,
        String ndi,
        String losingOperator,
        Instant orderedAt) {

    /** The reference the cutover interface knows this line by. */
    public String lineId() {
        return fibre ? ptoReference : ndi;
    }
}
