package org.raccord.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the due deliveries and posts them, signed (Standard Webhooks), then records what the
 * receiver said: 2xx delivered; 410 the subscription ends; 429 and 503 wait as long as asked;
 * anything else, or no answer, waits by the retry schedule, and after its last step the delivery
 * is a dead letter. A delivery is counted as attempted before it is sent, so a crash mid-flight
 * leaves it due again after the lease, with the same id.
 */
final class Courier {

    private static final Logger LOG = Logger.getLogger(Courier.class.getName());
    /** How long an attempt may stay unrecorded before the delivery is due again. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** Where deliveries are kept (the database, or memory in tests). */
    interface Store {
        /** Due deliveries, only the oldest pending one per subscriber and line, each claimed until {@code leaseUntil}. */
        List<Parcel> claimDue(Instant now, Instant leaseUntil, int max);

        void delivered(long deliveryId, Instant at, int status);

        void retryAt(long deliveryId, Instant at, Integer status, String error);

        void dead(long deliveryId, Integer status, String error);

        /** The receiver is gone (410): the delivery ends and so does its subscription. */
        void gone(long deliveryId, String subscriptionId);
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
        CompletableFuture.allOf(due.stream()
                .map(parcel -> CompletableFuture.runAsync(() -> attempt(parcel), executor))
                .toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    void attempt(Parcel parcel) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEvents.MEDIA_TYPE);
        headers.put("webhook-id", parcel.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.sign(parcel.secrets(), parcel.eventId(), timestamp, parcel.body()));
        WebhookPost.Answer answer;
        try {
            answer = post.post(parcel.callback(), headers, parcel.body());
        } catch (IOException | RuntimeException e) {
            failed(parcel, null, Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            store.delivered(parcel.deliveryId(), clock.instant(), status);
        } else if (status == 410) {
            LOG.info(() -> "subscription " + parcel.subscriptionId() + " disabled: its receiver answered 410 Gone");
            store.gone(parcel.deliveryId(), parcel.subscriptionId());
        } else {
            Optional<Duration> wait = status == 429 || status == 503 ? answer.retryAfter() : Optional.empty();
            failed(parcel, status, wait, "HTTP " + status);
        }
    }

    private void failed(Parcel parcel, Integer status, Optional<Duration> retryAfter, String error) {
        Optional<Instant> next = retries.next(parcel.attempt(), clock.instant(), retryAfter.orElse(null));
        if (next.isPresent()) {
            store.retryAt(parcel.deliveryId(), next.get(), status, error);
        } else {
            LOG.log(Level.WARNING, "webhook {0} is a dead letter after {1} attempts: {2}",
                    new Object[] {parcel.eventId(), parcel.attempt(), error});
            store.dead(parcel.deliveryId(), status, error);
        }
    }
}
