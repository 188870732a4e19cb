package org.raccord.production;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * One subscription's webhooks, as Raccord recorded them ({@code webhook_delivery}) against what its
 * receiver got: lost (recorded delivered, never received; or never finished), sent again (the same
 * {@code webhook-id} received more than once), out of a line's order (an event received before an
 * earlier one of its line), foreign (received, not recorded).
 */
record WebhookLedger(int deliveries, int delivered, int dead, int unfinished, int received, int lost, long sentAgain,
                     int outOfOrder, int foreign) {

    static WebhookLedger of(ProductionCluster cluster, String subscriptionId, List<LoggedRequest> posts) throws Exception {
        Map<String, Long> numberOf = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        Map<String, String> stateOf = new HashMap<>();
        try (Connection db = cluster.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select event_id, line_id, line_event_number, state from webhook_delivery"
                     + (subscriptionId == null ? "" : " where subscription_id = '" + subscriptionId + "'"))) {
            while (r.next()) {
                numberOf.put(r.getString(1), r.getLong(3));
                lineOf.put(r.getString(1), r.getLong(2));
                stateOf.put(r.getString(1), r.getString(4));
            }
        }
        Map<String, Integer> received = new LinkedHashMap<>();
        Map<Long, Long> lastNumberOfLine = new HashMap<>();
        int outOfOrder = 0;
        int foreign = 0;
        for (LoggedRequest post : posts) {
            String id = post.getHeader("webhook-id");
            if (received.merge(id, 1, Integer::sum) > 1) {
                continue;
            }
            Long line = lineOf.get(id);
            if (line == null) {
                foreign++;
                continue;
            }
            Long before = lastNumberOfLine.put(line, numberOf.get(id));
            if (before != null && before > numberOf.get(id)) {
                outOfOrder++;
            }
        }
        int delivered = 0;
        int dead = 0;
        int unfinished = 0;
        int lost = 0;
        for (Map.Entry<String, String> d : stateOf.entrySet()) {
            switch (d.getValue()) {
                case "DELIVERED" -> {
                    delivered++;
                    lost += received.containsKey(d.getKey()) ? 0 : 1;
                }
                case "DEAD", "CANCELLED" -> dead++;
                default -> unfinished++;
            }
        }
        long sentAgain = received.values().stream().filter(n -> n > 1).count();
        return new WebhookLedger(stateOf.size(), delivered, dead, unfinished, received.size(), lost + unfinished, sentAgain,
                outOfOrder, foreign);
    }

    @Override
    public String toString() {
        return deliveries + " deliveries: " + delivered + " delivered, " + dead + " dead-lettered or cancelled, " + unfinished
                + " unfinished; lost " + lost + ", sent again with their own id " + sentAgain + ", out of a line's order "
                + outOfOrder + ", received but not recorded " + foreign;
    }
}
