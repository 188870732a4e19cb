package org.raccord.notification;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raccord.tracking.SchemaMigrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim's query ({@link Deliveries#headsDue}) on both databases, with the migrations the server
 * runs: it takes only the heads of their lines and skips lines with an earlier event still in the
 * outbox. On PostgreSQL, with statistics taken while everything was delivered (autovacuum off),
 * its work stays in proportion to the subscriber's pending deliveries: when a failing receiver's
 * retries piled up under such statistics, every claim scanned all pending deliveries for each due
 * one (docs/reliability.md, receivers).
 */
class HeadsDueQueryTest {

    private static final String SUBSCRIBER = "00000000-0000-0000-0000-00000000000a";
    /** Its neighbours, with as many deliveries as it has: what a scan by state alone would wade through. */
    private static final List<String> OTHERS = List.of("00000000-0000-0000-0000-00000000000b",
            "00000000-0000-0000-0000-00000000000c", "00000000-0000-0000-0000-00000000000d",
            "00000000-0000-0000-0000-00000000000e", "00000000-0000-0000-0000-00000000000f");
    /** Pages a claim may read per pending delivery of its subscriber: a few index and heap pages each. */
    private static final int PAGES_PER_PENDING = 8;
    private static final int LINES = 400;
    private static final int EVENTS_PER_LINE = 4;
    /** Events of each line before the pending ones, all published and delivered. */
    private static final int HISTORY = 10;
    /** Lines 1 to 100: their head waits for a retry later, so nothing of theirs is due. */
    private static final int RETRYING = 100;
    /** Lines 101 to 150: an earlier event of theirs still waits in the outbox. */
    private static final int WAITING_IN_OUTBOX = 150;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 20, 0, 0, 0, ZoneOffset.UTC);

    private static EmbeddedPostgres postgres;
    private static JdbcDataSource h2;

    @BeforeAll
    static void seed() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:heads-due;DB_CLOSE_DELAY=-1");
        for (DataSource db : List.of(postgres.getPostgresDatabase(), h2)) {
            SchemaMigrations.flyway(db, HeadsDueQueryTest.class.getClassLoader()).migrate();
        }
        for (DataSource db : List.of(postgres.getPostgresDatabase(), h2)) {
            try (Connection c = db.getConnection()) {
                history(c);
            }
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Statistics taken while everything was delivered, and kept so: the planner believes
            // nothing is pending, as it did when a failing receiver's retries piled up.
            s.execute("alter table webhook_delivery set (autovacuum_enabled = false)");
            s.execute("alter table outbox_event set (autovacuum_enabled = false)");
            s.execute("analyze");
        }
        for (DataSource db : List.of(postgres.getPostgresDatabase(), h2)) {
            try (Connection c = db.getConnection()) {
                pending(c);
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onlyTheHeadsOfLinesWithNothingEarlierWaitingAreClaimedOnBothDatabases() throws SQLException {
        for (DataSource db : List.of(postgres.getPostgresDatabase(), h2)) {
            List<long[]> claimed = headsDue(db, 1000);
            assertThat(claimed).as("one head for each line from %d to %d", WAITING_IN_OUTBOX + 1, LINES)
                    .hasSize(LINES - WAITING_IN_OUTBOX);
            assertThat(claimed).allSatisfy(row -> {
                assertThat(row[1]).as("line").isGreaterThan(WAITING_IN_OUTBOX);
                assertThat(row[2]).as("line event number: the line's first").isEqualTo(1);
            });
        }
    }

    @Test
    void onPostgresqlAClaimReadsInProportionToTheSubscribersPendingDeliveriesWhateverTheStatisticsSay() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement explain = c.prepareStatement("explain (analyze, buffers) " + Deliveries.headsDue(63))) {
                bind(explain);
                try (ResultSet r = explain.executeQuery()) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        String shown = String.join("\n", plan);
        Matcher pages = Pattern.compile("Buffers: shared hit=(\\d+)").matcher(plan.get(1));
        assertThat(pages.find()).as(shown).isTrue();
        int pending = LINES * EVENTS_PER_LINE;
        assertThat(Long.parseLong(pages.group(1))).as("pages read for %d pending deliveries of the subscriber:%n%s", pending, shown)
                .isLessThanOrEqualTo((long) PAGES_PER_PENDING * pending);
    }

    private static List<long[]> headsDue(DataSource db, int limit) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement(Deliveries.headsDue(limit))) {
                bind(claim);
                try (ResultSet r = claim.executeQuery()) {
                    while (r.next()) {
                        rows.add(delivery(c, r.getLong(1)));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return rows;
    }

    private static long[] delivery(Connection c, long id) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("select line_id, line_event_number from webhook_delivery where id = ?")) {
            read.setLong(1, id);
            try (ResultSet r = read.executeQuery()) {
                r.next();
                return new long[] {id, r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static void bind(PreparedStatement claim) throws SQLException {
        claim.setString(1, SUBSCRIBER);
        claim.setString(2, Delivery.PENDING);
        claim.setObject(3, NOW);
        claim.setString(4, Delivery.PENDING);
    }

    /** Six subscribers, 400 lines, and each line's ten earlier events, published and delivered to all. */
    private static void history(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into hub_subscription (id, client, callback_url, event_types,"
                + " secret, state, created_at) values (?, 'sms', 'https://receiver.example/hook', 'all', 'secret', ?, ?)")) {
            for (String subscriber : subscribers()) {
                s.setString(1, subscriber);
                s.setString(2, Subscription.ACTIVE);
                s.setObject(3, NOW);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement line = c.prepareStatement("insert into tracked_line (id, order_reference, fibre, state,"
                + " upstream_sequence, confirmed_at, changed_at, registered_at, version) values (?, ?, true, 'inProgress', 0, ?, ?, ?, 1)");
             PreparedStatement outbox = outbox(c); PreparedStatement delivery = delivery(c)) {
            for (long l = 1; l <= LINES; l++) {
                line.setLong(1, l);
                line.setString(2, "CMD-" + l);
                line.setObject(3, NOW);
                line.setObject(4, NOW);
                line.setObject(5, NOW);
                line.addBatch();
                for (int n = -HISTORY + 1; n <= 0; n++) {
                    long id = l * 100 + n + HISTORY;
                    add(outbox, id, l, n, NOW.minusDays(1));
                    for (int s = 0; s < subscribers().size(); s++) {
                        add(delivery, s * 100_000 + id, subscribers().get(s), l, n, Delivery.DELIVERED, NOW.minusDays(1));
                    }
                }
            }
            line.executeBatch();
            outbox.executeBatch();
            delivery.executeBatch();
        }
    }

    /**
     * Four pending deliveries on each line for each subscriber, all due but the retried heads of lines 1 to 100; an
     * earlier event of lines 101 to 150 waiting in the outbox, and a later one of every other line
     * (which holds nothing back).
     */
    private static void pending(Connection c) throws SQLException {
        try (PreparedStatement outbox = outbox(c); PreparedStatement delivery = delivery(c)) {
            for (long l = 1; l <= LINES; l++) {
                boolean held = l > RETRYING && l <= WAITING_IN_OUTBOX;
                add(outbox, l * 100 + 99, l, held ? 0 : EVENTS_PER_LINE + 1, null);
                for (int n = 1; n <= EVENTS_PER_LINE; n++) {
                    for (int s = 0; s < subscribers().size(); s++) {
                        add(delivery, s * 100_000 + l * 100 + HISTORY + n, subscribers().get(s), l, n, Delivery.PENDING,
                                n == 1 && l <= RETRYING ? NOW.plusMinutes(5) : NOW.minusMinutes(1));
                    }
                }
            }
            outbox.executeBatch();
            delivery.executeBatch();
        }
    }

    private static List<String> subscribers() {
        List<String> all = new ArrayList<>(OTHERS);
        all.add(0, SUBSCRIBER);
        return all;
    }

    private static PreparedStatement outbox(Connection c) throws SQLException {
        return c.prepareStatement("insert into outbox_event (id, event_id, line_id, event_type, payload, created_at,"
                + " published_at, line_event_number) values (?, ?, ?, 'LineChanged', '{}', ?, ?, ?)");
    }

    private static void add(PreparedStatement outbox, long id, long line, long number, OffsetDateTime published) throws SQLException {
        outbox.setLong(1, id);
        outbox.setString(2, "event-" + id);
        outbox.setLong(3, line);
        outbox.setObject(4, NOW.minusDays(1));
        outbox.setObject(5, published);
        outbox.setLong(6, number);
        outbox.addBatch();
    }

    private static PreparedStatement delivery(Connection c) throws SQLException {
        return c.prepareStatement("insert into webhook_delivery (id, subscription_id, outbox_id, line_id, event_id, event_type,"
                + " body, state, attempts, next_attempt_at, created_at, line_event_number)"
                + " values (?, ?, ?, ?, ?, 'LineChanged', '{}', ?, 0, ?, ?, ?)");
    }

    private static void add(PreparedStatement delivery, long id, String subscriber, long line, long number, String state,
                            OffsetDateTime next) throws SQLException {
        delivery.setLong(1, id);
        delivery.setString(2, subscriber);
        delivery.setLong(3, id);
        delivery.setLong(4, line);
        delivery.setString(5, "delivery-" + id);
        delivery.setString(6, state);
        delivery.setObject(7, next);
        delivery.setObject(8, NOW.minusDays(1));
        delivery.setLong(9, number);
        delivery.addBatch();
    }
}
