package org.raccord.support;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.raccord.retention.RetentionSchedule;
import org.raccord.tracking.Feed;
import org.raccord.tracking.FeedCursor;
import org.raccord.tracking.LineLedger;
import org.raccord.tracking.OrderEvent;
import org.raccord.tracking.OrderEventKind;
import org.raccord.tracking.TrackedLines;

/**
 * Test-only servlet: writes records of every kind the retention policy covers, one old enough to
 * go and one recent of each (old ones backdated in SQL, with negative ids no sequence hands out),
 * runs one purge through the real schedule and database, and reports which records are left.
 * Records of other tests are recent, so the purge leaves them alone.
 */
@WebServlet("/it/retention")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class RetentionProbe extends HttpServlet {

    @Inject
    LineLedger ledger;

    @Inject
    TrackedLines lines;

    @Inject
    RetentionSchedule retention;

    @Resource(lookup = "jdbc/raccord")
    DataSource database;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long base = 8_100_000_000_000L;
        List<OrderEvent> page = List.of(
                settled(base, now, OrderEventKind.ACCEPTED, "CMD-RETAIN-OLD"),
                settled(base + 1, now, OrderEventKind.CANCELLED, "CMD-RETAIN-OLD"),
                settled(base + 2, now, OrderEventKind.ACCEPTED, "CMD-RETAIN-NEW"),
                settled(base + 3, now, OrderEventKind.CANCELLED, "CMD-RETAIN-NEW"));
        long last = ledger.cursorOf(Feed.ORDER).map(FeedCursor::lastSequence).orElse(0L);
        long ownerLast = ledger.cursorOf(Feed.ORDER).map(FeedCursor::ownerLastSequence).orElse(0L);
        ledger.applyOrderPage(page, last, ownerLast);
        long oldLine = lines.byOrderReference("CMD-RETAIN-OLD").orElseThrow().id();
        long newLine = lines.byOrderReference("CMD-RETAIN-NEW").orElseThrow().id();
        try (var c = database.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE tracked_line SET changed_at = CURRENT_TIMESTAMP - INTERVAL '91' DAY WHERE id = " + oldLine);
            s.executeUpdate("INSERT INTO hub_subscription (id, client, callback_url, event_types, secret, state, created_at)"
                    + " VALUES ('retention-probe', 'probe', 'https://sms.example.com/hook', '', 'whsec_x', 'DISABLED', CURRENT_TIMESTAMP)");
            for (int i = 1; i <= 3; i++) {
                String age = i == 1 ? "31" : "1";
                String state = i == 3 ? "DEAD" : "DELIVERED";
                s.executeUpdate("INSERT INTO webhook_delivery (id, subscription_id, outbox_id, line_id, event_id, event_type, body,"
                        + " state, attempts, next_attempt_at, created_at) VALUES (" + (-900 - i) + ", 'retention-probe', " + (-900 - i)
                        + ", " + newLine + ", 'retention-" + i + "', 'line.delivered', '{\"sms\":{\"to\":\"+33612345678\"}}', '"
                        + state + "', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '" + age + "' DAY)");
                s.executeUpdate("INSERT INTO operator_action (id, at, actor, action, target, outcome) VALUES (" + (-900 - i)
                        + ", CURRENT_TIMESTAMP - INTERVAL '" + (i == 1 ? "366" : "1") + "' DAY, 'probe', 'retention', 'x', 200)");
                s.executeUpdate("INSERT INTO outbox_event (id, event_id, line_id, event_type, payload, created_at, published_at)"
                        + " VALUES (" + (-900 - i) + ", 'retention-outbox-" + i + "', " + newLine + ", 'line.delivered', '{}',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '" + (i == 1 ? "8" : "1") + "' DAY)");
            }
            Map<String, Integer> purged = retention.purge();
            response.setContentType("application/json");
            response.getWriter().print("{\"purged\":" + jsonOf(purged)
                    + ",\"oldLine\":" + count(s, "tracked_line WHERE id = " + oldLine)
                    + ",\"oldLineStory\":" + count(s, "line_event WHERE line_id = " + oldLine)
                    + ",\"oldLineOutbox\":" + count(s, "outbox_event WHERE line_id = " + oldLine)
                    + ",\"newLine\":" + count(s, "tracked_line WHERE id = " + newLine)
                    + ",\"newLineStory\":" + count(s, "line_event WHERE line_id = " + newLine)
                    + ",\"deliveries\":" + ids(s, "webhook_delivery") + ",\"audit\":" + ids(s, "operator_action")
                    + ",\"outbox\":" + ids(s, "outbox_event") + "}");
            s.executeUpdate("DELETE FROM webhook_delivery WHERE subscription_id = 'retention-probe'");
            s.executeUpdate("DELETE FROM hub_subscription WHERE id = 'retention-probe'");
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }

    private static OrderEvent settled(long sequence, OffsetDateTime at, OrderEventKind kind, String order) {
        return new OrderEvent(sequence, at, kind, "CR_CMD", order, null, true, null, at.toLocalDate().plusDays(20), null,
                null, null, "0140000000", null, null, null);
    }

    private static int count(java.sql.Statement s, String from) throws java.sql.SQLException {
        try (var r = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Which of the probe's rows (ids -901 to -903) are left in the table. */
    private static String ids(java.sql.Statement s, String table) throws java.sql.SQLException {
        StringBuilder left = new StringBuilder("[");
        try (var r = s.executeQuery("SELECT id FROM " + table + " WHERE id BETWEEN -903 AND -901 ORDER BY id DESC")) {
            while (r.next()) {
                left.append(left.length() > 1 ? "," : "").append(r.getLong(1));
            }
        }
        return left.append(']').toString();
    }

    private static String jsonOf(Map<String, Integer> purged) {
        StringBuilder json = new StringBuilder("{");
        purged.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }
}
