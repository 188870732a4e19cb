package org.raccord.simulator;

import java.time.Instant;
import java.util.List;

/**
 * Events a careless or broken owner publishes, for tests and demonstrations: each is published on
 * the order feed, about an order the owner never announced (so the scripted world's truth about
 * its own lines stays intact), when asked through {@link SimulatorResource}.
 */
public enum HostileEvent {
    /** A reason label of about 5,000 characters (the contract's xs:string has no bound). */
    LONG_LABEL,
    /** A reason code no catalogue knows, in no known family. */
    UNKNOWN_CODE,
    /** An order reference of 40 characters, longer than any Raccord stores: cannot be applied. */
    LONG_REFERENCE,
    /** An acknowledgement for an order that consulting then says the owner does not know. */
    UNANNOUNCED_ORDER,
    /**
     * A flow the contract does not list ({@code FLUX_INCONNU} on the wire): the generated enum
     * cannot carry it, so {@link UnknownFlows} writes it into the answer's XML.
     */
    UNKNOWN_FLOW;

    /** The line this event is about (unknown to the owner's world) and the event itself, published at {@code at}. */
    PublishedEvent at(long sequence, Instant at) {
        String reference = switch (this) {
            case LONG_REFERENCE -> "CMDX-" + "9".repeat(35);
            default -> "CMDX-" + name().replace("_", "") + "-" + sequence;
        };
        SimulatedLine line = new SimulatedLine(-1, Scenario.NOMINAL_FIBRE, true, reference, null, null, null, null, at);
        ScriptedEvent event = switch (this) {
            case LONG_LABEL -> ScriptedEvent.order(at, "RETARD")
                    .because(new OwnerReason("FINT01", "Point de mutualisation saturé. " + "Détail ".repeat(700)));
            case UNKNOWN_CODE -> ScriptedEvent.order(at, "RETARD").because(new OwnerReason("ZZZ42", "Code inconnu"));
            case LONG_REFERENCE, UNANNOUNCED_ORDER -> ScriptedEvent.order(at, "AR");
            case UNKNOWN_FLOW -> ScriptedEvent.order(at, "CR_CMD");
        };
        return new PublishedEvent(sequence, line, event);
    }

    static final List<HostileEvent> ALL = List.of(values());
}
