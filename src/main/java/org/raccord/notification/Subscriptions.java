package org.raccord.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The hub's subscriptions, each visible to the client that made it only. */
@ApplicationScoped
public class Subscriptions {

    @Inject
    Event<SubscriptionEnded> ended;

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Inject
    Deliveries deliveries;

    /** A new subscription and its secret (returned once, here). */
    @Transactional
    public Subscription create(String client, String callbackUrl, Set<String> eventTypes, OffsetDateTime now) {
        Subscription s = new Subscription(client, callbackUrl, eventTypes, Signatures.newSecret(), now);
        em.persist(s);
        return s;
    }

    public List<Subscription> of(String client) {
        return em.createQuery("select s from Subscription s where s.client = :c and s.state <> :deleted order by s.createdAt",
                Subscription.class).setParameter("c", client).setParameter("deleted", Subscription.DELETED).getResultList();
    }

    public Optional<Subscription> find(String client, String id) {
        Subscription s = id == null ? null : em.find(Subscription.class, id);
        return s == null || !s.client().equals(client) || Subscription.DELETED.equals(s.state()) ? Optional.empty() : Optional.of(s);
    }

    /** Deletes it: nothing more is delivered, pending deliveries are cancelled. */
    @Transactional
    public boolean delete(String client, String id) {
        Optional<Subscription> found = find(client, id).map(s -> em.merge(s));
        found.ifPresent(s -> {
            s.delete();
            deliveries.cancelPending(s.id());
            ended.fire(new SubscriptionEnded(s.id()));
        });
        return found.isPresent();
    }

    /** A new secret; the old one still signs (second signature) during the grace period. */
    @Transactional
    public Optional<Subscription> rotate(String client, String id, Duration grace, OffsetDateTime now) {
        Optional<Subscription> found = find(client, id).map(s -> em.merge(s));
        found.ifPresent(s -> s.rotate(Signatures.newSecret(), now.plus(grace)));
        return found;
    }
}
