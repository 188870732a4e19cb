package org.raccord.tracking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The store of tracked lines. */
@ApplicationScoped
public class TrackedLines {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Records what the owner said: registers the line on first sight, updates it afterwards. */
    @Transactional
    public TrackedLine record(OrderObservation observation) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<TrackedLine> known = byOrderReference(observation.orderReference());
        if (known.isPresent()) {
            known.get().observe(observation, now);
            return known.get();
        }
        TrackedLine line = TrackedLine.register(observation, now);
        em.persist(line);
        return line;
    }

    public Optional<TrackedLine> byOrderReference(String orderReference) {
        return first(em.createQuery("select l from TrackedLine l where l.orderReference = :r", TrackedLine.class)
                .setParameter("r", orderReference).getResultList());
    }

    /** Finds a line by any reference the owner gives it: order, service, PTO or NDI. */
    public Optional<TrackedLine> byAnyReference(String reference) {
        return first(em.createQuery("select l from TrackedLine l where l.orderReference = :r"
                        + " or l.serviceReference = :r or l.ptoReference = :r or l.ndi = :r", TrackedLine.class)
                .setParameter("r", reference).setMaxResults(2).getResultList());
    }

    private static Optional<TrackedLine> first(List<TrackedLine> lines) {
        return lines.stream().findFirst();
    }
}
