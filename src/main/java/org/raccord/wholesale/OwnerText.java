package org.raccord.wholesale;

import java.util.ArrayList;
import java.util.List;

import org.raccord.tracking.BoundedText;

/**
 * The owner's free texts are unbounded {@code xs:string}s, Raccord's columns are not: one label
 * longer than its column would fail the whole feed page, page after page. Each text is bounded
 * here, at the translation boundary: kept as it is where it fits, clipped with a marker where it
 * does not. What was clipped is kept verbatim (up to {@link #VERBATIM_LIMIT}) beside the event, so
 * nothing the owner said is lost.
 */
final class OwnerText {

    /** Sizes of the columns the owner's reason lands in ({@code reason_code}, {@code reason_label}). */
    static final int CODE_LIMIT = 16;
    static final int LABEL_LIMIT = 200;
    /** The verbatim copy is bounded too: past this, an answer is abuse, not information. */
    static final int VERBATIM_LIMIT = 65_536;

    private final List<String> clipped = new ArrayList<>();

    /** {@code text} as it is when it has at most {@code limit} characters, else clipped with the marker. */
    String bounded(String name, String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        clipped.add(name + ": " + BoundedText.clip(text, VERBATIM_LIMIT));
        return BoundedText.clip(text, limit);
    }

    /** What was clipped in this event, verbatim, one "field: text" a line; null when nothing was. */
    String verbatim() {
        return clipped.isEmpty() ? null : String.join("\n", clipped);
    }
}
