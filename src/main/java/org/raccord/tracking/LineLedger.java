package org.raccord.tracking;

import java.io.StringWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Where what the owner says becomes Raccord's record, one transaction per batch: the events, what
 * they change, the outbox rows for those changes, and the feed cursor all commit together or not at
 * all. An event already recorded (same feed, same sequence) is skipped, so any batch may be applied
 * again safely.
 */
@ApplicationScoped
public class LineLedger {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    private final LineRules rules = new LineRules(WorkingDays.france());
    private final Clock clock = Clock.systemUTC();

    /** Applies one page of the order feed and moves its cursor; returns how many events were new. */
    @Transactional
    public int applyOrderPage(List<OrderEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int applied = applyOrders(events, now);
        cursor(Feed.ORDER).advance(next, ownerLast, now);
        return applied;
    }

    /** Applies one page of the cutover feed and moves its cursor; returns how many events were new. */
    @Transactional
    public int applyCutoverPage(List<CutoverEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int applied = applyCutovers(events, now);
        cursor(Feed.CUTOVER).advance(next, ownerLast, now);
        return applied;
    }

    /** Records a consult of one order: its facts and its whole history (known events are skipped). */
    @Transactional
    public TrackedLine applyOrderHistory(OrderFacts facts, List<OrderEvent> events, List<CutoverEvent> cutovers) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        TrackedLine line = findOrCreate(facts.orderReference(), now);
        applyOrders(events, now);
        applyCutovers(cutovers, now);
        rules.confirm(line, facts, now);
        line.nextCheck(CheckCadence.next(line, now));
        return line;
    }

    public Optional<FeedCursor> cursorOf(Feed feed) {
        return Optional.ofNullable(em.find(FeedCursor.class, feed));
    }

    private int applyOrders(List<OrderEvent> events, OffsetDateTime now) {
        Set<Long> known = known(Feed.ORDER, events, OrderEvent::sequence);
        Map<String, TrackedLine> lines = new HashMap<>();
        int applied = 0;
        for (OrderEvent e : events) {
            if (!known.add(e.sequence())) {
                continue;
            }
            TrackedLine line = lines.computeIfAbsent(e.orderReference(), ref -> findOrCreate(ref, now));
            store(line, rules.apply(line, e, now), now);
            applied++;
        }
        return applied;
    }

    private int applyCutovers(List<CutoverEvent> events, OffsetDateTime now) {
        Set<Long> known = known(Feed.CUTOVER, events, CutoverEvent::sequence);
        int applied = 0;
        for (CutoverEvent e : events) {
            if (!known.add(e.sequence())) {
                continue;
            }
            Optional<TrackedLine> line = lineOf(e, now);
            if (line.isPresent()) {
                store(line.get(), rules.apply(line.get(), e, now), now);
                applied++;
            }
        }
        return applied;
    }

    /** A cutover belongs to the order that takes the access over; without one, to the line id. */
    private Optional<TrackedLine> lineOf(CutoverEvent e, OffsetDateTime now) {
        if (e.orderReference() != null) {
            return Optional.of(findOrCreate(e.orderReference(), now));
        }
        String column = e.ndi() != null ? "ndi" : "ptoReference";
        String value = e.ndi() != null ? e.ndi() : e.ptoReference();
        if (value == null) {
            return Optional.empty();
        }
        return em.createQuery("select l from TrackedLine l where l." + column + " = :v", TrackedLine.class)
                .setParameter("v", value).setMaxResults(1).getResultList().stream().findFirst();
    }

    private void store(TrackedLine line, Outcome out, OffsetDateTime now) {
        out.timeline().forEach(em::persist);
        out.revisions().forEach(em::persist);
        out.alerts().forEach(em::persist);
        out.milestones().forEach(em::persist);
        for (DomainEvent event : out.events()) {
            em.persist(new OutboxEvent(UUID.randomUUID().toString(), line.id(), event.type().wireName(),
                    event.occurredAt(), payload(line, event), now));
        }
        line.nextCheck(CheckCadence.next(line, now));
    }

    private TrackedLine findOrCreate(String orderReference, OffsetDateTime now) {
        List<TrackedLine> found = em.createQuery("select l from TrackedLine l where l.orderReference = :r", TrackedLine.class)
                .setParameter("r", orderReference).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        TrackedLine line = TrackedLine.first(orderReference, now);
        em.persist(line);
        // Its records refer to it by id only (no JPA relation), so the provider cannot order the
        // inserts by itself: the line must reach the database before them.
        em.flush();
        return line;
    }

    private FeedCursor cursor(Feed feed) {
        FeedCursor cursor = em.find(FeedCursor.class, feed);
        if (cursor == null) {
            cursor = new FeedCursor(feed);
            em.persist(cursor);
        }
        return cursor;
    }

    private <E> Set<Long> known(Feed feed, List<E> events, ToLongFunction<E> sequence) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        long min = events.stream().mapToLong(sequence).min().orElseThrow();
        long max = events.stream().mapToLong(sequence).max().orElseThrow();
        return new HashSet<>(em.createQuery("select t.sequence from TimelineEntry t where t.feed = :f"
                        + " and t.sequence between :min and :max", Long.class)
                .setParameter("f", feed).setParameter("min", min).setParameter("max", max).getResultList());
    }

    /** The outbox payload: the line's references, the event and its facts (no customer data). */
    static String payload(TrackedLine line, DomainEvent event) {
        JsonObjectBuilder facts = Json.createObjectBuilder();
        event.facts().forEach(facts::add);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", event.type().wireName())
                .add("orderReference", line.orderReference())
                .add("occurredAt", event.occurredAt() == null ? "" : event.occurredAt().toString())
                .add("facts", facts);
        if (line.ndi() != null) {
            body.add("ndi", line.ndi());
        }
        if (line.ptoReference() != null) {
            body.add("ptoReference", line.ptoReference());
        }
        StringWriter out = new StringWriter();
        Json.createWriter(out).write(body.build());
        return out.toString();
    }
}
