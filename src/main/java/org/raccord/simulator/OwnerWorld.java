package org.raccord.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.raccord.simulator.ScriptedEvent.Feed;

/**
 * The owner's state of the world: which events of which lines have been published, in which order,
 * under which sequence numbers. Time only moves forward; every query first publishes what has come
 * due on the simulated clock, so the feeds and the consult answers always agree.
 */
public final class OwnerWorld {

    private final Population population;
    private final SimulatedClock clock;
    private final Instant base;
    private final TimeHeap due = new TimeHeap();
    private final byte[] published;
    private final int[] sequences;
    private final EventLog orders = new EventLog();
    private final EventLog cutovers = new EventLog();
    /** Hostile events published on the order feed; the log points at them with line -1 - index. */
    private final List<PublishedEvent> hostile = new ArrayList<>();
    private final Map<Long, HostileEvent> hostileKinds = new HashMap<>();
    /** The cutover moves granted so far, by line, oldest first. */
    private final Map<Integer, List<CutoverMove>> moves = new HashMap<>();
    private final MoveLog moveLog;
    /** While held, nothing more is published: events come due and wait (a frozen world to compare against). */
    private boolean held;

    public OwnerWorld(Population population, SimulatedClock clock) {
        this(population, clock, MoveLog.inMemory());
    }

    /** A world whose owner has already granted the moves in {@code moveLog} (a restarted owner). */
    public OwnerWorld(Population population, SimulatedClock clock, MoveLog moveLog) {
        this.population = population;
        this.moveLog = moveLog;
        moveLog.entries().forEach(e -> moves.computeIfAbsent(e.move().line(), l -> new ArrayList<>()).add(e.move()));
        this.clock = clock;
        this.base = clock.epoch().minus(Duration.ofDays(400));
        this.published = new byte[population.size()];
        this.sequences = new int[population.size() * LineScript.MAX_EVENTS];
        for (int i = 0; i < population.size(); i++) {
            due.push(secondsOf(script(i).get(0).at()), i);
        }
    }

    public Population population() {
        return population;
    }

    public SimulatedClock clock() {
        return clock;
    }

    /** Publishes every event that has come due on the simulated clock. */
    public synchronized void advance() {
        if (held) {
            return;
        }
        long now = secondsOf(clock.now());
        while (!due.isEmpty() && due.peekSecond() <= now) {
            long second = due.peekSecond();
            int line = due.popLine();
            List<ScriptedEvent> script = script(line);
            int ordinal = published[line];
            // A granted move leaves the entry of the event it displaced: an entry whose event is now
            // later is dropped (the move pushed its own), so events still come out in time order.
            if (ordinal >= script.size() || secondsOf(script.get(ordinal).at()) > second) {
                continue;
            }
            ScriptedEvent event = script.get(ordinal);
            long sequence = log(event.feed()).append(line, ordinal);
            sequences[line * LineScript.MAX_EVENTS + ordinal] = Math.toIntExact(sequence);
            published[line] = (byte) (ordinal + 1);
            if (ordinal + 1 < script.size()) {
                due.push(secondsOf(script.get(ordinal + 1).at()), line);
            }
        }
    }

    /** Events with a sequence above {@code since}, at most {@code limit} of them. */
    public synchronized FeedSlice read(Feed feed, long since, int limit) {
        advance();
        EventLog log = log(feed);
        long last = log.lastSequence();
        long to = Math.min(last, since + limit);
        List<PublishedEvent> events = new ArrayList<>((int) Math.max(0, to - since));
        for (long seq = since + 1; seq <= to; seq++) {
            int line = log.lineAt(seq);
            events.add(line < 0 ? hostile.get(-1 - line)
                    : new PublishedEvent(seq, population.line(line), script(line).get(log.ordinalAt(seq))));
        }
        return new FeedSlice(events, Math.max(since, to), to < last, last);
    }

    /** What the owner has published so far about one line, on one feed, oldest first. */
    public synchronized Optional<List<PublishedEvent>> history(int index, Feed feed) {
        advance();
        SimulatedLine line = population.line(index);
        if (line.orderedAt().isAfter(clock.now())) {
            return Optional.empty();
        }
        List<ScriptedEvent> script = script(index);
        List<PublishedEvent> events = new ArrayList<>();
        for (int ordinal = 0; ordinal < published[index]; ordinal++) {
            ScriptedEvent event = script.get(ordinal);
            if (event.feed() == feed) {
                events.add(new PublishedEvent(sequences[index * LineScript.MAX_EVENTS + ordinal], line, event));
            }
        }
        return Optional.of(events);
    }

    /**
     * Publishes hostile events on the order feed, after everything due so far; returns their
     * sequences. They live in memory only: a restarted simulator numbers its feed without them,
     * so publish them into a world that will be started anew (tests), not one a Raccord keeps.
     */
    public synchronized List<Long> publishHostile(List<HostileEvent> kinds) {
        advance();
        List<Long> published = new ArrayList<>();
        for (HostileEvent kind : kinds) {
            long sequence = orders.append(-1 - hostile.size(), 0);
            hostile.add(kind.at(sequence, clock.now()));
            hostileKinds.put(sequence, kind);
            published.add(sequence);
        }
        return published;
    }

    /** Whether a hostile event of this kind has been published. */
    public synchronized boolean published(HostileEvent kind) {
        return hostileKinds.containsValue(kind);
    }

    /**
     * Holds publication (true) or resumes it (false): on resuming, everything that came due
     * meanwhile is published at once, as an owner's backlog after a stop.
     */
    public synchronized void hold(boolean hold) {
        held = hold;
    }

    public synchronized boolean held() {
        return held;
    }

    /**
     * What the owner has published about the lines {@code from} to {@code from + limit - 1} that
     * have at least one published event, in index order.
     */
    public synchronized List<LineTruth> truth(int from, int limit) {
        advance();
        List<LineTruth> truths = new ArrayList<>();
        for (int index = Math.max(0, from); index < Math.min(population.size(), (long) from + limit); index++) {
            List<PublishedEvent> orderEvents = history(index, Feed.ORDER).orElse(List.of());
            List<PublishedEvent> cutoverEvents = history(index, Feed.CUTOVER).orElse(List.of());
            if (!orderEvents.isEmpty() || !cutoverEvents.isEmpty()) {
                truths.add(LineTruth.of(population.line(index), orderEvents, cutoverEvents));
            }
        }
        return truths;
    }

    /** Grants a move of a line's planned cut: its feed will say so at {@code move.at()}. */
    synchronized void grant(String requestId, CutoverMove move) {
        advance();
        moveLog.append(requestId, move);
        moves.computeIfAbsent(move.line(), l -> new ArrayList<>()).add(move);
        due.push(secondsOf(move.at()), move.line());
    }

    /** How many moves of this line's cut the owner granted. */
    synchronized int moves(int index) {
        return moves.getOrDefault(index, List.of()).size();
    }

    /** Where the owner's latest granted move put this line's cut, published yet or not. */
    synchronized Optional<Instant> plannedCut(int index) {
        List<CutoverMove> granted = moves.get(index);
        return granted == null ? Optional.empty() : Optional.of(granted.get(granted.size() - 1).to());
    }

    MoveLog moveLog() {
        return moveLog;
    }

    public synchronized long lastSequence(Feed feed) {
        advance();
        return log(feed).lastSequence();
    }

    List<ScriptedEvent> script(int index) {
        List<ScriptedEvent> script = LineScript.of(population.line(index), population.scriptRandom(index));
        List<CutoverMove> granted = moves.get(index);
        return granted == null ? script : CutoverMove.apply(script, granted);
    }

    private EventLog log(Feed feed) {
        return feed == Feed.ORDER ? orders : cutovers;
    }

    /** Seconds since a base well before any event, rounded up so nothing is published early. */
    private long secondsOf(Instant at) {
        return Math.floorDiv(Duration.between(base, at).toMillis() + 999, 1000);
    }
}
