package org.raccord.production;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.raccord.support.WebhookReceiver;

import static org.awaitility.Awaitility.await;
import static org.raccord.production.ClusterChecks.csrf;
import static org.raccord.production.ClusterChecks.lag;

/**
 * The reliability campaign's common ground on the production cluster (README "Reliability
 * campaign"): the cluster polling with its catch-up done and the receiver subscribed, whichever
 * class runs first; how long a case lasts ({@code raccord.reliability.full}: the campaign's own
 * figures, otherwise the test command's fast subset); what the owner's log says of its quota.
 */
final class Campaign {

    /** The campaign's figures (the reliability profile); otherwise the test command's fast subset. */
    static final boolean FULL = Boolean.getBoolean("raccord.reliability.full");

    private Campaign() {
    }

    static Duration seconds(String property, long full, long fast) {
        return Duration.ofSeconds(Long.getLong("raccord.reliability." + property, FULL ? full : fast));
    }

    /** Polling resumed, the catch-up done by the leader, the cluster's receiver subscribed; returns the leader. */
    static Instance ready(ProductionCluster cluster) throws Exception {
        if (ClusterChecks.single(cluster, "select count(*) from hub_subscription where callback_url = '"
                + WebhookReceiver.callbackUrl(cluster.receiver, "127.0.0.1") + "'") == 0) {
            HttpResponse<String> subscribed = cluster.a.post("api/v1/hub", cluster.identity.bearer("smsplatform", "api-subscribe"),
                    null, "{\"callbackUrl\":\"" + WebhookReceiver.callbackUrl(cluster.receiver, "127.0.0.1") + "\"}");
            if (subscribed.statusCode() != 201) {
                throw new IllegalStateException("subscribing the receiver: " + subscribed.statusCode() + " " + subscribed.body());
            }
        }
        HttpResponse<String> resumed = cluster.a.post("api/admin/polling/resume", cluster.a.operator(), csrf(cluster.a), null);
        if (resumed.statusCode() != 204) {
            throw new IllegalStateException("resuming polling: " + resumed.statusCode());
        }
        Instance leader = ClusterChecks.leader(cluster);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).until(() -> lag(leader) == 0
                && ClusterChecks.cursor(leader, "ORDER") > 0);
        return leader;
    }

    /** The subscription of the cluster's own receiver (one subscriber's webhooks, for {@link WebhookLedger}). */
    static String receiverSubscription(ProductionCluster cluster) throws Exception {
        try (Connection db = cluster.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select id from hub_subscription where callback_url = '"
                     + WebhookReceiver.callbackUrl(cluster.receiver, "127.0.0.1") + "' order by created_at limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    /** {@code n} lines the cluster tracks, to look up while a fault lasts. */
    static List<String> knownLines(ProductionCluster cluster, int n) throws Exception {
        List<String> orders = new ArrayList<>();
        try (Connection db = cluster.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select order_reference from tracked_line order by id limit " + n)) {
            while (r.next()) {
                orders.add(r.getString(1));
            }
        }
        return orders;
    }

    /** A fault's length: nothing to wait for but time. */
    static void lasting(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
    }

    /** The most requests the owner received within one second since its last start (its own log). */
    static int busiestSecond(LibertyServer owner) {
        return owner.messages().lines().filter(l -> l.contains("busiest second so far"))
                .mapToInt(l -> Integer.parseInt(l.replaceAll(".*so far (\\d+) request.*", "$1"))).max().orElse(0);
    }

    /** Requests the owner refused for its quota since its last start: 0, or the last power of ten its log reached. */
    static long throttledAtOwner(LibertyServer owner) {
        return owner.messages().lines().filter(l -> l.contains("throttled so far"))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".*: (\\d+) request.*", "$1"))).max().orElse(0);
    }
}
