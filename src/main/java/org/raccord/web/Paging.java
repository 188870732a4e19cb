package org.raccord.web;

import java.util.List;

/** Reads paging parameters by hand: JAX-RS would answer 404 to a number it cannot convert. */
public final class Paging {

    public static final int MAX_OFFSET = 1_000_000;
    public static final int MAX_LIMIT = 200;

    /** Items to skip and page size, both valid. */
    public record Page(int offset, int limit) {
    }

    private Paging() {
    }

    /** The page, or null after naming each invalid parameter in {@code violations}. */
    public static Page read(String offset, String limit, List<Problem.Violation> violations) {
        Integer o = number(offset, 0, MAX_OFFSET);
        Integer l = number(limit, 1, MAX_LIMIT);
        if (o == null) {
            violations.add(new Problem.Violation("offset", "must be a whole number from 0 to " + MAX_OFFSET));
        }
        if (l == null) {
            violations.add(new Problem.Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        return o == null || l == null ? null : new Page(o, l);
    }

    /** The whole number in [min, max], or null when the text is anything else. */
    public static Integer number(String text, int min, int max) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value < min || value > max ? null : value;
    }
}
