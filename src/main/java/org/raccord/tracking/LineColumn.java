package org.raccord.tracking;

import java.util.function.Function;

/**
 * The columns a line can be found by: each reference a client may give is tried against some of
 * them, in an order that {@code api.LineReference} states once for the database lookup and the read
 * model alike.
 */
public enum LineColumn {
    ORDER("orderReference", LineKeys::orderReference),
    SERVICE("serviceReference", LineKeys::serviceReference),
    PTO("ptoReference", LineKeys::ptoReference),
    NDI("ndi", LineKeys::ndi),
    PHONE("phoneE164", LineKeys::phoneE164);

    private final String attribute;
    private final Function<LineKeys, String> ofLine;

    LineColumn(String attribute, Function<LineKeys, String> ofLine) {
        this.attribute = attribute;
        this.ofLine = ofLine;
    }

    /** The entity attribute (a constant, never client input). */
    String attribute() {
        return attribute;
    }

    /** This column's value for the line (null if it has none). */
    public String of(LineKeys line) {
        return ofLine.apply(line);
    }

    /** One try of a lookup: this column, this value. */
    public record Try(LineColumn column, String value) {
    }
}
