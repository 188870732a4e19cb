package org.raccord.polling;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.raccord.wholesale.WholesaleException;

/**
 * Consults the owner about the lines whose next check is due (see {@code CheckCadence}): lines
 * near a cut or a delivery, lines with incomplete data, newly registered lines. A bounded number per
 * run, so reconciliation never eats the quota the feeds need.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Inject
    LineRefresh refresh;

    @Inject
    @ConfigProperty(name = "raccord.polling.checksPerRun", defaultValue = "20")
    int checksPerRun;

    /** Consults the due lines; returns how many were refreshed. */
    public int run() {
        List<String> due = em.createQuery("select l.orderReference from TrackedLine l where l.nextCheckAt <= :now"
                        + " order by l.nextCheckAt", String.class)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setMaxResults(checksPerRun)
                .getResultList();
        int refreshed = 0;
        for (String order : due) {
            try {
                refresh.refresh(order);
                refreshed++;
            } catch (WholesaleException.FunctionalFault unknown) {
                LOG.log(Level.INFO, () -> "the owner does not know order " + order + ": " + unknown.getMessage());
            } catch (RuntimeException trouble) {
                LOG.log(Level.FINE, () -> "reconciliation stopped: " + trouble.getMessage());
                break;
            }
        }
        return refreshed;
    }
}
