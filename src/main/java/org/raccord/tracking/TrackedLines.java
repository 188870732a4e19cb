package org.raccord.tracking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads of tracked lines and their histories, for the API and operations. */
@ApplicationScoped
public class TrackedLines {

    @PersistenceContext(unitName = "raccord")
    EntityManager em;

    public Optional<TrackedLine> byOrderReference(String orderReference) {
        return em.createQuery("select l from TrackedLine l where l.orderReference = :r", TrackedLine.class)
                .setParameter("r", orderReference).getResultList().stream().findFirst();
    }

    /**
     * The first line found by these tries, in their order. One indexed query per column, in turn:
     * H2 answers an OR across columns with a full table scan.
     */
    public Optional<TrackedLine> byFirst(List<LineColumn.Try> tries) {
        for (LineColumn.Try t : tries) {
            Optional<TrackedLine> found = byColumn(t.column().attribute(), t.value());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public long timelineSize(TrackedLine line) {
        return em.createQuery("select count(t) from TimelineEntry t where t.lineId = :id", Long.class)
                .setParameter("id", line.id()).getSingleResult();
    }

    /** {@code attribute} is a {@link LineColumn}'s, never client input. */
    private Optional<TrackedLine> byColumn(String attribute, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return em.createQuery("select l from TrackedLine l where l." + attribute + " = :v", TrackedLine.class)
                .setParameter("v", value).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The keys of lines after id {@code after}, in id order, up to {@code limit}: how the read model is audited. */
    public List<LineKeys> keysAfter(long after, int limit) {
        return em.createQuery(KEYS + " where l.id > :after order by l.id", Object[].class)
                .setParameter("after", after).setMaxResults(limit).getResultList().stream().map(TrackedLines::keys).toList();
    }

    /** The keys of these lines as committed (at most 500 ids); lines that are gone are left out. */
    public List<LineKeys> keysOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(KEYS + " where l.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().stream().map(TrackedLines::keys).toList();
    }

    private static final String KEYS = "select l.id, l.version, l.orderReference, l.serviceReference, l.ptoReference, l.ndi,"
            + " l.phoneE164 from TrackedLine l";

    private static LineKeys keys(Object[] r) {
        return new LineKeys(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6]);
    }

    /** Which of these ids are lines. */
    public List<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select l.id from TrackedLine l where l.id in :ids", Long.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * Several lines with their records, in six queries whatever their number (at most 500 ids):
     * how the read model renders lines in bulk. The lines come first: each query sees what is
     * committed when it runs, so records read after a line are as new as its version or newer. Read
     * the other way round, a change committed between the queries gave a line's new version with
     * its old records, and the read model kept that answer as current.
     */
    public List<LineRecords> withRecords(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<TrackedLine> read = em.createQuery("select l from TrackedLine l where l.id in :ids", TrackedLine.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, List<DeliveryRevision>> revisions = em.createQuery("select r from DeliveryRevision r where r.lineId in :ids"
                        + " order by r.sourceSequence", DeliveryRevision.class).setParameter("ids", ids).getResultList()
                .stream().collect(Collectors.groupingBy(DeliveryRevision::lineId));
        Map<Long, List<MilestoneReached>> milestones = em.createQuery("select m from MilestoneReached m where m.lineId in :ids"
                        + " order by m.reachedAt", MilestoneReached.class).setParameter("ids", ids).getResultList()
                .stream().collect(Collectors.groupingBy(MilestoneReached::lineId));
        Map<Long, List<JeopardyAlert>> alerts = em.createQuery("select a from JeopardyAlert a where a.lineId in :ids"
                        + " order by a.sourceSequence", JeopardyAlert.class).setParameter("ids", ids).getResultList()
                .stream().collect(Collectors.groupingBy(JeopardyAlert::lineId));
        Map<Long, BreachPrevention> preventions = em.createQuery("select p from BreachPrevention p where p.lineId in :ids",
                BreachPrevention.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(BreachPrevention::lineId, p -> p));
        Map<Long, List<PreventionStep>> steps = preventions.isEmpty() ? Map.of()
                : em.createQuery("select s from PreventionStep s where s.lineId in :ids order by s.at, s.id", PreventionStep.class)
                        .setParameter("ids", preventions.keySet()).getResultList().stream()
                        .collect(Collectors.groupingBy(PreventionStep::lineId));
        return read.stream()
                .map(l -> new LineRecords(l, revisions.getOrDefault(l.id(), List.of()), milestones.getOrDefault(l.id(), List.of()),
                        alerts.getOrDefault(l.id(), List.of()), preventions.get(l.id()), steps.getOrDefault(l.id(), List.of())))
                .toList();
    }

    /** One line with its records, as {@link #withRecords} reads them. */
    public LineRecords withRecords(TrackedLine line) {
        return withRecords(List.of(line.id())).get(0);
    }

    public List<DeliveryRevision> revisions(TrackedLine line) {
        return em.createQuery("select r from DeliveryRevision r where r.lineId = :id order by r.sourceSequence",
                DeliveryRevision.class).setParameter("id", line.id()).getResultList();
    }

    public List<MilestoneReached> milestones(TrackedLine line) {
        return em.createQuery("select m from MilestoneReached m where m.lineId = :id order by m.reachedAt",
                MilestoneReached.class).setParameter("id", line.id()).getResultList();
    }

    public List<JeopardyAlert> alerts(TrackedLine line) {
        return em.createQuery("select a from JeopardyAlert a where a.lineId = :id order by a.sourceSequence",
                JeopardyAlert.class).setParameter("id", line.id()).getResultList();
    }

    public List<TimelineEntry> timeline(TrackedLine line, int offset, int limit) {
        return em.createQuery("select t from TimelineEntry t where t.lineId = :id order by t.occurredAt, t.sequence",
                TimelineEntry.class).setParameter("id", line.id()).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Lines matching the filter, by committed delivery date (lines without one last: H2 and
     * PostgreSQL disagree on where nulls go unless told) then order reference.
     */
    public List<TrackedLine> search(LineFilter filter, int offset, int limit) {
        return where(filter, "select l from TrackedLine l", " order by l.committedDeliveryDate nulls last, l.orderReference",
                TrackedLine.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(LineFilter filter) {
        return where(filter, "select count(l) from TrackedLine l", "", Long.class).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> where(LineFilter f, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" where 1 = 1");
        if (f.state() != null) {
            jpql.append(" and l.state = :state");
        }
        // EclipseLink binds booleans as integers, which H2 2.x refuses to compare with a BOOLEAN
        // column: the breach is filtered by its definition (working days over the allowance) instead.
        if (Boolean.TRUE.equals(f.breach())) {
            jpql.append(" and l.gapWorkingDays > :allowed");
        } else if (Boolean.FALSE.equals(f.breach())) {
            jpql.append(" and (l.gapWorkingDays is null or l.gapWorkingDays <= :allowed)");
        }
        if (f.deliveryFrom() != null) {
            jpql.append(" and l.committedDeliveryDate >= :from");
        }
        if (f.deliveryTo() != null) {
            jpql.append(" and l.committedDeliveryDate <= :to");
        }
        jakarta.persistence.TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (f.state() != null) {
            query.setParameter("state", f.state());
        }
        if (f.breach() != null) {
            query.setParameter("allowed", ServiceGap.ALLOWED_WORKING_DAYS);
        }
        if (f.deliveryFrom() != null) {
            query.setParameter("from", f.deliveryFrom());
        }
        if (f.deliveryTo() != null) {
            query.setParameter("to", f.deliveryTo());
        }
        return query;
    }

    public long pendingOutbox() {
        return em.createQuery("select count(o) from OutboxEvent o where o.publishedAt is null", Long.class).getSingleResult();
    }

    public List<OutboxEvent> outboxOf(TrackedLine line) {
        return em.createQuery("select o from OutboxEvent o where o.lineId = :id order by o.id", OutboxEvent.class)
                .setParameter("id", line.id()).getResultList();
    }

    /** How many lines are in each state (states without lines are absent). */
    public Map<ServiceState, Long> countByState() {
        Map<ServiceState, Long> counts = new EnumMap<>(ServiceState.class);
        for (Object[] row : em.createQuery("select l.state, count(l) from TrackedLine l group by l.state", Object[].class)
                .getResultList()) {
            if (row[0] != null) {
                counts.put((ServiceState) row[0], (Long) row[1]);
            }
        }
        return counts;
    }

    /** Lines whose scheduled check with the owner is overdue at {@code now}: unconfirmed for longer than planned. */
    public long overdueChecks(OffsetDateTime now) {
        return em.createQuery("select count(l) from TrackedLine l where l.nextCheckAt < :now", Long.class)
                .setParameter("now", now).getSingleResult();
    }

    /** When the longest-unconfirmed overdue line was last confirmed by the owner, if any line is overdue. */
    public Optional<OffsetDateTime> oldestOverdueConfirmation(OffsetDateTime now) {
        return Optional.ofNullable(em.createQuery("select min(l.confirmedAt) from TrackedLine l where l.nextCheckAt < :now",
                OffsetDateTime.class).setParameter("now", now).getSingleResult());
    }

    /**
     * Lines whose service gap exceeds the allowance, most urgent first: those still waiting for
     * their new line (earliest cut first: they have been without service longest, or lose it
     * soonest), then those delivered since (latest cut first).
     */
    public List<TrackedLine> breaches(int limit) {
        String base = "select l from TrackedLine l where l.gapWorkingDays > :allowed and l.deliveredAt is ";
        List<TrackedLine> found = new ArrayList<>(em.createQuery(base + "null order by coalesce(l.cutoverDoneAt, l.cutoverPlannedAt), l.id",
                TrackedLine.class).setParameter("allowed", ServiceGap.ALLOWED_WORKING_DAYS).setMaxResults(limit).getResultList());
        if (found.size() < limit) {
            found.addAll(em.createQuery(base + "not null order by l.deliveredAt desc, l.id", TrackedLine.class)
                    .setParameter("allowed", ServiceGap.ALLOWED_WORKING_DAYS).setMaxResults(limit - found.size()).getResultList());
        }
        return found;
    }

    public long breachCount() {
        return em.createQuery("select count(l) from TrackedLine l where l.gapWorkingDays > :allowed", Long.class)
                .setParameter("allowed", ServiceGap.ALLOWED_WORKING_DAYS).getSingleResult();
    }

    /** Owner events set aside: those still waiting first, newest first. */
    public List<QuarantinedEvent> quarantined(int limit) {
        return em.createQuery("select q from QuarantinedEvent q order by case when q.replayedAt is null then 0 else 1 end,"
                + " q.quarantinedAt desc, q.id desc", QuarantinedEvent.class).setMaxResults(limit).getResultList();
    }

    /** Owner events set aside and not replayed yet. */
    public long quarantinedCount() {
        return em.createQuery("select count(q) from QuarantinedEvent q where q.replayedAt is null", Long.class).getSingleResult();
    }
}
