package org.raccord.tracking;

import java.util.Set;

/**
 * Lines erased by retention, with everything recorded about them: fired inside the erasing
 * transaction and observed after its commit by whatever keeps copies of their answers.
 */
public record LinesErased(Set<Long> lineIds) {

    public LinesErased {
        lineIds = Set.copyOf(lineIds);
    }
}
