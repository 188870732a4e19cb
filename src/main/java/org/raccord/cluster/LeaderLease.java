package org.raccord.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * The cluster's leader: the instance that holds PostgreSQL's session advisory lock
 * {@value #LOCK}. The lock lives on a connection of its own (from the non-transactional data
 * source: a pooled JTA connection would keep it after being handed back), which beats every
 * {@code beat}; the database ends that session after {@code lease} of silence
 * ({@code idle_session_timeout}), so a frozen leader loses the lock, and a dead one loses it at
 * once with its connection. An instance that could not confirm its lock within the lease stops
 * leading by itself, before the database has to say so; the feed cursor's version fences the page
 * it may have been committing.
 */
@ApplicationScoped
public class LeaderLease {

    private static final Logger LOG = Logger.getLogger(LeaderLease.class.getName());
    /** The advisory lock's key: "raccord" in ASCII, one lock for all singleton work. */
    static final long LOCK = 0x72616363_6f7264L;

    @Resource(lookup = "jdbc/raccordSessions")
    DataSource sessions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ClusterSettings settings;

    @Inject
    SharedSettings shared;

    /** This instance's health, written with each beat (provided by operations; absent in some tests). */
    @Inject
    jakarta.enterprise.inject.Instance<InstanceHealth> health;

    private Connection session;
    private boolean onPostgres;
    /** Known, once the session opened, to be the embedded database's single instance. */
    private volatile boolean alone;
    private volatile boolean held;
    private volatile long confirmedAt;
    private volatile boolean stopped;
    private ScheduledFuture<?> task;

    /** After the schema migrations, before the loops: a lone instance leads from its first run. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) Startup startup) {
        try {
            open();
            ClusterMembers.joined(session, settings.instance());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The leader lease's session could not be opened; the beats will try again: " + e.getMessage());
            close();
        }
        beat();
        task = scheduler.scheduleWithFixedDelay(this::beat, settings.beatMillis(), settings.beatMillis(), TimeUnit.MILLISECONDS);
        LOG.info(() -> "Instance " + settings.instance() + (onPostgres ? " joined the cluster (leader lease on the database)"
                : " runs alone (embedded database): it leads"));
    }

    /**
     * Whether this instance leads now: it holds the lock and confirmed it within the lease, less a
     * beat of margin (the database counts the lease from the end of the last statement, which
     * comes after the moment taken as confirmation).
     */
    public boolean leading() {
        if (alone) {
            // The embedded database has one instance: no lock, nothing to lose, whatever the beats' pace.
            return true;
        }
        return held && System.nanoTime() - confirmedAt
                < TimeUnit.MILLISECONDS.toNanos(settings.leaseMillis() - settings.beatMillis());
    }

    /** The health to write with the beat: a check that fails to answer says so, and the beat goes on. */
    private String health() {
        if (health == null || !health.isResolvable()) {
            return null;
        }
        try {
            return health.get().summary();
        } catch (RuntimeException e) {
            return "DOWN: " + e.getClass().getSimpleName();
        }
    }

    /** This instance's name in the cluster. */
    public String instance() {
        return settings.instance();
    }

    /** One beat: confirms or tries the lock, and says the instance is alive. Runs on one thread at a time. */
    synchronized void beat() {
        if (stopped) {
            return;
        }
        try {
            if (session == null) {
                open();
            }
            boolean wasLeading = held;
            // Confirmation dates from before the statements: a pause after them must not stretch it.
            long sent = System.nanoTime();
            held = !onPostgres || held || tryLock();
            ClusterMembers.heard(session, settings.instance(), held, health());
            confirmedAt = sent;
            shared.refresh(session);
            if (held && !wasLeading && onPostgres) {
                LOG.info(() -> "Instance " + settings.instance() + " now leads the cluster");
            }
        } catch (SQLException e) {
            if (held) {
                LOG.log(Level.WARNING, "Instance " + settings.instance() + " lost its leader lease: " + e.getMessage());
            } else {
                LOG.log(Level.FINE, () -> "leader lease not reachable: " + e.getMessage());
            }
            held = false;
            release();
            close();
        } catch (RuntimeException e) {
            // A reaction to a changed setting failed: the lease and the next beats go on.
            LOG.log(Level.WARNING, "Applying the cluster's settings failed; the next change will try again", e);
        }
    }

    private void open() throws SQLException {
        session = sessions.getConnection();
        session.setAutoCommit(true);
        onPostgres = "PostgreSQL".equals(session.getMetaData().getDatabaseProductName());
        alone = !onPostgres;
        if (onPostgres) {
            try (Statement s = session.createStatement()) {
                // The database ends this session, and frees the lock, once the beats stop.
                s.execute("set idle_session_timeout = " + settings.leaseMillis());
            }
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement s = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /**
     * The session may still be alive (a cancelled statement, not a dead connection): the lock must
     * not go back to the pool with it, where no beat would ever free it.
     */
    private void release() {
        if (session != null && onPostgres) {
            try (Statement s = session.createStatement()) {
                s.execute("select pg_advisory_unlock_all()");
            } catch (SQLException gone) {
                // The session is gone, and its lock with it.
            }
        }
    }

    private void close() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the lease's session", e);
            }
            session = null;
        }
    }

    /** The application stops: the lock is handed back at once (the connection ends), not after the lease. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        held = false;
        if (task != null) {
            task.cancel(false);
        }
        if (session != null) {
            ClusterMembers.left(session, settings.instance(), onPostgres);
        }
        close();
    }
}
