package org.raccord.tracking;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
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

    @Inject
    Event<LinesChanged> changed;

    @Inject
    LineChanges changes;

    /** Looked up once: Json.createObjectBuilder() resolves the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final LineRules rules = new LineRules(WorkingDays.france());
    /**
     * Microseconds, as both databases keep them: an answer rendered from a line just written shows
     * the same times as every later read of it (there is no second-level cache to hand back the
     * written object, see persistence.xml).
     */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    /** Applies one page of the order feed and moves its cursor; returns how many events were new. */
    @Transactional
    public int applyOrderPage(List<OrderEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> touched = new HashSet<>();
        int applied = applyOrders(events, now, touched);
        cursor(Feed.ORDER).advance(next, ownerLast, now);
        announce(touched);
        return applied;
    }

    /** Applies one page of the cutover feed and moves its cursor; returns how many events were new. */
    @Transactional
    public int applyCutoverPage(List<CutoverEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> touched = new HashSet<>();
        int applied = applyCutovers(events, now, touched);
        cursor(Feed.CUTOVER).advance(next, ownerLast, now);
        announce(touched);
        return applied;
    }

    /**
     * Records a consult of one order: its facts and its whole history (known events are skipped),
     * and, when given, the line's phone number and who gets its SMS.
     */
    @Transactional
    public TrackedLine applyOrderHistory(OrderFacts facts, List<OrderEvent> events, List<CutoverEvent> cutovers,
                                         String phoneE164, Contact contact) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        TrackedLine line = linesFor(List.of(facts.orderReference()), now).get(facts.orderReference());
        if (phoneE164 != null) {
            line.phone(phoneE164);
        }
        if (contact != null) {
            line.contact(contact);
        }
        Set<Long> touched = new HashSet<>();
        touched.add(line.id());
        applyOrders(events, now, touched);
        applyCutovers(cutovers, now, touched);
        rules.confirm(line, facts, now);
        line.nextCheck(CheckCadence.next(line, now));
        announce(touched);
        return line;
    }

    /**
     * Announces the cuts planned within {@code lead} of the owner's time, once per planned time: the
     * customer must hear of the cut before it happens. Returns how many were announced.
     */
    @Transactional
    public int announceImminentCutovers(OffsetDateTime ownerNow, Duration lead) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TrackedLine> near = em.createQuery("select l from TrackedLine l where l.cutoverState = :planned"
                        + " and l.cutoverPlannedAt > :now and l.cutoverPlannedAt <= :horizon"
                        + " and (l.imminentAnnouncedFor is null or l.imminentAnnouncedFor <> l.cutoverPlannedAt)", TrackedLine.class)
                .setParameter("planned", CutoverState.PLANNED).setParameter("now", ownerNow)
                .setParameter("horizon", ownerNow.plus(lead)).setMaxResults(500).getResultList();
        for (TrackedLine line : near) {
            // The query found the candidates; the rule decides (one definition, see CutReminder).
            CutReminder.due(line, ownerNow, lead).ifPresent(event -> em.persist(new OutboxEvent(UUID.randomUUID().toString(),
                    line, event.type().wireName(), ownerNow, payload(line, event), now)));
        }
        announce(near.stream().map(TrackedLine::id).collect(Collectors.toSet()));
        return near.size();
    }

    /**
     * The owner answered a consult of this order with a functional fault (it does not know it):
     * the line says so in its freshness, and its next check backs off (see {@link CheckCadence}).
     */
    @Transactional
    public void ownerDoesNotKnow(String orderReference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createQuery("select l from TrackedLine l where l.orderReference = :o", TrackedLine.class)
                .setParameter("o", orderReference).getResultList().forEach(line -> {
                    line.unknownToOwner(now);
                    line.nextCheck(CheckCadence.unknownToOwner(line, now));
                    announce(Set.of(line.id()));
                });
    }

    /**
     * Sets an order event aside that cannot be applied, verbatim with the error, and moves the
     * feed's cursor past it, in one transaction: the feed goes on for every other line, and the
     * event is kept for operations to see and replay.
     */
    @Transactional
    public void quarantineOrder(OrderEvent event, String error, long ownerLast) {
        quarantine(Feed.ORDER, event.sequence(), event.orderReference(), EventJson.of(event), error, ownerLast);
    }

    /** As {@link #quarantineOrder}, for a cutover event. */
    @Transactional
    public void quarantineCutover(CutoverEvent event, String error, long ownerLast) {
        quarantine(Feed.CUTOVER, event.sequence(), event.orderReference(), EventJson.of(event), error, ownerLast);
    }

    private void quarantine(Feed feed, long sequence, String orderReference, String json, String error, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean known = !em.createQuery("select q.id from QuarantinedEvent q where q.feed = :f and q.sequence = :s", Long.class)
                .setParameter("f", feed).setParameter("s", sequence).getResultList().isEmpty();
        if (!known) {
            em.persist(new QuarantinedEvent(feed, sequence, orderReference, json, error, now));
        }
        cursor(feed).advance(sequence, ownerLast, now);
    }

    /**
     * Applies a quarantined event again, as the feed would have (an event already recorded changes
     * nothing), and marks it replayed. Throws what applying it throws: the caller records that with
     * {@link #replayFailed}. {@link java.util.NoSuchElementException} when there is no such event.
     */
    @Transactional
    public void replay(long id) {
        QuarantinedEvent quarantined = em.find(QuarantinedEvent.class, id);
        if (quarantined == null) {
            throw new java.util.NoSuchElementException("no quarantined event " + id);
        }
        if (quarantined.replayedAt() != null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> touched = new HashSet<>();
        if (quarantined.feed() == Feed.ORDER) {
            applyOrders(List.of(EventJson.read(quarantined.event(), OrderEvent.class)), now, touched);
        } else {
            applyCutovers(List.of(EventJson.read(quarantined.event(), CutoverEvent.class)), now, touched);
        }
        quarantined.replayed(now);
        announce(touched);
    }

    /** A replay failed: why, kept on the quarantined event (in a transaction of its own). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replayFailed(long id, String why) {
        QuarantinedEvent quarantined = em.find(QuarantinedEvent.class, id);
        if (quarantined != null) {
            quarantined.replayFailed(why);
        }
    }

    /** The cursor as committed, read in a transaction of its own (never a stale managed copy). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<FeedCursor> cursorOf(Feed feed) {
        return Optional.ofNullable(em.find(FeedCursor.class, feed));
    }

    /** Every ledger transaction that changes a line ends here (see {@link Announcements}). */
    private void announce(Set<Long> touched) {
        Announcements.announce(em, changed, changes, touched, OffsetDateTime.now(clock));
    }

    private int applyOrders(List<OrderEvent> events, OffsetDateTime now, Set<Long> touched) {
        Set<Long> known = known(Feed.ORDER, events, OrderEvent::sequence);
        List<OrderEvent> fresh = events.stream().filter(e -> !known.contains(e.sequence())).toList();
        Map<String, TrackedLine> lines = linesFor(fresh.stream().map(OrderEvent::orderReference).toList(), now);
        for (OrderEvent e : fresh) {
            TrackedLine line = lines.get(e.orderReference());
            store(line, rules.apply(line, e, now), now);
            touched.add(line.id());
        }
        return fresh.size();
    }

    /**
     * The lines of a page, found with one query and created when new. New lines are flushed before
     * any of their records: the records refer to them by id only (no JPA relation), so the provider
     * cannot order the inserts by itself.
     */
    private Map<String, TrackedLine> linesFor(List<String> references, OffsetDateTime now) {
        Map<String, TrackedLine> lines = new HashMap<>();
        List<String> distinct = references.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            em.createQuery("select l from TrackedLine l where l.orderReference in :refs", TrackedLine.class)
                    .setParameter("refs", chunk).getResultList()
                    .forEach(l -> lines.put(l.orderReference(), l));
        }
        boolean created = false;
        for (String reference : distinct) {
            if (!lines.containsKey(reference)) {
                TrackedLine line = TrackedLine.first(reference, now);
                em.persist(line);
                lines.put(reference, line);
                created = true;
            }
        }
        if (created) {
            em.flush();
        }
        return lines;
    }

    private int applyCutovers(List<CutoverEvent> events, OffsetDateTime now, Set<Long> touched) {
        Set<Long> known = known(Feed.CUTOVER, events, CutoverEvent::sequence);
        List<CutoverEvent> fresh = events.stream().filter(e -> !known.contains(e.sequence())).toList();
        Map<String, TrackedLine> byOrder = linesFor(fresh.stream().map(CutoverEvent::orderReference)
                .filter(Objects::nonNull).toList(), now);
        int applied = 0;
        for (CutoverEvent e : fresh) {
            Optional<TrackedLine> line = lineOf(e, byOrder);
            if (line.isPresent()) {
                store(line.get(), rules.apply(line.get(), e, now), now);
                touched.add(line.get().id());
                applied++;
            }
        }
        return applied;
    }

    /** A cutover belongs to the order that takes the access over; without one, to the line id. */
    private Optional<TrackedLine> lineOf(CutoverEvent e, Map<String, TrackedLine> byOrder) {
        if (e.orderReference() != null) {
            return Optional.of(byOrder.get(e.orderReference()));
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
            em.persist(new OutboxEvent(UUID.randomUUID().toString(), line, event.type().wireName(),
                    event.occurredAt(), payload(line, event), now));
        }
        line.nextCheck(CheckCadence.next(line, now));
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
        JsonObjectBuilder facts = JSON.createObjectBuilder();
        event.facts().forEach(facts::add);
        JsonObjectBuilder body = JSON.createObjectBuilder()
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
        JSON.createWriter(out).write(body.build());
        return out.toString();
    }
}
