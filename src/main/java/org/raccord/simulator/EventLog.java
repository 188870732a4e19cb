package org.raccord.simulator;

import java.util.Arrays;

/**
 * What one feed has published, in order: entry {@code n} (sequence {@code n + 1}) is event
 * {@code ordinal} of line {@code line}. Five bytes an event, so millions of events stay small; the
 * event itself is replayed from the line's script when read.
 */
final class EventLog {

    private int[] lines = new int[1024];
    private byte[] ordinals = new byte[1024];
    private int size;

    /** Appends and returns the new event's sequence number (1-based, strictly increasing). */
    long append(int line, int ordinal) {
        if (size == lines.length) {
            int grown = size + (size >> 1);
            lines = Arrays.copyOf(lines, grown);
            ordinals = Arrays.copyOf(ordinals, grown);
        }
        lines[size] = line;
        ordinals[size] = (byte) ordinal;
        return ++size;
    }

    /** The last published sequence (0 when nothing was published). */
    long lastSequence() {
        return size;
    }

    int lineAt(long sequence) {
        return lines[(int) sequence - 1];
    }

    int ordinalAt(long sequence) {
        return ordinals[(int) sequence - 1];
    }
}
