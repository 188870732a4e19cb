package org.raccord.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the due deliveries and posts them, signed (Standard Webhooks), in parallel across lines,
 * then records what the receivers said, the whole round in one transaction: 2xx delivered; 410 the subscription ends; 429 and 503 wait as long as asked;
 * anything else, or no answer, waits by the retry schedule, and after its last step the delivery
 * is a dead letter. A delivery is counted as attempted before it is sent, so a crash mid-flight
 * leaves it due again after the lease, with the same id.
 */
final class Courier {

    private static final Logger LOG = Logger.getLogger(Courier.class.getName());
    /** How long an attempt may stay unrecorded before the delivery is due again. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** What became of one attempt. GONE (410) ends the delivery and its subscription. */
    record Outcome(long deliveryId, String subscriptionId, Kind kind, Instant at, Integer status, String error) {
        enum Kind { DELIVERED, RETRY, DEAD, GONE }
    }

    /** Where deliveries are kept (the database, or memory in tests). */
    interface Store {
        /** Due deliveries, only the oldest pending one per subscriber and line, each claimed until {@code leaseUntil}. */
        List<Parcel> claimDue(Instant now, Instant leaseUntil, int max);

        /** A round's outcomes, recorded together (one transaction); {@code at} is when a retry is due. */
        void record(List<Outcome> outcomes);
    }

    private final Store store;
    private final WebhookPost post;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Executor executor;

    Courier(Store store, WebhookPost post, RetrySchedule retries, Clock clock, Executor executor) {
        this.store = store;
        this.post = post;
        this.retries = retries;
        this.clock = clock;
        this.executor = executor;
    }

    /** One round: every due delivery attempted once (different lines in parallel). Returns how many. */
    int deliverDue(int max) {
        Instant now = clock.instant();
        List<Parcel> due = store.claimDue(now, now.plus(LEASE), max);
        List<CompletableFuture<Outcome>> attempts = due.stream().map(this::attemptAsync).toList();
        store.record(attempts.stream().map(CompletableFuture::join).toList());
        return due.size();
    }

    /**
     * One attempt, isolated: whatever it throws (signing, the executor refusing it) becomes that
     * delivery's failed attempt, retried by the schedule. Otherwise one bad parcel would fail the
     * round, and every delivery claimed with it would wait out its lease unrecorded.
     */
    private CompletableFuture<Outcome> attemptAsync(Parcel parcel) {
        try {
            return CompletableFuture.supplyAsync(() -> attempt(parcel), executor)
                    .exceptionally(e -> broken(parcel, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
        } catch (RuntimeException refused) {
            return CompletableFuture.completedFuture(broken(parcel, refused));
        }
    }

    private Outcome broken(Parcel parcel, Throwable e) {
        LOG.log(Level.WARNING, "webhook " + parcel.eventId() + ": the attempt failed before it was sent", e);
        return failed(parcel, null, Optional.empty(), "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    Outcome attempt(Parcel parcel) {
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
            return new Outcome(parcel.deliveryId(), parcel.subscriptionId(), Outcome.Kind.DELIVERED, clock.instant(), status, null);
        }
        if (status == 410) {
            LOG.info(() -> "subscription " + parcel.subscriptionId() + " disabled: its receiver answered 410 Gone");
            return new Outcome(parcel.deliveryId(), parcel.subscriptionId(), Outcome.Kind.GONE, clock.instant(), status,
                    "HTTP 410: the receiver is gone");
        }
        Optional<Duration> wait = status == 429 || status == 503 ? answer.retryAfter() : Optional.empty();
        return failed(parcel, status, wait, "HTTP " + status);
    }

    private Outcome failed(Parcel parcel, Integer status, Optional<Duration> retryAfter, String error) {
        Optional<Instant> next = retries.next(parcel.attempt(), clock.instant(), retryAfter.orElse(null));
        if (next.isPresent()) {
            return new Outcome(parcel.deliveryId(), parcel.subscriptionId(), Outcome.Kind.RETRY, next.get(), status, error);
        }
        LOG.log(Level.WARNING, "webhook {0} is a dead letter after {1} attempts: {2}",
                new Object[] {parcel.eventId(), parcel.attempt(), error});
        return new Outcome(parcel.deliveryId(), parcel.subscriptionId(), Outcome.Kind.DEAD, clock.instant(), status, error);
    }
}
