package org.raccord.cluster;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Operators' decisions that hold on every instance and survive restarts (polling paused, a breaker
 * held open), and the secrets every instance must share (the console's CSRF key): rows in the
 * database. An instance reads them all at every beat of its lease, so a decision taken through
 * one instance holds on the others within a beat; the instance that took it applies it at once.
 * A change seen at a beat is announced ({@link SettingsChanged}). Writes and reads take turns, so
 * a beat's older read never replaces what an operator just set.
 */
@ApplicationScoped
public class SharedSettings {

    /** One generator for the process: secrets are rare, and each new generator would be seeded again. */
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "jdbc/raccordSessions")
    DataSource sessions;

    @Inject
    Event<SettingsChanged> changed;

    private volatile Map<String, String> known = Map.of();

    /** The settings as this instance last read or wrote them. */
    public Map<String, String> all() {
        return known;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(known.get(name));
    }

    public boolean flag(String name) {
        return "true".equals(known.get(name));
    }

    /** Sets a setting for the whole cluster ({@code null} removes it); holds here at once. */
    public synchronized void put(String name, String value) {
        try (Connection c = sessions.getConnection()) {
            c.setAutoCommit(true);
            write(c, name, value);
            refresh(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the setting " + name + " could not be stored", e);
        }
    }

    /**
     * A secret shared by every instance: the one stored under {@code name}, or a new random one
     * stored by the first instance that asks (a concurrent first start keeps the first stored).
     */
    public byte[] secret(String name) {
        try (Connection c = sessions.getConnection()) {
            c.setAutoCommit(true);
            Optional<String> stored = read(c, name);
            if (stored.isEmpty()) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try (PreparedStatement insert = c.prepareStatement("insert into cluster_setting (name, setting_value, updated_at)"
                        + " values (?, ?, current_timestamp)")) {
                    insert.setString(1, name);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    // Another instance stored it first: theirs is the cluster's.
                }
                stored = read(c, name);
            }
            return Base64.getDecoder().decode(stored.orElseThrow());
        } catch (SQLException e) {
            throw new IllegalStateException("the shared secret " + name + " could not be read", e);
        }
    }

    /** Reads every setting (at each beat of the lease, on its session); announces a change. */
    synchronized void refresh(Connection session) throws SQLException {
        Map<String, String> now = new HashMap<>();
        try (Statement s = session.createStatement();
             ResultSet r = s.executeQuery("select name, setting_value from cluster_setting")) {
            while (r.next()) {
                now.put(r.getString(1), r.getString(2));
            }
        }
        Map<String, String> before = known;
        known = Map.copyOf(now);
        if (!before.equals(known)) {
            changed.fire(new SettingsChanged(known));
        }
    }

    private static Optional<String> read(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select setting_value from cluster_setting where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void write(Connection c, String name, String value) throws SQLException {
        if (value == null) {
            try (PreparedStatement delete = c.prepareStatement("delete from cluster_setting where name = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "update cluster_setting set setting_value = ?, updated_at = current_timestamp where name = ?")) {
            update.setString(1, value);
            update.setString(2, name);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into cluster_setting (name, setting_value, updated_at) values (?, ?, current_timestamp)")) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.executeUpdate();
                }
            }
        }
    }
}
