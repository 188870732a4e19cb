package org.raccord.notification;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * How each subscriber's deliveries stand, for operations: counts by state and where they go. The
 * callback is shown by host only and the signing secrets never leave this package.
 */
@ApplicationScoped
public class SubscriberTallies {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    /** One subscriber: its client, callback host, state, and deliveries by outcome. */
    public record SubscriberTally(String subscriptionId, String client, String callbackHost, String state,
                                  long delivered, long pending, long dead, long cancelled) {
    }

    public List<SubscriberTally> all() {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select d.subscriptionId, d.state, count(d) from Delivery d"
                + " group by d.subscriptionId, d.state", Object[].class).getResultList()) {
            counts.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((String) row[1], (Long) row[2]);
        }
        return em.createQuery("select s from Subscription s where s.state <> :deleted order by s.createdAt", Subscription.class)
                .setParameter("deleted", Subscription.DELETED).setMaxResults(200).getResultList().stream()
                .map(s -> {
                    Map<String, Long> c = counts.getOrDefault(s.id(), Map.of());
                    return new SubscriberTally(s.id(), s.client(), URI.create(s.callbackUrl()).getHost(), s.state(),
                            c.getOrDefault(Delivery.DELIVERED, 0L), c.getOrDefault(Delivery.PENDING, 0L),
                            c.getOrDefault(Delivery.DEAD, 0L), c.getOrDefault(Delivery.CANCELLED, 0L));
                }).toList();
    }

    /** Deliveries waiting for an attempt, all subscribers together. */
    public long pending() {
        return em.createQuery("select count(d) from Delivery d where d.state = :p", Long.class)
                .setParameter("p", Delivery.PENDING).getSingleResult();
    }
}
