package org.raccord.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A planned cutover the owner agreed to move: from {@code at} on, its feed says the cut moved
 * ({@code BASCULE_REPLANIFIEE}, answering the request {@code ownerReference}) and the takeover
 * happens at {@code to}. Applied over a line's script, so the world stays a function of its
 * inputs: the population, and the moves granted.
 */
record CutoverMove(int line, Instant at, Instant from, Instant to, String ownerReference) {

    /** Why the owner moved the cut, as its feed says it. */
    static final OwnerReason ASKED_BY_PROVIDER = new OwnerReason("FBAS01", "Report de bascule à la demande de l'opérateur commercial");

    /** The script with these moves, oldest first, applied: the takeover later, a feed event saying so. */
    static List<ScriptedEvent> apply(List<ScriptedEvent> script, List<CutoverMove> moves) {
        List<ScriptedEvent> events = new ArrayList<>(script);
        for (CutoverMove move : moves) {
            for (int i = 0; i < events.size(); i++) {
                ScriptedEvent e = events.get(i);
                if ("NOTIF_ECRASEMENT".equals(e.flow())) {
                    events.set(i, e.movedTo(move.to()).cutoverAt(move.to(), null));
                }
            }
            // Appended before sorting: a stable sort keeps it after events of the same instant,
            // which are already published, so no published sequence ever changes.
            events.add(ScriptedEvent.cutover(move.at(), "BASCULE_REPLANIFIEE").cutoverAt(move.to(), move.from())
                    .because(ASKED_BY_PROVIDER).answering(move.ownerReference()));
        }
        events.sort(Comparator.comparing(ScriptedEvent::at));
        return List.copyOf(events);
    }
}
