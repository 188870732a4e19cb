package org.raccord.tracking;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

/**
 * One bounded step of a purge: up to {@code batch} rows of an entity that meet a condition are
 * deleted with a bulk JPQL delete, which also makes the provider drop its cached copies (a native
 * delete would leave them to be served). The condition is checked again by the delete itself, so a
 * row that changed since it was selected (a dead letter replayed meanwhile) stays.
 */
public final class BatchDelete {

    private BatchDelete() {
    }

    /** Deletes up to {@code batch} {@code entity} rows (alias {@code e}) meeting {@code condition}; returns how many. */
    public static int of(EntityManager em, String entity, String condition, Map<String, Object> parameters, int batch) {
        TypedQuery<Long> select = em.createQuery("select e.id from " + entity + " e where " + condition + " order by e.id",
                Long.class).setMaxResults(batch);
        parameters.forEach(select::setParameter);
        List<Long> ids = select.getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        Query delete = em.createQuery("delete from " + entity + " e where e.id in :ids and " + condition).setParameter("ids", ids);
        parameters.forEach(delete::setParameter);
        return delete.executeUpdate();
    }
}
