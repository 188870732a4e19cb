package org.raccord.wholesale;

import java.time.OffsetDateTime;

/**
 * The owner's acknowledgement of a postponement: its own reference for the request, the cut it
 * moves and the cut it grants. The feed confirms the move later (a planned cutover moved).
 */
public record PostponementGranted(String requestId, String ownerReference, OffsetDateTime previousCut,
                                  OffsetDateTime grantedCut) {
}
