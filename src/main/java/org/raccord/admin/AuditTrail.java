package org.raccord.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Who did what, when: every operator action is stored (in a transaction of its own, so that a
 * failed action is recorded too) and logged to {@code org.raccord.audit}. Targets are references
 * and ids, never secrets; phone numbers are masked in the log.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger AUDIT = Logger.getLogger("org.raccord.audit");

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String action, String target, int outcome) {
        em.persist(new OperatorActionRecord(OffsetDateTime.now(ZoneOffset.UTC), actor, action, target, outcome));
        AUDIT.info(() -> actor + " " + action + (target == null ? "" : " " + masked(target)) + " -> " + outcome);
    }

    public List<OperatorActionRecord.Entry> latest(int limit) {
        return em.createQuery("select a from OperatorActionRecord a order by a.at desc, a.id desc", OperatorActionRecord.class)
                .setMaxResults(limit).getResultList().stream().map(OperatorActionRecord::entry).toList();
    }

    /** Digits beyond the first four of a long run are masked: a target may be a phone number. */
    static String masked(String target) {
        return target.replaceAll("(?<=\\d{4})\\d(?=\\d{2})", "•");
    }
}
