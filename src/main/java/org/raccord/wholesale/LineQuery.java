package org.raccord.wholesale;

import java.util.Objects;

/** Which reference to ask the owner about: the owner's interfaces accept any one of these. */
public record LineQuery(Kind kind, String value) {

    public enum Kind { ORDER_REFERENCE, SERVICE_REFERENCE, PTO_REFERENCE, NDI }

    public LineQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static LineQuery order(String reference) {
        return new LineQuery(Kind.ORDER_REFERENCE, reference);
    }
}
