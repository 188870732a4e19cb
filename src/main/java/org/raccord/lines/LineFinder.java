package org.raccord.lines;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.raccord.tracking.TrackedLine;
import org.raccord.tracking.TrackedLines;
import org.raccord.web.InvalidRequest;

/** Finds a line from what a client typed. */
@ApplicationScoped
public class LineFinder {

    @Inject
    TrackedLines lines;

    /** Reads what the client typed; throws {@link InvalidRequest} naming {@code field} when it is no reference. */
    public static LineReference read(String field, String text) {
        try {
            return LineReference.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidRequest(field, invalid.getMessage());
        }
    }

    /** The line that what the client typed in {@code field} refers to; an {@link InvalidRequest} if it is no reference. */
    public Optional<TrackedLine> find(String field, String text) {
        return find(read(field, text));
    }

    public Optional<TrackedLine> find(LineReference reference) {
        return lines.byFirst(reference.tries());
    }
}
