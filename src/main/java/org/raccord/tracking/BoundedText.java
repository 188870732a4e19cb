package org.raccord.tracking;

/**
 * Text bounded to a column: kept as it is where it fits, else clipped with a marker, so that a
 * reader sees at once that there was more. One rule for the owner's texts and Raccord's own.
 */
public final class BoundedText {

    /** Ends a clipped text. */
    public static final String MARKER = "…";

    private BoundedText() {
    }

    /** {@code text} when it has at most {@code limit} characters, else its start and the marker (null stays null). */
    public static String clip(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = limit - MARKER.length();
        // Never split a surrogate pair: half a character is not text.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + MARKER;
    }
}
