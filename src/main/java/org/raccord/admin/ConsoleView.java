package org.raccord.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.raccord.cluster.ClusterMembers;
import org.raccord.heartbeat.Heartbeat;
import org.raccord.notification.SubscriberTallies.SubscriberTally;
import org.raccord.wholesale.OperationReading;
import org.raccord.wholesale.QuotaReading;

/** Everything the console shows at one glance, read at {@code at}. No secret is part of it. */
public record ConsoleView(Instant at, Owner owner, Polling polling, Notifications notifications, long breaches,
                          List<OperatorActionRecord.Entry> audit, List<Heartbeat.Reading> loops,
                          List<QuarantineResource.Quarantined> quarantined, Cluster cluster) {

    /**
     * The cluster: the instance that drew this view (its charts are its own), whether it leads, and
     * every instance heard of, the leader first.
     */
    public record Cluster(String instance, boolean leading, List<ClusterMembers.Member> members) {
    }

    /** The owner's interfaces: each operation's guards and latency, the quota, and why answers are degraded. */
    public record Owner(List<OperationReading> operations, QuotaReading quota, String degradedReason) {
    }

    /** Polling: paused or not, each feed's cursor and lag, ingestion, lines by state and overdue checks. */
    public record Polling(boolean paused, List<FeedStatuses.FeedStatus> feeds, double eventsPerMinute,
                          Map<String, Long> linesByState, long lines, long overdueChecks, double oldestUnconfirmedSeconds) {
    }

    /** Notifications: what waits in the outbox and for delivery, each subscriber's tally, the latest dead letters. */
    public record Notifications(long outboxDepth, long pendingDeliveries, List<SubscriberTally> subscribers,
                                List<DeadLettersResource.DeadLetter> deadLetters) {
    }
}
