package org.raccord.tracking;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lines a transaction of the ledger changed, each at the version it is written with (flushed):
 * fired inside the transaction, before the commit, so that the API's read model withdraws their
 * answers before anyone can read the change, and observed again after the commit to render them.
 */
public record LinesChanged(List<LineKeys> lines) {

    public Set<Long> lineIds() {
        return lines.stream().map(LineKeys::id).collect(Collectors.toSet());
    }
}
