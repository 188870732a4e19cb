package org.raccord.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The lines' breach prevention records, changed by {@link PreventionRules} in transactions that also
 * store the steps, the outbox events and the line's new version (its answer shows the request).
 */
@ApplicationScoped
public class BreachPreventions {

    /** A request to send to the owner: the line's references and the cut asked for. */
    public record Pending(Long lineId, UUID requestId, String orderReference, String ndi, String ptoReference,
                          OffsetDateTime requestedCut) {
    }

    private static final List<PreventionState> OPEN = List.of(PreventionState.PROPOSED, PreventionState.REQUESTED,
            PreventionState.ACKNOWLEDGED);

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    @Inject
    Event<LinesChanged> changed;

    @Inject
    LineChanges changes;

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    /** Starts a request for each line whose breach can still be prevented (at most {@code limit}); returns how many. */
    @Transactional
    public int propose(PreventionRules rules, OffsetDateTime ownerNow, int limit) {
        if (rules.policy().mode() == PreventionPolicy.Mode.OFF) {
            return 0;
        }
        // The breach as its working days, not the flag: EclipseLink writes "= true" as "= 1", which H2 refuses.
        List<TrackedLine> lines = em.createQuery("select l from TrackedLine l where l.gapWorkingDays > :allowed"
                        + " and l.cutoverState = :planned and l.cutoverDoneAt is null and l.deliveredAt is null"
                        + " and l.committedDeliveryDate is not null and l.cutoverPlannedAt > :horizon"
                        + " and not exists (select p.lineId from BreachPrevention p where p.lineId = l.id and (p.state in :open"
                        + " or p.forDelivery = l.committedDeliveryDate or p.requests >= :max)) order by l.cutoverPlannedAt",
                        TrackedLine.class)
                .setParameter("allowed", ServiceGap.ALLOWED_WORKING_DAYS).setParameter("planned", CutoverState.PLANNED)
                .setParameter("horizon", ownerNow.plus(rules.policy().minimumNotice()))
                .setParameter("open", OPEN).setParameter("max", rules.policy().maximumRequests())
                .setMaxResults(limit).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, BreachPrevention> current = byLine(lines.stream().map(TrackedLine::id).toList());
        Set<Long> touched = new HashSet<>();
        for (TrackedLine line : lines) {
            BreachPrevention before = current.get(line.id());
            rules.proposal(line, before, ownerNow).ifPresent(cut -> keep(line, rules.start(line, before, cut, now), before == null, touched, now));
        }
        announce(touched, now);
        return touched.size();
    }

    /** Settles what the lines' facts settle (accepted by the feed, overtaken by the cut); returns the states entered, counted. */
    @Transactional
    public Map<PreventionState, Integer> settle(PreventionRules rules, OffsetDateTime ownerNow) {
        List<BreachPrevention> open = em.createQuery("select p from BreachPrevention p where p.state in :open", BreachPrevention.class)
                .setParameter("open", OPEN).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> touched = new HashSet<>();
        Map<PreventionState, Integer> entered = new EnumMap<>(PreventionState.class);
        for (BreachPrevention p : open) {
            TrackedLine line = em.find(TrackedLine.class, p.lineId());
            PreventionRules.Change change = rules.settle(line, p, ownerNow, now);
            if (change.changed()) {
                entered.merge(p.state(), 1, Integer::sum);
            }
            keep(line, change, false, touched, now);
        }
        announce(touched, now);
        return entered;
    }

    /** Requests to send (new, approved, or sent without an answer), oldest first. */
    @Transactional
    public List<Pending> toSend(int limit) {
        return em.createQuery("select p.lineId, p.requestId, l.orderReference, l.ndi, l.ptoReference, p.requestedCut"
                        + " from BreachPrevention p, TrackedLine l where l.id = p.lineId and p.state = :requested order by p.updatedAt",
                        Object[].class)
                .setParameter("requested", PreventionState.REQUESTED).setMaxResults(limit).getResultList().stream()
                .map(r -> new Pending((Long) r[0], UUID.fromString((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
                        (OffsetDateTime) r[5]))
                .toList();
    }

    @Transactional
    public void granted(PreventionRules rules, Pending sent, String ownerReference, OffsetDateTime grantedCut) {
        change(sent.lineId(), (line, p) -> rules.granted(p, sent.requestId(), ownerReference, grantedCut, OffsetDateTime.now(clock)));
    }

    @Transactional
    public void refused(PreventionRules rules, Pending sent, String code, String label) {
        change(sent.lineId(), (line, p) -> rules.refused(line, p, sent.requestId(), code, label, OffsetDateTime.now(clock)));
    }

    @Transactional
    public void unanswered(PreventionRules rules, Pending sent) {
        change(sent.lineId(), (line, p) -> rules.unanswered(p, OffsetDateTime.now(clock)));
    }

    /** An operator approves the proposal of this order; {@link NoSuchElementException} when it has none. */
    @Transactional
    public void approve(PreventionRules rules, String orderReference, String operator) {
        TrackedLine line = lineOf(orderReference);
        change(line.id(), (l, p) -> rules.approve(p, operator, OffsetDateTime.now(clock)));
    }

    @Transactional
    public void dismiss(PreventionRules rules, String orderReference, String operator) {
        TrackedLine line = lineOf(orderReference);
        change(line.id(), (l, p) -> rules.dismiss(p, operator, OffsetDateTime.now(clock)));
    }

    /** The records of these lines, by line id. */
    public Map<Long, BreachPrevention> byLine(Collection<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from BreachPrevention p where p.lineId in :ids", BreachPrevention.class)
                .setParameter("ids", lineIds).getResultList().stream()
                .collect(Collectors.toMap(BreachPrevention::lineId, Function.identity()));
    }

    /** How many lines stand in each state. */
    public Map<PreventionState, Long> counts() {
        Map<PreventionState, Long> counts = new EnumMap<>(PreventionState.class);
        em.createQuery("select p.state, count(p) from BreachPrevention p group by p.state", Object[].class).getResultList()
                .forEach(r -> counts.put((PreventionState) r[0], (Long) r[1]));
        return counts;
    }

    /** The latest records in these states, most recently changed first, with their lines. */
    public List<LineRecordsWithPrevention> latest(Collection<PreventionState> states, int limit) {
        return em.createQuery("select p, l from BreachPrevention p, TrackedLine l where l.id = p.lineId and p.state in :states"
                        + " order by p.updatedAt desc", Object[].class)
                .setParameter("states", states).setMaxResults(limit).getResultList().stream()
                .map(r -> new LineRecordsWithPrevention((TrackedLine) r[1], (BreachPrevention) r[0])).toList();
    }

    /** A line and its breach prevention record. */
    public record LineRecordsWithPrevention(TrackedLine line, BreachPrevention prevention) {
    }

    private TrackedLine lineOf(String orderReference) {
        return em.createQuery("select l from TrackedLine l where l.orderReference = :o", TrackedLine.class)
                .setParameter("o", orderReference).getResultList().stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no tracked line " + orderReference));
    }

    private void change(long lineId, java.util.function.BiFunction<TrackedLine, BreachPrevention, PreventionRules.Change> rule) {
        BreachPrevention p = Optional.ofNullable(em.find(BreachPrevention.class, lineId))
                .orElseThrow(() -> new NoSuchElementException("no breach prevention for line " + lineId));
        TrackedLine line = em.find(TrackedLine.class, lineId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> touched = new HashSet<>();
        keep(line, rule.apply(line, p), false, touched, now);
        announce(touched, now);
    }

    private void keep(TrackedLine line, PreventionRules.Change change, boolean created, Set<Long> touched, OffsetDateTime now) {
        if (!change.changed()) {
            return;
        }
        if (created) {
            em.persist(change.prevention());
        }
        change.steps().forEach(em::persist);
        for (DomainEvent event : change.events()) {
            em.persist(new OutboxEvent(UUID.randomUUID().toString(), line, event.type().wireName(), event.occurredAt(),
                    LineLedger.payload(line, event), now));
        }
        // A new version: the line's answer shows the request's new state.
        line.changed(now);
        touched.add(line.id());
    }

    private void announce(Set<Long> touched, OffsetDateTime now) {
        Announcements.announce(em, changed, changes, touched, now);
    }
}
