package org.raccord.polling;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Hands out the lines whose check is due, to any number of instances at once: the rows are locked
 * with {@code SKIP LOCKED} (native SQL: JPA has no such lock mode) and their next check is pushed
 * out by a lease in the same short transaction, committed before any consult. Two instances never
 * consult the same line; the check itself then sets the line's real next check, and a line whose
 * instance died is due again when the lease ends.
 */
@ApplicationScoped
public class CheckClaims {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    /** Claims up to {@code max} due lines for {@code lease}; returns their order references, most overdue first. */
    @Transactional
    public List<String> claim(OffsetDateTime now, Duration lease, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("select id, order_reference from tracked_line where next_check_at <= ?"
                        + " order by next_check_at fetch first " + max + " rows only for update skip locked")
                .setParameter(1, now).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        var push = em.createNativeQuery("update tracked_line set next_check_at = ? where id in ("
                + String.join(",", Collections.nCopies(due.size(), "?")) + ")").setParameter(1, now.plus(lease));
        for (int i = 0; i < due.size(); i++) {
            push.setParameter(i + 2, ((Number) due.get(i)[0]).longValue());
        }
        push.executeUpdate();
        return due.stream().map(row -> (String) row[1]).toList();
    }
}
