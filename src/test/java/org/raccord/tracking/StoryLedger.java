package org.raccord.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ledger in memory for replaying a line's whole story: the real rules ({@link LineRules},
 * {@link CutReminder}) applied to lines kept in a map, on a clock the replay drives, every change
 * announced kept in order with the outbox payload the real ledger would store.
 */
public final class StoryLedger extends LineLedger {

    /** A change announced to the outbox: the line as it was then, the event, its stored payload. */
    public record Announced(LineSnapshot line, DomainEventType type, String payload, OffsetDateTime storedAt) {
    }

    /** What the notification hook reads of a line when it dispatches an event. */
    public record LineSnapshot(String orderReference, String ndi, String state, java.time.LocalDate committedDeliveryDate,
                               OffsetDateTime cutoverPlannedAt, OffsetDateTime cutoverDoneAt, Integer gapWorkingDays,
                               boolean breach, String contactMobile, String contactLanguage) {
        static LineSnapshot of(TrackedLine l) {
            return new LineSnapshot(l.orderReference(), l.ndi(), l.state().code(), l.committedDeliveryDate(), l.cutoverPlannedStanding(),
                    l.cutoverDoneAt(), l.gapWorkingDays(), l.gapBreach(), l.contactMobile(), l.contactLanguage());
        }
    }

    private final Clock clock;
    private final Function<String, Contact> contacts;
    private final LineRules rules = new LineRules(WorkingDays.france());
    private final Map<String, TrackedLine> lines = new LinkedHashMap<>();
    private final Map<Feed, FeedCursor> cursors = new EnumMap<>(Feed.class);
    private final List<Announced> announced = new ArrayList<>();

    /** {@code contacts}: who gets the SMS of an order (null for none). */
    public StoryLedger(Clock clock, Function<String, Contact> contacts) {
        this.clock = clock;
        this.contacts = contacts;
    }

    /** The changes announced since the last call, oldest first. */
    public List<Announced> drain() {
        List<Announced> out = List.copyOf(announced);
        announced.clear();
        return out;
    }

    public Optional<LineSnapshot> line(String orderReference) {
        return Optional.ofNullable(lines.get(orderReference)).map(LineSnapshot::of);
    }

    public Collection<String> orders() {
        return lines.keySet();
    }

    @Override
    public Optional<FeedCursor> cursorOf(Feed feed) {
        return Optional.ofNullable(cursors.get(feed));
    }

    @Override
    public int applyOrderPage(List<OrderEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (OrderEvent e : events) {
            TrackedLine line = lineFor(e.orderReference(), now);
            keep(line, rules.apply(line, e, now), now);
        }
        cursors.computeIfAbsent(Feed.ORDER, FeedCursor::new).advance(next, ownerLast, now);
        return events.size();
    }

    @Override
    public int applyCutoverPage(List<CutoverEvent> events, long next, long ownerLast) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (CutoverEvent e : events) {
            TrackedLine line = e.orderReference() != null ? lineFor(e.orderReference(), now)
                    : lines.values().stream().filter(l -> Objects.equals(l.ndi(), e.ndi()) && e.ndi() != null
                            || Objects.equals(l.ptoReference(), e.ptoReference()) && e.ptoReference() != null).findFirst().orElse(null);
            if (line != null) {
                keep(line, rules.apply(line, e, now), now);
            }
        }
        cursors.computeIfAbsent(Feed.CUTOVER, FeedCursor::new).advance(next, ownerLast, now);
        return events.size();
    }

    @Override
    public int announceImminentCutovers(OffsetDateTime ownerNow, Duration lead) {
        int before = announced.size();
        for (TrackedLine line : lines.values()) {
            CutReminder.due(line, ownerNow, lead).ifPresent(event -> announced.add(
                    new Announced(LineSnapshot.of(line), event.type(), payload(line, event), ownerNow)));
        }
        return announced.size() - before;
    }

    /** The lines as tracked, for the breach prevention of the same story. */
    Collection<TrackedLine> tracked() {
        return lines.values();
    }

    /** An event another part of the story (its breach prevention) sends about a line. */
    void announce(TrackedLine line, DomainEvent event, OffsetDateTime now) {
        announced.add(new Announced(LineSnapshot.of(line), event.type(), payload(line, event), now));
    }

    private TrackedLine lineFor(String orderReference, OffsetDateTime now) {
        return lines.computeIfAbsent(orderReference, reference -> {
            TrackedLine line = TrackedLine.first(reference, now);
            Contact contact = contacts.apply(reference);
            if (contact != null) {
                line.contact(contact);
            }
            return line;
        });
    }

    private void keep(TrackedLine line, Outcome out, OffsetDateTime now) {
        for (DomainEvent event : out.events()) {
            announced.add(new Announced(LineSnapshot.of(line), event.type(), payload(line, event), now));
        }
    }
}
