package org.raccord.api;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.raccord.tracking.LineKeys;

/**
 * The kinds of reference a lookup may come by, in the order a reference is tried against a line's
 * columns; each is its own key space on the shelf (a letter, then the value), so that a phone
 * number and an order reference that happen to be spelled alike never meet.
 */
enum ReferenceKind {
    ORDER('O', LineKeys::orderReference),
    SERVICE('S', LineKeys::serviceReference),
    PTO('T', LineKeys::ptoReference),
    NDI('N', LineKeys::ndi),
    PHONE('P', LineKeys::phoneE164);

    private final char letter;
    private final Function<LineKeys, String> ofLine;

    ReferenceKind(char letter, Function<LineKeys, String> ofLine) {
        this.letter = letter;
        this.ofLine = ofLine;
    }

    byte[] key(String value) {
        return (letter + value).getBytes(StandardCharsets.UTF_8);
    }

    /** This kind's reference of the line (null if it has none). */
    String in(LineKeys line) {
        return ofLine.apply(line);
    }

    /** The line's references, one slot per kind, in this enum's order. */
    static String[] allOf(LineKeys line) {
        ReferenceKind[] kinds = values();
        String[] refs = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            refs[i] = kinds[i].in(line);
        }
        return refs;
    }
}
