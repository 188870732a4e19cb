package org.raccord.simulator;

/** A scripted event once the owner has published it on its feed, with its sequence number. */
public record PublishedEvent(long sequence, SimulatedLine line, ScriptedEvent event) {
}
