package org.raccord.simulator;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A daily window such as {@code 02:00-03:30}; it may run over midnight ({@code 23:00-01:00}). */
public record MaintenanceWindow(LocalTime start, LocalTime end) {

    public MaintenanceWindow {
        if (start.equals(end)) {
            throw new IllegalArgumentException("a maintenance window needs a length");
        }
    }

    /** Parses {@code HH:mm-HH:mm}; a blank text means no window. */
    public static MaintenanceWindow parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("maintenance window must look like HH:mm-HH:mm: " + text);
        }
        try {
            return new MaintenanceWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("maintenance window must look like HH:mm-HH:mm: " + text, e);
        }
    }

    public boolean contains(LocalTime t) {
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    public Duration remaining(LocalTime t) {
        Duration d = Duration.between(t, end);
        return d.isNegative() ? d.plusDays(1) : d;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
