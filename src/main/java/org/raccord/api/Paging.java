package org.raccord.api;

/** Reads paging parameters by hand: JAX-RS would answer 404 to a number it cannot convert. */
final class Paging {

    private Paging() {
    }

    /** The whole number in [min, max], or null when the text is anything else. */
    static Integer number(String text, int min, int max) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value < min || value > max ? null : value;
    }
}
