package org.raccord.tracking;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * One bounded step of a purge: the rows whose ids a query selects (at most its maximum results)
 * are deleted with a bulk JPQL delete, which also makes the provider drop its cached copies (a
 * native delete would leave them to be served).
 */
public final class BatchDelete {

    private BatchDelete() {
    }

    /** Deletes the {@code entity} rows {@code ids} selects; returns how many. */
    public static int of(EntityManager em, String entity, TypedQuery<Long> ids) {
        List<Long> selected = ids.getResultList();
        return selected.isEmpty() ? 0
                : em.createQuery("delete from " + entity + " e where e.id in :ids").setParameter("ids", selected).executeUpdate();
    }
}
