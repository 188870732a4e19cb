package org.raccord.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import org.raccord.tracking.BatchDelete;
import org.raccord.tracking.OutboxEvent;
import org.raccord.tracking.SpokenDates;
import org.raccord.tracking.TrackedLine;

/**
 * The deliveries in the database: written from the outbox (one per event and interested
 * subscriber, in the same transaction that marks the event published), claimed for attempts, and
 * closed with their outcome.
 */
@ApplicationScoped
public class Deliveries implements Courier.Store {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    /** Attempts by outcome (delivered, retry, dead, gone), counted as each round is recorded. */
    public static final String OUTCOMES = "raccord.webhook.attempts";
    /** Deliveries read by one query (a database's bound parameters are limited: PostgreSQL 32,767). */
    private static final int READ_TOGETHER = 1000;

    @Inject
    MeterRegistry meters;

    @Inject
    NotificationSettings settings;

    private Coalescing coalescing;

    @PostConstruct
    void build() {
        coalescing = new Coalescing(settings.templates(), QuietHours.parse(settings.quietHours(), SpokenDates.PARIS));
    }

    /** Turns up to {@code max} unpublished outbox events into deliveries; returns how many events. */
    @Transactional
    public int dispatch(CloudEvents bodies, Instant now, int max) {
        // Ordered by the whole pending index (publishedAt is null for all of them, so this is id
        // order): ordered by id alone, PostgreSQL walked the primary key past every published event
        // once a backlog built up (0.5 s a batch at 80,000 pending, docs/benchmarks.md).
        List<OutboxEvent> events = em.createQuery("select o from OutboxEvent o where o.publishedAt is null"
                + " order by o.publishedAt, o.id", OutboxEvent.class).setMaxResults(max).getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        List<Subscription> active = em.createQuery("select s from Subscription s where s.state = :active", Subscription.class)
                .setParameter("active", Subscription.ACTIVE).getResultList();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (OutboxEvent event : events) {
            List<Subscription> takers = active.stream().filter(s -> s.wants(event.type())).toList();
            if (!takers.isEmpty()) {
                LineFacts line = LineFacts.of(em.find(TrackedLine.class, event.lineId()));
                String body = bodies.body(event.eventId(), event.type(), event.payload(), line,
                        event.createdAt().toInstant(), now);
                takers.forEach(s -> em.persist(new Delivery(s.id(), event, body, at)));
            }
            event.published(at);
        }
        return events.size();
    }

    /**
     * Claims the due heads of their lines, several instances at once: the rows are locked with
     * {@code SKIP LOCKED} (native SQL: JPA has no such lock mode) and their lease is committed
     * before any attempt, so no two instances take the same delivery. A delivery is a head when no
     * earlier event of its line is pending for its subscriber, nor waiting in the outbox: one line's
     * events go out in the order its transactions committed them ({@code line_event_number}).
     *
     * <p>The claim is shared between subscribers: each with due deliveries and room is first offered
     * an equal share of {@code max}, oldest due first, and what is left goes round again. Taken in
     * due order across all subscribers, a receiver that always fails kept its retries ahead of a
     * healthy subscriber's new events, claim after claim (docs/reliability.md, receivers).
     */
    @Override
    @Transactional
    public List<Parcel> claimDue(Instant now, Instant leaseUntil, int max, Courier.Room room) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<String> waiting = withDue(at, room);
        Map<String, Integer> taken = new HashMap<>();
        List<Parcel> parcels = new ArrayList<>();
        int share = waiting.isEmpty() ? 0 : Math.max(1, (max + waiting.size() - 1) / waiting.size());
        for (int round = 0; round < 2 && parcels.size() < max; round++) {
            if (round > 0) {
                em.flush(); // the leases of the first round, so that its rows are no longer due
            }
            for (String subscription : waiting) {
                int had = taken.getOrDefault(subscription, 0);
                if (round > 0 && had < share) {
                    continue; // it had less than its share: everything it had due
                }
                int limit = Math.min(room.of(subscription) - had, Math.min(round == 0 ? share : max, max - parcels.size()));
                if (limit <= 0) {
                    continue;
                }
                List<Parcel> claimed = claimHeads(subscription, at, leaseUntil, limit);
                taken.merge(subscription, claimed.size(), Integer::sum);
                parcels.addAll(claimed);
            }
        }
        return parcels;
    }

    /** Subscribers with a delivery due and room for it, the longest waiting first (one index probe each). */
    private List<String> withDue(OffsetDateTime at, Courier.Room room) {
        List<?> rows = em.createNativeQuery("select s.id, (select min(d.next_attempt_at) from webhook_delivery d"
                + " where d.subscription_id = s.id and d.state = ?) from hub_subscription s")
                .setParameter(1, Delivery.PENDING).getResultList();
        List<Object[]> due = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (r[1] != null && !dueAt(r[1]).isAfter(at) && !room.full().contains((String) r[0]) && room.of((String) r[0]) > 0) {
                due.add(r);
            }
        }
        due.sort((a, b) -> dueAt(a[1]).compareTo(dueAt(b[1])));
        return due.stream().map(r -> (String) r[0]).toList();
    }

    private static OffsetDateTime dueAt(Object column) {
        return column instanceof OffsetDateTime t ? t : ((Timestamp) column).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** Claims up to {@code limit} due heads of one subscriber's lines, oldest due first. */
    private List<Parcel> claimHeads(String subscription, OffsetDateTime at, Instant leaseUntil, int limit) {
        List<?> ids = em.createNativeQuery(headsDue(limit))
                .setParameter(1, subscription).setParameter(2, Delivery.PENDING).setParameter(3, at)
                .setParameter(4, Delivery.PENDING).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Subscription s = em.find(Subscription.class, subscription);
        URI callback = URI.create(s.callbackUrl());
        Map<Long, Delivery> claimed = byId(ids.stream().map(id -> ((Number) id).longValue()).toList());
        List<Parcel> parcels = new ArrayList<>();
        for (Object id : ids) {
            Delivery d = claimed.get(((Number) id).longValue());
            prepare(d, at.toInstant());
            d.claim(leaseUntil.atOffset(ZoneOffset.UTC));
            parcels.add(new Parcel(d.id(), s.id(), callback, s.liveSecrets(at.toInstant()), d.eventId(), d.body(), d.attempts()));
        }
        return parcels;
    }

    /**
     * The claim's query: a subscriber's due deliveries (?1 subscriber, ?2 and ?4 pending, ?3 now)
     * that are the heads of their lines, oldest due first, locked. PostgreSQL plans it from
     * statistics taken when almost nothing was pending, so it must stay cheap when they are wrong:
     * each "nothing earlier" test is fenced ({@code offset 0 rows}) to run per due delivery, not be
     * flattened into a join with every pending delivery, and answered by one index range on the line
     * (V14, which also left no index leading with the state to be mistaken for a good one). Without
     * them a claim scanned all pending deliveries for each due one: 0.3 to 1.9 s once a failing
     * receiver's retries piled up (docs/reliability.md, receivers; {@code HeadsDueQueryTest}).
     * H2 reads the fence as the no-op it is.
     */
    static String headsDue(int limit) {
        return "select d.id from webhook_delivery d where d.subscription_id = ? and d.state = ?"
                + " and d.next_attempt_at <= ?"
                + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
                + " and e.line_id = d.line_id and e.state = ? and e.line_event_number <= d.line_event_number"
                + " and (e.line_event_number < d.line_event_number or e.id < d.id) offset 0 rows)"
                + " and not exists (select 1 from outbox_event o where o.line_id = d.line_id and o.published_at is null"
                + " and o.line_event_number < d.line_event_number offset 0 rows)"
                + " order by d.next_attempt_at, d.id fetch first " + limit + " rows only for update skip locked";
    }

    /**
     * Before its first attempt: a delivery whose SMS may wait, with newer changes of its line
     * already waiting (within the coalescing window), gives its SMS to the newest of them, which
     * will tell its change too. Any other SMS is composed afresh, knowing what the customer was
     * already told.
     */
    private void prepare(Delivery d, Instant now) {
        if (!d.neverAttempted()) {
            return;
        }
        List<Delivery> newest = new ArrayList<>(1);
        Coalescing.Prepared prepared = coalescing.prepare(d.body(), d.eventType(), () -> {
            newest.addAll(em.createQuery("select e from Delivery e where e.subscriptionId = :s and e.lineId = :l"
                            + " and e.state = :pending and (e.lineEventNumber > :n or (e.lineEventNumber = :n and e.id > :id))"
                            + " and e.createdAt <= :until order by e.lineEventNumber desc, e.id desc", Delivery.class)
                    .setParameter("s", d.subscriptionId()).setParameter("l", d.lineId()).setParameter("pending", Delivery.PENDING)
                    .setParameter("id", d.id()).setParameter("n", d.lineEventNumber())
                    .setParameter("until", d.createdAt().plus(settings.coalesceWindow()))
                    .setMaxResults(1).getResultList());
            return newest.stream().findFirst().map(n -> new Coalescing.Waiting(n.eventId(), n.body()));
        }, () -> em.createQuery("select e.body from Delivery e where e.subscriptionId = :s and e.lineId = :l"
                        + " and e.state = :delivered and (e.lineEventNumber < :n or (e.lineEventNumber = :n and e.id < :id))", String.class)
                .setParameter("s", d.subscriptionId()).setParameter("l", d.lineId())
                .setParameter("delivered", Delivery.DELIVERED).setParameter("id", d.id())
                .setParameter("n", d.lineEventNumber()).getResultStream(), now);
        if (prepared.newerBody() != null) {
            newest.get(0).rewrite(prepared.newerBody());
        }
        d.rewrite(prepared.body());
    }

    @Override
    @Transactional
    public void record(List<Courier.AttemptOutcome> outcomes) {
        Map<Long, Delivery> attempted = byId(outcomes.stream().map(Courier.AttemptOutcome::deliveryId).distinct().toList());
        for (Courier.AttemptOutcome o : outcomes) {
            Delivery d = attempted.get(o.deliveryId());
            if (d == null || !Delivery.PENDING.equals(d.state()) || d.attempts() != o.attempt()) {
                // Cancelled meanwhile (410, unsubscribed), or claimed again after its lease: a
                // late outcome of an earlier attempt changes nothing.
                continue;
            }
            meters.counter(OUTCOMES, "outcome", o.kind().name().toLowerCase(Locale.ROOT)).increment();
            OffsetDateTime at = o.at().atOffset(ZoneOffset.UTC);
            switch (o.kind()) {
                case DELIVERED -> d.delivered(at, o.status());
                case RETRY -> d.retryAt(at, o.status(), o.error());
                case DEAD -> d.dead(o.status(), o.error());
                case GONE -> {
                    d.dead(o.status(), o.error());
                    em.find(Subscription.class, o.subscriptionId()).disable("the receiver answered 410 Gone");
                    cancelPending(o.subscriptionId());
                }
            }
        }
    }

    /**
     * The deliveries with these ids, read together: one query per thousand rather than one per
     * delivery (there is no second-level cache). A claim or a round of outcomes holds hundreds, and
     * the notification loop's thread waits for these reads before its next claim.
     */
    private Map<Long, Delivery> byId(List<Long> ids) {
        Map<Long, Delivery> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_TOGETHER) {
            em.createQuery("select d from Delivery d where d.id in :ids", Delivery.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + READ_TOGETHER)))
                    .getResultStream().forEach(d -> found.put(d.id(), d));
        }
        return found;
    }

    void cancelPending(String subscriptionId) {
        em.createQuery("select d from Delivery d where d.subscriptionId = :s and d.state = :pending", Delivery.class)
                .setParameter("s", subscriptionId).setParameter("pending", Delivery.PENDING)
                .getResultList().forEach(Delivery::cancel);
    }

    /**
     * Retention: deletes up to {@code batch} finished deliveries (delivered, dead, cancelled) created
     * before {@code before}, with the bodies that carry customers' mobile numbers; returns how many.
     */
    @Transactional
    public int deleteFinishedBefore(OffsetDateTime before, int batch) {
        return BatchDelete.of(em, "Delivery", "e.state in :finished and e.createdAt < :before",
                Map.of("finished", List.of(Delivery.DELIVERED, Delivery.DEAD, Delivery.CANCELLED), "before", before), batch);
    }

    /** A subscriber's deliveries, newest first, optionally in one state. */
    public List<Delivery> of(String subscriptionId, String state, int limit) {
        var query = em.createQuery("select d from Delivery d where d.subscriptionId = :s"
                + (state == null ? "" : " and d.state = :state") + " order by d.id desc", Delivery.class)
                .setParameter("s", subscriptionId).setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.getResultList();
    }

    /** The newest dead letters, all subscriptions together (operations). */
    public List<Delivery> dead(int limit) {
        return em.createQuery("select d from Delivery d where d.state = :dead order by d.id desc", Delivery.class)
                .setParameter("dead", Delivery.DEAD).setMaxResults(limit).getResultList();
    }

    /** Sends a dead letter again, same id, fresh schedule; false when it is no dead letter. */
    @Transactional
    public boolean replay(long deliveryId, Instant now) {
        Delivery d = em.find(Delivery.class, deliveryId);
        if (d == null || !Delivery.DEAD.equals(d.state())) {
            return false;
        }
        d.replay(now.atOffset(ZoneOffset.UTC));
        return true;
    }
}
