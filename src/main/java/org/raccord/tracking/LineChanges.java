package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The log of committed line changes that keeps every instance's read model current. Numbers come
 * from one counter row, taken at the very end of the changing transaction (after its last line
 * write): a transaction holding the counter waits for nothing but its own commit, and the next
 * one gets its numbers only then, so numbers follow commit order and have no gap (a rollback gives
 * its numbers back). A reader that has seen number n has seen every change before it.
 */
@ApplicationScoped
public class LineChanges {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    /** Records these lines (id to version) as changed, in the caller's transaction, last. */
    void record(Map<Long, Long> versions, OffsetDateTime now) {
        if (versions.isEmpty()) {
            return;
        }
        em.createNativeQuery("update line_change_counter set last_number = last_number + ? where id = 1")
                .setParameter(1, versions.size()).executeUpdate();
        long last = ((Number) em.createNativeQuery("select last_number from line_change_counter where id = 1")
                .getSingleResult()).longValue();
        long number = last - versions.size();
        for (Map.Entry<Long, Long> line : versions.entrySet()) {
            em.persist(new LineChange(++number, line.getKey(), line.getValue(), now));
        }
    }

    /** The newest change's number: a reader starting now follows from here. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long lastNumber() {
        return ((Number) em.createNativeQuery("select last_number from line_change_counter where id = 1")
                .getSingleResult()).longValue();
    }

    /** The changes after number {@code after}, in order, up to {@code limit}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<LineChange> after(long after, int limit) {
        return em.createQuery("select c from LineChange c where c.id > :after order by c.id", LineChange.class)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** Retention: deletes up to {@code batch} changes older than {@code before}; returns how many. */
    @Transactional
    public int deleteBefore(OffsetDateTime before, int batch) {
        return BatchDelete.of(em, "LineChange", "e.changedAt < :before", Map.of("before", before), batch);
    }
}
