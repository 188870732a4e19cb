package org.raccord.wholesale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * What one instance learns about the owner that every instance must act on: the owner's "come back
 * later" (a retry-after pause, for the whole owner or one interface) and the feeds' health, which
 * only the leader sees since it alone reads the feeds. Rows in PostgreSQL ({@code owner_state}),
 * written by the instance that learned it and read by every instance at most once a second, on
 * demand: an instance that does not poll still says its answers are degraded while the owner is down.
 * The read runs on an executor, never on the asking thread: a lookup asks on every request, and must
 * not wait for a database that is away (it answers with what was read last).
 */
final class SharedOwnerState {

    private static final Logger LOG = Logger.getLogger(SharedOwnerState.class.getName());
    private static final Duration READ_EVERY = Duration.ofSeconds(1);
    /** A feed's health is reported at least this often while it is read, and is stale (its reader gone) after {@link #FRESH}. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration FRESH = Duration.ofSeconds(30);
    private static final String PAUSE = "pause:";
    private static final String HEALTH = "health:";

    /** A feed's health as its reader reported it, and when. */
    record Reported(OperationHealth health, Instant at) {
    }

    private record Snapshot(Instant readAt, Map<String, Instant> pauses, Map<String, Reported> feeds) {
    }

    private final DataSource sessions;
    private final Clock clock;
    private final Executor reader;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final Map<String, Reported> written = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of(), Map.of());

    SharedOwnerState(DataSource sessions, Clock clock, Executor reader) {
        this.sessions = sessions;
        this.clock = clock;
        this.reader = reader;
    }

    /** The owner asked to come back at {@code until} ({@code owner} or an interface): every instance waits. */
    void pause(String scope, Instant until) {
        write(PAUSE + scope, null, null, until);
    }

    Optional<Instant> pausedUntil(String scope) {
        return Optional.ofNullable(current().pauses().get(scope));
    }

    /** A feed's health after a call: written when it changed, and every few seconds while it holds. */
    void report(OperationHealth health) {
        Instant now = clock.instant();
        Reported before = written.get(health.operation());
        if (before != null && before.health().breakerState().equals(health.breakerState())
                && before.health().troubled(now) == health.troubled(now) && before.at().plus(REPORT_EVERY).isAfter(now)) {
            return;
        }
        written.put(health.operation(), new Reported(health, now));
        write(HEALTH + health.operation(), health.breakerState(), health.troubled(now) ? health.lastError() : null, null);
    }

    /** A feed's health as reported (by any instance) within the last 30 s. */
    Optional<Reported> feed(String operation) {
        Reported r = current().feeds().get(operation);
        return r != null && r.at().plus(FRESH).isAfter(clock.instant()) ? Optional.of(r) : Optional.empty();
    }

    /** What was read last; a read is started if that is over a second old and none is under way. */
    private Snapshot current() {
        Snapshot known = snapshot;
        if (known.readAt().plus(READ_EVERY).isBefore(clock.instant()) && reading.compareAndSet(false, true)) {
            try {
                reader.execute(() -> refresh(known));
            } catch (RuntimeException rejected) {
                reading.set(false);
                LOG.log(Level.FINE, "the owner's shared state could not be read now", rejected);
            }
        }
        return snapshot;
    }

    private void refresh(Snapshot known) {
        try {
            snapshot = read();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "the owner's shared state is not readable; this instance's own knowledge stands", e);
            snapshot = new Snapshot(clock.instant(), known.pauses(), known.feeds());
        } finally {
            reading.set(false);
        }
    }

    private Snapshot read() throws SQLException {
        Map<String, Instant> pauses = new HashMap<>();
        Map<String, Reported> feeds = new HashMap<>();
        try (Connection c = sessions.getConnection(); PreparedStatement s = c.prepareStatement(
                "select name, breaker_state, last_error, paused_until, updated_at from owner_state");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String name = r.getString(1);
                Instant updated = r.getTimestamp(5).toInstant();
                if (name.startsWith(PAUSE) && r.getTimestamp(4) != null) {
                    pauses.put(name.substring(PAUSE.length()), r.getTimestamp(4).toInstant());
                } else if (name.startsWith(HEALTH)) {
                    String operation = name.substring(HEALTH.length());
                    String error = r.getString(3);
                    // Troubled as reported: a failure after the last success, or a breaker not closed.
                    OperationHealth h = new OperationHealth(operation, r.getString(2), error == null ? updated : null,
                            error == null ? null : updated, error, null, 0);
                    feeds.put(operation, new Reported(h, updated));
                }
            }
        }
        return new Snapshot(clock.instant(), Map.copyOf(pauses), Map.copyOf(feeds));
    }

    private void write(String name, String breakerState, String lastError, Instant pausedUntil) {
        Timestamp now = Timestamp.from(clock.instant());
        String error = lastError == null ? null : lastError.substring(0, Math.min(lastError.length(), 500));
        try (Connection c = sessions.getConnection()) {
            c.setAutoCommit(true);
            // A pause never shortens a longer one another instance was told of.
            try (PreparedStatement update = c.prepareStatement("update owner_state set breaker_state = ?, last_error = ?,"
                    + " paused_until = greatest(paused_until, ?), updated_at = ? where name = ?")) {
                update.setString(1, breakerState);
                update.setString(2, error);
                update.setTimestamp(3, pausedUntil == null ? null : Timestamp.from(pausedUntil));
                update.setTimestamp(4, now);
                update.setString(5, name);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into owner_state (name, breaker_state, last_error,"
                    + " paused_until, updated_at) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, breakerState);
                insert.setString(3, error);
                insert.setTimestamp(4, pausedUntil == null ? null : Timestamp.from(pausedUntil));
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            // Another instance inserted it first, or the database is away: this instance still acts on it.
            LOG.log(Level.FINE, "the owner's shared state could not be written", e);
        }
    }
}
