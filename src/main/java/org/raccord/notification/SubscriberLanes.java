package org.raccord.notification;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each subscriber's lane through the courier: at most {@code running} attempts at once, and a claim
 * of deliveries taken from the store (running, waiting their turn, or ended and not yet recorded)
 * sized to what the lane can attempt well within the claim's lease at the pace its receiver
 * answers: a prompt receiver's lane claims hundreds at a time (one database claim feeds many
 * attempts), a slow one's a few (none waits past its lease). A slow or hanging receiver holds
 * {@code running} sender threads, never the pool. A lane is refilled once half of it is done, so
 * that claims stay large.
 */
final class SubscriberLanes {

    private final int running;
    private final int fewest;
    private final int most;
    private final Duration lease;
    private final Duration firstPace;
    /** Guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** How long each subscriber's receiver has been taking to answer (guarded by this). */
    private final Map<String, Duration> paces = new HashMap<>();

    private static final class Lane {
        int claimed;
        int running;
        final Deque<Parcel> waiting = new ArrayDeque<>();
    }

    /** Lanes of a fixed size: {@code running} at once, {@code claimed} taken at most. */
    SubscriberLanes(int running, int claimed) {
        this(running, claimed, claimed, Duration.ofMinutes(2), Duration.ofMinutes(1));
    }

    private SubscriberLanes(int running, int fewest, int most, Duration lease, Duration firstPace) {
        if (running < 1 || fewest < running || most < fewest) {
            throw new IllegalArgumentException("a lane runs at least one attempt and claims at least as many: " + running
                    + "/" + fewest + "/" + most);
        }
        this.running = running;
        this.fewest = fewest;
        this.most = most;
        this.lease = lease;
        this.firstPace = firstPace;
    }

    /**
     * Lanes whose claims are attempted within half their lease even when every answer takes as
     * long as the receiver has lately taken (the whole timeout until it has answered): at least one
     * round of {@code running}, at most {@code most} deliveries.
     */
    static SubscriberLanes within(Duration lease, Duration timeout, int running, int most) {
        return new SubscriberLanes(running, running * rounds(lease, timeout), Math.max(most, running * rounds(lease, timeout)),
                lease, timeout);
    }

    private static int rounds(Duration lease, Duration pace) {
        return (int) Math.min(10_000, Math.max(1, lease.toMillis() / Math.max(1, 2 * pace.toMillis())));
    }

    /** What each subscriber may claim now: a lane more than half full takes nothing. */
    synchronized Courier.Room room() {
        Set<String> full = lanes.keySet().stream().filter(s -> lanes.get(s).claimed * 2 > size(s))
                .collect(Collectors.toUnmodifiableSet());
        Map<String, Integer> left = new HashMap<>();
        lanes.forEach((s, lane) -> left.put(s, full.contains(s) ? 0 : size(s) - lane.claimed));
        Map<String, Integer> sizes = new HashMap<>();
        paces.keySet().forEach(s -> sizes.put(s, size(s)));
        return new Courier.Room() {
            @Override
            public Set<String> full() {
                return full;
            }

            @Override
            public int of(String subscriptionId) {
                return left.getOrDefault(subscriptionId, sizes.getOrDefault(subscriptionId, fewest));
            }
        };
    }

    /** Whether a claim could fill something now: no lane at all, or one at most half full. */
    synchronized boolean refillable() {
        return lanes.isEmpty() || lanes.entrySet().stream().anyMatch(e -> e.getValue().claimed * 2 <= size(e.getKey()));
    }

    /** A claimed delivery joins its lane; returns the deliveries that may be attempted now. */
    synchronized List<Parcel> take(Parcel parcel) {
        Lane lane = lanes.computeIfAbsent(parcel.subscriptionId(), s -> new Lane());
        lane.claimed++;
        lane.waiting.add(parcel);
        return startable(lane);
    }

    /** An attempt ended after {@code took}; its slot is free. Returns the deliveries that may be attempted now. */
    synchronized List<Parcel> ended(Parcel parcel, Duration took) {
        // The pace follows a slower answer at once and a quicker one gradually.
        paces.merge(parcel.subscriptionId(), took, (was, now) -> now.compareTo(was) > 0 ? now : was.multipliedBy(4).plus(now).dividedBy(5));
        Lane lane = lanes.get(parcel.subscriptionId());
        lane.running--;
        return startable(lane);
    }

    /** The delivery's outcome is recorded (or left to its lease): it leaves its lane. */
    synchronized void recorded(Parcel parcel) {
        Lane lane = lanes.get(parcel.subscriptionId());
        if (--lane.claimed == 0) {
            lanes.remove(parcel.subscriptionId());
        }
    }

    /** Nothing claimed and unrecorded anywhere. */
    synchronized boolean idle() {
        return lanes.isEmpty();
    }

    /** Deliveries a subscriber has claimed and not yet recorded. */
    synchronized int claimed(String subscriptionId) {
        Lane lane = lanes.get(subscriptionId);
        return lane == null ? 0 : lane.claimed;
    }

    /** How many deliveries this subscriber's lane holds at most, at its receiver's pace. */
    synchronized int size(String subscriptionId) {
        return Math.max(fewest, Math.min(most, running * rounds(lease, paces.getOrDefault(subscriptionId, firstPace))));
    }

    private List<Parcel> startable(Lane lane) {
        List<Parcel> start = new ArrayList<>();
        while (lane.running < running && !lane.waiting.isEmpty()) {
            lane.running++;
            start.add(lane.waiting.poll());
        }
        return start;
    }
}
