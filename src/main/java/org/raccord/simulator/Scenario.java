package org.raccord.simulator;

/**
 * The lifecycles the simulated owner plays, with their share of the population. The first lines of
 * every population play each scenario once, so demos and tests always find every case.
 */
public enum Scenario {
    /** The customer letter: the old service is cut days before a delivery date that then slips. */
    CUSTOMER_LETTER(5),
    NOMINAL_FIBRE(40),
    COPPER_UNBUNDLING(20),
    DELIVERY_DATE_REVISED(10),
    REJECTED(8),
    APPOINTMENT_MOVED(10),
    CANCELLED(7);

    private final int weight;

    Scenario(int weight) {
        this.weight = weight;
    }

    static Scenario pick(int roll) {
        int total = 0;
        for (Scenario s : values()) {
            total += s.weight;
        }
        int r = Math.floorMod(roll, total);
        for (Scenario s : values()) {
            if (r < s.weight) {
                return s;
            }
            r -= s.weight;
        }
        throw new AssertionError("weights exhausted");
    }

    /** Whether the previous provider's access is taken over (écrasement), i.e. a cutover happens. */
    boolean takesOverAccess() {
        return this == CUSTOMER_LETTER || this == COPPER_UNBUNDLING;
    }
}
