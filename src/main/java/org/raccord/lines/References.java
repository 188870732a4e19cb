package org.raccord.lines;

/** Shapes of the references clients may send; anything else is refused before any lookup. */
final class References {

    /** The provider's order reference (ReferenceCommandePriseInterneOC): at most 30 characters. */
    static final String ORDER = "[A-Za-z0-9_-]{1,30}";

    private References() {
    }
}
