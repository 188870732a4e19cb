package org.raccord.production;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.awaitility.core.ConditionTimeoutException;
import org.raccord.support.OwnerTruth;
import org.raccord.support.TruthCheck;

import static org.awaitility.Awaitility.await;

/**
 * What the cluster's tests read from its instances and its database: who leads, the feeds' lag
 * and cursors, every line's timeline, and the truth check of one instance against the owner.
 */
final class ClusterChecks {

    private ClusterChecks() {
    }

    static boolean leading(Instance i) {
        try {
            return i.admin("console").getJsonObject("cluster").getBoolean("leading");
        } catch (RuntimeException down) {
            return false;
        }
    }

    /** The instance that leads, once one does. */
    static Instance leader(ProductionCluster cluster) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> leading(cluster.a) ? cluster.a : leading(cluster.b) ? cluster.b : null, i -> i != null);
    }

    /** Instances that beat within the last 10 s, as this instance's console lists them. */
    static int members(Instance i) {
        return (int) i.admin("console").getJsonObject("cluster").getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("silentSeconds").doubleValue() < 10).count();
    }

    static long cursor(Instance i, String feed) {
        return i.admin("polling").getJsonArray("feeds").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("feed").equals(feed)).mapToLong(f -> f.getJsonNumber("cursor").longValue()).sum();
    }

    static long lag(Instance i) {
        return i.admin("polling").getJsonArray("feeds").getValuesAs(JsonObject.class).stream()
                .mapToLong(f -> f.getJsonNumber("lag").longValue()).sum();
    }

    static String csrf(Instance i) {
        return json(i.get("api/admin/session", i.operator()).body()).getString("csrfToken");
    }

    /**
     * With the owner's publication held and the feeds read to their end by the leader, every line
     * {@code server} serves compared with the owner (the truth checker); checked again for up to
     * two minutes, the time for a last page to be applied and followed. Returns the last result.
     */
    static TruthCheck.Result truth(ProductionCluster cluster, Instance leader, Instance server) throws Exception {
        cluster.ownerTruth.hold(true);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> lag(leader) == 0);
            List<OwnerTruth.Line> truth = cluster.ownerTruth.lines();
            String reader = cluster.identity.bearer(ProductionCluster.TRUTH_CHECKER, "api-read");
            TruthCheck.Result[] last = new TruthCheck.Result[1];
            long started = System.nanoTime();
            try {
                await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                        .until(() -> (last[0] = TruthCheck.check(truth, path -> server.get(path, reader), timelines(cluster), 16)).clean());
            } catch (ConditionTimeoutException differences) {
                // The caller asserts, with what differs.
            }
            System.out.printf("cluster: truth check on %s, %.0f s: %s%n", server.name(), (System.nanoTime() - started) / 1e9, last[0]);
            return last[0];
        } finally {
            cluster.ownerTruth.hold(false);
        }
    }

    /** Every line's timeline (feed and sequence of each event), read from the database in one query. */
    static Function<String, JsonObject> timelines(ProductionCluster cluster) throws Exception {
        Map<String, jakarta.json.JsonArrayBuilder> items = new HashMap<>();
        try (Connection db = cluster.database(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("select l.order_reference, e.feed, e.upstream_sequence from line_event e"
                     + " join tracked_line l on l.id = e.line_id")) {
            while (r.next()) {
                items.computeIfAbsent(r.getString(1), o -> Json.createArrayBuilder())
                        .add(Json.createObjectBuilder().add("feed", r.getString(2)).add("sequence", r.getLong(3)));
            }
        }
        Map<String, JsonObject> timelines = new HashMap<>();
        items.forEach((order, list) -> timelines.put(order, Json.createObjectBuilder().add("items", list).build()));
        return order -> timelines.getOrDefault(order, Json.createObjectBuilder().add("items", Json.createArrayBuilder()).build());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static long single(ProductionCluster cluster, String sql) throws Exception {
        try (Connection db = cluster.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static long single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
