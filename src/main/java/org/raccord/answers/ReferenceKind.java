package org.raccord.answers;

import java.nio.charset.StandardCharsets;

import org.raccord.tracking.LineColumn;
import org.raccord.tracking.LineKeys;

/**
 * The shelf's key spaces, one per {@link LineColumn} a line can be found by (the order of the
 * tries is {@code LineReference.tries()}); each is its own key space on the shelf (a letter, then the value), so that a phone
 * number and an order reference that happen to be spelled alike never meet.
 */
enum ReferenceKind {
    ORDER('O', LineColumn.ORDER),
    SERVICE('S', LineColumn.SERVICE),
    PTO('T', LineColumn.PTO),
    NDI('N', LineColumn.NDI),
    PHONE('P', LineColumn.PHONE);

    private final char letter;
    private final LineColumn column;

    ReferenceKind(char letter, LineColumn column) {
        this.letter = letter;
        this.column = column;
    }

    /** The shelf's key space for a column. */
    static ReferenceKind of(LineColumn column) {
        for (ReferenceKind kind : values()) {
            if (kind.column == column) {
                return kind;
            }
        }
        throw new IllegalArgumentException(column.name());
    }

    byte[] key(String value) {
        return (letter + value).getBytes(StandardCharsets.UTF_8);
    }

    /** This kind's reference of the line (null if it has none). */
    String in(LineKeys line) {
        return column.of(line);
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
