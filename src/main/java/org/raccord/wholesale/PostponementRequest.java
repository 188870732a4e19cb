package org.raccord.wholesale;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to the owner to move a line's planned cutover to {@code wantedCut}. {@code requestId}
 * is Raccord's id of the request: sent again, the owner answers it without making a second one.
 */
public record PostponementRequest(UUID requestId, LineQuery line, OffsetDateTime wantedCut) {

    public PostponementRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(wantedCut, "wantedCut");
        if (line.kind() == LineQuery.Kind.SERVICE_REFERENCE) {
            throw new IllegalArgumentException("the cutover interface has no service reference");
        }
    }
}
