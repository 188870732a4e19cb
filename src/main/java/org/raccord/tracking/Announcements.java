package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/**
 * Tells the read model which lines a transaction changes, at the versions they are written with:
 * flushed first, so the versions are final. Every transaction that changes a line ends here; the
 * read model relies on it to never serve an answer older than its line.
 */
final class Announcements {

    private Announcements() {
    }

    static void announce(EntityManager em, Event<LinesChanged> changed, LineChanges changes, Set<Long> touched,
                         OffsetDateTime now) {
        if (touched.isEmpty()) {
            return;
        }
        em.flush();
        List<LineKeys> keys = touched.stream().map(id -> LineKeys.of(em.find(TrackedLine.class, id))).toList();
        changed.fire(new LinesChanged(keys));
        // Last: the other instances' read models learn of the change from this log.
        Map<Long, Long> versions = new TreeMap<>();
        keys.forEach(k -> versions.put(k.id(), k.version()));
        changes.record(versions, now);
    }
}
