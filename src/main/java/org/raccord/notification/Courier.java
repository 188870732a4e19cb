package org.raccord.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.raccord.tracking.MaskedFailure;
import org.raccord.tracking.PhoneNumbers;

/**
 * Takes the due deliveries and posts them, signed (Standard Webhooks), in parallel across lines on
 * the webhook senders' own executor; the loop records the attempts that have ended, together, each
 * time it comes back (it waits for them rather than for its interval while any is under way): 2xx
 * delivered; 410 the subscription ends; 429 and 503 wait as long as asked; anything else, or no
 * answer, waits by the retry schedule, and after its last step the delivery is a dead letter.
 * A delivery is counted as attempted before it is sent, so a crash mid-flight leaves it due again
 * after the lease, with the same id.
 *
 * <p>Each subscriber has a lane ({@link SubscriberLanes}): a few attempts at once, a larger claim
 * waiting its turn. A slow or hostile receiver fills its own lane and waits for it, while the
 * others' deliveries go on. Nothing waits for a round to end, so one slow answer delays no one
 * else's.
 */
final class Courier {

    private static final Logger LOG = Logger.getLogger(Courier.class.getName());
    /** How often a claim is made while every lane is more than half full (subscribers without one may have work). */
    static final Duration CLAIM_EVERY = Duration.ofSeconds(1);

    /** What became of one attempt. GONE (410) ends the delivery and its subscription. */
    record AttemptOutcome(long deliveryId, String subscriptionId, int attempt, Kind kind, Instant at, Integer status, String error) {
        enum Kind { DELIVERED, RETRY, DEAD, GONE }

        /** The outcome of this parcel's attempt (the store records it only for that attempt of a pending delivery). */
        static AttemptOutcome of(Parcel parcel, Kind kind, Instant at, Integer status, String error) {
            return new AttemptOutcome(parcel.deliveryId(), parcel.subscriptionId(), parcel.attempt(), kind, at, status, error);
        }
    }

    /** Where deliveries are kept (the database, or memory in tests). */
    interface Store {
        /**
         * Due deliveries, only the oldest pending one per subscriber and line, each claimed until
         * {@code leaseUntil}; none for a subscriber in {@code room.full()}, and no more for each
         * than {@code room.of(subscriber)}.
         */
        List<Parcel> claimDue(Instant now, Instant leaseUntil, int max, Room room);

        /** Outcomes, recorded together (one transaction); {@code at} is when a retry is due. */
        void record(List<AttemptOutcome> outcomes);
    }

    /** How many more deliveries each subscriber may claim now. */
    interface Room {
        /** Subscribers that may claim nothing now (left out of the claim's query). */
        Set<String> full();

        int of(String subscriptionId);
    }

    private final Store store;
    private final WebhookPost post;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Executor executor;
    private final SubscriberLanes lanes;
    private Instant lastClaim;
    /** Attempts that have ended, waiting to be recorded by the loop's thread. */
    private final List<Finished> ended = new ArrayList<>();

    Courier(Store store, WebhookPost post, RetrySchedule retries, Clock clock, Executor executor, SubscriberLanes lanes) {
        this.store = store;
        this.post = post;
        this.retries = retries;
        this.clock = clock;
        this.executor = executor;
        this.lanes = lanes;
    }

    /**
     * Records the attempts that have ended, then claims the due deliveries that fit in their
     * subscribers' room and starts their attempts without waiting for them, then records those
     * that ended meanwhile. Returns how many were started.
     */
    int deliverDue(int max) {
        recordFinished();
        Instant now = clock.instant();
        // Attempts the executor refused earlier, and leases let go, are started first.
        lanes.startable(now).forEach(this::launch);
        // A claim costs a query over every pending delivery: made when a lane can take a large
        // share, or once a second for subscribers that have none yet.
        if (!lanes.refillable() && lastClaim != null && now.isBefore(lastClaim.plus(CLAIM_EVERY))) {
            return 0;
        }
        lastClaim = now;
        Room room = lanes.room();
        List<Parcel> due = store.claimDue(now, now.plus(lanes.lease()), max, room);
        lanes.claimed(room, due, due.size() >= max);
        List<Parcel> start = new ArrayList<>();
        due.forEach(parcel -> start.addAll(lanes.take(parcel, now)));
        start.forEach(this::launch);
        recordFinished();
        return due.size();
    }

    /**
     * Waits up to {@code max} for an attempt to end; false at once when none is under way. The
     * loop waits here instead of sleeping out its interval while a subscriber's slots are full.
     */
    boolean awaitFinished(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (ended) {
            while (ended.isEmpty() && !lanes.idle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ended, left);
            }
            return !ended.isEmpty();
        }
    }

    /**
     * Records the attempts that have ended, together (one transaction), and frees their slots.
     * A delivery stays pending until then, so the next event of its line cannot overtake it.
     */
    void recordFinished() {
        List<Finished> batch = new ArrayList<>();
        synchronized (ended) {
            batch.addAll(ended);
            ended.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.record(batch.stream().map(Finished::outcome).toList());
        } catch (RuntimeException e) {
            // Left to their leases: the deliveries are due again with the same ids, as after a crash.
            LOG.log(Level.SEVERE, batch.size() + " webhook outcomes could not be recorded", MaskedFailure.of(e));
        } finally {
            batch.forEach(f -> lanes.recorded(f.parcel()));
        }
    }

    /** Deliveries a subscriber has claimed and not yet recorded (running, waiting, or ended). */
    int claimed(String subscriptionId) {
        return lanes.claimed(subscriptionId);
    }

    private void finished(Parcel parcel, AttemptOutcome outcome) {
        synchronized (ended) {
            ended.add(new Finished(parcel, outcome));
            ended.notifyAll();
        }
    }

    private record Finished(Parcel parcel, AttemptOutcome outcome) {
    }

    /**
     * One attempt on the senders' executor. When it ends, its slot is freed (and the next of its
     * lane started) before its outcome is published, so the loop never records a delivery whose
     * slot is still taken. Whatever the attempt throws becomes that delivery's failed attempt,
     * retried by the schedule; an executor with no room leaves it at the head of its lane, no
     * attempt spent, for when the loop comes back.
     */
    private void launch(Parcel parcel) {
        long start = System.nanoTime();
        CompletableFuture<AttemptOutcome> attempt;
        try {
            attempt = CompletableFuture.supplyAsync(() -> attempt(parcel), executor);
        } catch (RejectedExecutionException full) {
            lanes.refused(parcel);
            return;
        }
        attempt.exceptionally(e -> broken(parcel, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e))
                .thenAccept(outcome -> {
                    List<Parcel> next = lanes.ended(parcel, Duration.ofNanos(System.nanoTime() - start),
                            outcome.kind() == AttemptOutcome.Kind.DELIVERED, clock.instant());
                    if (outcome.kind() == AttemptOutcome.Kind.GONE) {
                        lanes.drop(parcel.subscriptionId());
                    }
                    finished(parcel, outcome);
                    next.forEach(this::launch);
                });
    }

    /** The subscription ended (deleted): what waits in its lane is not sent. */
    void forget(String subscriptionId) {
        lanes.drop(subscriptionId);
    }

    private AttemptOutcome broken(Parcel parcel, Throwable e) {
        LOG.log(Level.WARNING, "webhook " + parcel.eventId() + ": the attempt failed before it was sent", MaskedFailure.of(e));
        return failed(parcel, null, Optional.empty(), "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    AttemptOutcome attempt(Parcel parcel) {
        WebhookPost.Answer answer;
        try {
            Map<String, String> headers = Signatures.headers(parcel.secrets(), parcel.eventId(),
                    clock.instant().getEpochSecond(), parcel.body());
            answer = post.post(parcel.callback(), headers, parcel.body());
        } catch (IOException | RuntimeException e) {
            return failed(parcel, null, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return AttemptOutcome.of(parcel, AttemptOutcome.Kind.DELIVERED, clock.instant(), status, null);
        }
        if (status == 410) {
            LOG.info(() -> "subscription " + parcel.subscriptionId() + " disabled: its receiver answered 410 Gone");
            return AttemptOutcome.of(parcel, AttemptOutcome.Kind.GONE, clock.instant(), status,
                    "HTTP 410: the receiver is gone");
        }
        Optional<Duration> wait = status == 429 || status == 503 ? answer.retryAfter() : Optional.empty();
        return failed(parcel, status, wait, "HTTP " + status);
    }

    private AttemptOutcome failed(Parcel parcel, Integer status, Optional<Duration> retryAfter, String error) {
        Optional<Instant> next = retries.next(parcel.attempt(), clock.instant(), retryAfter.orElse(null));
        if (next.isPresent()) {
            return AttemptOutcome.of(parcel, AttemptOutcome.Kind.RETRY, next.get(), status, error);
        }
        LOG.log(Level.WARNING, "webhook {0} is a dead letter after {1} attempts: {2}",
                new Object[] {parcel.eventId(), parcel.attempt(), PhoneNumbers.maskIn(error)});
        return AttemptOutcome.of(parcel, AttemptOutcome.Kind.DEAD, clock.instant(), status, error);
    }
}
