package org.raccord.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.raccord.tracking.BatchDelete;
import org.raccord.tracking.PhoneNumbers;

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
        // The target may be a phone number: it is kept masked, in the log and in the trail the console shows.
        String masked = PhoneNumbers.maskIn(target);
        em.persist(new OperatorActionRecord(OffsetDateTime.now(ZoneOffset.UTC), actor, action, masked, outcome));
        AUDIT.info(() -> actor + " " + action + (masked == null ? "" : " " + masked) + " -> " + outcome);
    }

    public List<OperatorActionRecord.Entry> latest(int limit) {
        return em.createQuery("select a from OperatorActionRecord a order by a.at desc, a.id desc", OperatorActionRecord.class)
                .setMaxResults(limit).getResultList().stream().map(OperatorActionRecord::entry).toList();
    }

    /** Retention: deletes up to {@code batch} actions recorded before {@code before}; returns how many. */
    @Transactional
    public int deleteBefore(OffsetDateTime before, int batch) {
        return BatchDelete.of(em, "OperatorActionRecord", "e.at < :before", Map.of("before", before), batch);
    }

}
