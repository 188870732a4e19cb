package org.raccord.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each subscriber's lane through the courier: at most {@code running} attempts at once, and a claim
 * of deliveries taken from the store (running, waiting their turn, or ended and not yet recorded)
 * sized to what the lane can attempt well within the claim's lease at the pace its receiver
 * takes deliveries: a prompt receiver's lane claims hundreds at a time (one database claim feeds many
 * attempts), a slow one's a few, and so does one that refuses them, however fast. A slow or hanging
 * receiver holds {@code running} sender threads, never the pool. A lane is refilled once half of it
 * is done, so that claims stay large.
 *
 * <p>A delivery whose lease is nearly over when its turn comes is let go unattempted (the store
 * hands it out again after the lease, with the same id), and one claimed again while still held is
 * not taken twice: no delivery is ever attempted by two hands at once.
 */
final class SubscriberLanes {

    private final int running;
    private final int fewest;
    private final int most;
    private final Duration lease;
    private final Duration firstPace;
    /** Guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** How long each subscriber's receiver has been taking per delivery, a failure counting as the timeout (guarded by this). */
    private final Map<String, Duration> paces = new HashMap<>();
    /**
     * Subscribers that may have more due than their last claim gave them (guarded by this). Kept
     * apart from the lanes, which end when they are done: a prompt receiver's lane is often done
     * before the next claim, and it is the one that most needs it.
     */
    private final Set<String> hungry = new HashSet<>();

    private record Held(Parcel parcel, Instant claimedAt) {
    }

    private static final class Lane {
        int claimed;
        int running;
        final Deque<Held> waiting = new ArrayDeque<>();
        /** The deliveries in the lane, by id, with when they were claimed. */
        final Map<Long, Instant> held = new HashMap<>();
    }

    /** Lanes of a fixed size: {@code running} at once, {@code claimed} taken at most, a 2-minute lease. */
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
     * long as the receiver has lately taken (the whole timeout until it has delivered one): at least
     * one round of {@code running}, at most {@code most} deliveries.
     */
    static SubscriberLanes within(Duration lease, Duration timeout, int running, int most) {
        int fewest = running * rounds(lease, timeout);
        return new SubscriberLanes(running, fewest, Math.max(most, fewest), lease, timeout);
    }

    private static int rounds(Duration lease, Duration pace) {
        return (int) Math.min(10_000, Math.max(1, lease.toMillis() / Math.max(1, 2 * pace.toMillis())));
    }

    /** How long a claim stays with this instance before the delivery is due again anywhere. */
    Duration lease() {
        return lease;
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

    /**
     * After a claim: a subscriber that got all the room it was offered may have more waiting in
     * the store (its lane is refilled as soon as it is half done); one that got less has had
     * everything due, unless the claim itself was full ({@code cutShort}): then each got a share
     * of it, and every one it fed may have more waiting. A subscriber offered no room keeps what
     * it was. (Left to the once-a-second claim, a prompt subscriber's lane drained its share of a
     * full claim and then stood empty while its backlog grew: docs/reliability.md, receivers.)
     */
    synchronized void claimed(Courier.Room offered, List<Parcel> taken, boolean cutShort) {
        Map<String, Long> counts = taken.stream().collect(Collectors.groupingBy(Parcel::subscriptionId, Collectors.counting()));
        hungry.removeIf(s -> !offered.full().contains(s));
        counts.forEach((s, got) -> {
            if (cutShort || got >= offered.of(s)) {
                hungry.add(s);
            }
        });
    }

    /** Whether a claim could fill something now: no lane at all, or one that may have more due and is at most half full. */
    synchronized boolean refillable() {
        return lanes.isEmpty() || hungry.stream().anyMatch(s -> !lanes.containsKey(s) || lanes.get(s).claimed * 2 <= size(s));
    }

    /** A claimed delivery joins its lane (unless it holds it already); returns the deliveries that may be attempted now. */
    synchronized List<Parcel> take(Parcel parcel, Instant now) {
        Lane lane = lanes.computeIfAbsent(parcel.subscriptionId(), s -> new Lane());
        if (lane.held.putIfAbsent(parcel.deliveryId(), now) != null) {
            return startable(lane, now);
        }
        lane.claimed++;
        lane.waiting.add(new Held(parcel, now));
        return startable(lane, now);
    }

    /**
     * An attempt ended after {@code took}, {@code delivered} or not; its slot is free. Returns the
     * deliveries that may be attempted now.
     */
    synchronized List<Parcel> ended(Parcel parcel, Duration took, boolean delivered, Instant now) {
        // The pace is how long a delivery takes: an attempt that delivered nothing counts as the
        // whole timeout, however fast it failed. A receiver that refuses at once (TLS, redirect,
        // 429) would otherwise keep a prompt receiver's lane of a thousand, and with its retries
        // fill every claim, lengthening each turn of the loop every subscriber shares
        // (docs/reliability.md, receivers). It follows a slower pace at once, a quicker one gradually.
        Duration pace = delivered ? took : max(took, firstPace);
        paces.merge(parcel.subscriptionId(), pace, (was, latest) -> latest.compareTo(was) > 0 ? latest
                : was.multipliedBy(4).plus(latest).dividedBy(5));
        Lane lane = lanes.get(parcel.subscriptionId());
        if (lane == null) {
            return List.of();
        }
        lane.running--;
        return startable(lane, now);
    }

    /** The executor had no room for this attempt: it goes back to the head of its lane, no attempt spent. */
    synchronized void refused(Parcel parcel) {
        Lane lane = lanes.get(parcel.subscriptionId());
        lane.running--;
        lane.waiting.addFirst(new Held(parcel, lane.held.get(parcel.deliveryId())));
    }

    /** The deliveries of every lane that may be attempted now (after refusals, or leases let go). */
    synchronized List<Parcel> startable(Instant now) {
        List<Parcel> start = new ArrayList<>();
        lanes.values().forEach(lane -> start.addAll(startable(lane, now)));
        return start;
    }

    /** The subscription ended (410, or deleted): what waits in its lane is let go unattempted. */
    synchronized void drop(String subscriptionId) {
        hungry.remove(subscriptionId);
        Lane lane = lanes.get(subscriptionId);
        if (lane != null) {
            lane.waiting.forEach(h -> release(lane, h.parcel()));
            lane.waiting.clear();
            removeIfDone(subscriptionId, lane);
        }
    }

    /** The delivery's outcome is recorded (or left to its lease): it leaves its lane. */
    synchronized void recorded(Parcel parcel) {
        Lane lane = lanes.get(parcel.subscriptionId());
        if (lane != null) {
            release(lane, parcel);
            removeIfDone(parcel.subscriptionId(), lane);
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

    private List<Parcel> startable(Lane lane, Instant now) {
        List<Parcel> start = new ArrayList<>();
        while (lane.running < running && !lane.waiting.isEmpty()) {
            Held next = lane.waiting.poll();
            // Too close to the end of its lease: let it go; the store hands it out again after it.
            if (now.isAfter(next.claimedAt().plus(lease.minus(lease.dividedBy(10))))) {
                release(lane, next.parcel());
                continue;
            }
            lane.running++;
            start.add(next.parcel());
        }
        return start;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void release(Lane lane, Parcel parcel) {
        if (lane.held.remove(parcel.deliveryId()) != null) {
            lane.claimed--;
        }
    }

    private void removeIfDone(String subscriptionId, Lane lane) {
        if (lane.claimed == 0 && lane.running == 0 && lane.waiting.isEmpty()) {
            lanes.remove(subscriptionId);
        }
    }
}
