package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What the ledger forgets, in bounded batches (each call one transaction): a line whose order is
 * settled (completed, cancelled, rejected, failed) and has not changed since the cutoff, with its
 * whole story (timeline, revisions, alerts, milestones, outbox events), since it names a home's
 * phone line and a person's mobile; and outbox events published before their own cutoff. Bulk
 * JPQL deletes ({@link BatchDelete}), so that the provider drops its cached copies too. The read
 * model hears of the erased lines ({@link LinesErased}) and forgets their answers.
 */
@ApplicationScoped
public class SettledLines {

    private static final List<ServiceState> SETTLED = List.of(ServiceState.COMPLETED, ServiceState.CANCELLED,
            ServiceState.REJECTED, ServiceState.FAILED);
    private static final List<String> STORIES = List.of("TimelineEntry", "DeliveryRevision", "JeopardyAlert",
            "MilestoneReached", "OutboxEvent", "PreventionStep", "BreachPrevention");

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Inject
    Event<LinesErased> erased;

    @Inject
    LineChanges changes;

    /** Erases up to {@code batch} settled lines unchanged since {@code before}; returns how many. */
    @Transactional
    public int eraseSettledBefore(OffsetDateTime before, int batch) {
        List<Long> candidates = em.createQuery("select l.id from TrackedLine l where l.state in :settled"
                        + " and l.changedAt < :before order by l.id", Long.class)
                .setParameter("settled", SETTLED).setParameter("before", before).setMaxResults(batch).getResultList();
        if (candidates.isEmpty()) {
            return 0;
        }
        // Locked until the commit, the conditions checked again: a page reopening one of these
        // orders waits, then finds it gone and starts it anew, instead of adding its story to a line
        // being erased. (Locked apart from the paged query: H2 refuses FOR UPDATE with LIMIT.)
        List<TrackedLine> lines = em.createQuery("select l from TrackedLine l where l.id in :ids and l.state in :settled"
                        + " and l.changedAt < :before", TrackedLine.class)
                .setParameter("ids", candidates).setParameter("settled", SETTLED).setParameter("before", before)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (lines.isEmpty()) {
            return 0;
        }
        List<Long> ids = lines.stream().map(TrackedLine::id).toList();
        erased.fire(new LinesErased(Set.copyOf(ids)));
        Map<Long, Long> gone = new TreeMap<>();
        ids.forEach(id -> gone.put(id, LineChange.ERASED));
        for (String story : STORIES) {
            em.createQuery("delete from " + story + " e where e.lineId in :ids").setParameter("ids", ids).executeUpdate();
        }
        em.createQuery("delete from TrackedLine l where l.id in :ids").setParameter("ids", ids).executeUpdate();
        // Last, for the other instances' read models (see LineChanges).
        changes.record(gone, OffsetDateTime.now(ZoneOffset.UTC));
        return ids.size();
    }

    /** Deletes up to {@code batch} outbox events published before {@code before}; returns how many. */
    @Transactional
    public int deletePublishedOutboxBefore(OffsetDateTime before, int batch) {
        return BatchDelete.of(em, "OutboxEvent", "e.publishedAt < :before", Map.of("before", before), batch);
    }
}
