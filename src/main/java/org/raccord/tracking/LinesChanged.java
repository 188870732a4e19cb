package org.raccord.tracking;

import java.util.Set;

/**
 * The lines a committed transaction of the ledger changed, by id: observed after the commit by the
 * stored answers (the API's read model), which render them again.
 */
public record LinesChanged(Set<Long> lineIds) {
}
