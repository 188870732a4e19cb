package org.raccord.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The instances of the cluster as the database knows them: each writes its row at every beat
 * (on the database's clock, so that instances on other machines compare), and removes it when it
 * stops. A row that has not been written for a while is an instance that died.
 */
@ApplicationScoped
public class ClusterMembers {

    private static final Logger LOG = Logger.getLogger(ClusterMembers.class.getName());
    /** Rows of instances silent for longer than this are forgotten. */
    private static final String FORGET_AFTER = "interval '1' day";

    @Resource(lookup = "jdbc/raccordSessions")
    DataSource sessions;

    /**
     * One instance: its name, since when it runs, when it was last heard of and how long ago,
     * whether it leads, and its health when last heard of ({@link InstanceHealth}; null until known).
     */
    public record Member(String instance, Instant startedAt, Instant heartbeatAt, double silentSeconds, boolean leader,
                         String health) {
    }

    /** Every instance heard of within a day, the leader first. */
    public List<Member> all() {
        List<Member> members = new ArrayList<>();
        try (Connection c = sessions.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select instance, started_at, heartbeat_at, current_timestamp, leader, health"
                     + " from cluster_member order by leader desc, instance")) {
            while (r.next()) {
                Instant heard = r.getObject(3, OffsetDateTime.class).toInstant();
                Instant now = r.getObject(4, OffsetDateTime.class).toInstant();
                members.add(new Member(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant(), heard,
                        (now.toEpochMilli() - heard.toEpochMilli()) / 1000.0, r.getBoolean(5), r.getString(6)));
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "cluster members not readable", e);
        }
        return members;
    }

    /** An instance starts: a row left by its previous run (same name) goes. */
    static void joined(Connection session, String instance) throws SQLException {
        try (PreparedStatement delete = session.prepareStatement("delete from cluster_member where instance = ?")) {
            delete.setString(1, instance);
            delete.executeUpdate();
        }
    }

    /** An instance's beat, on its lease session, with its health (null: unknown). */
    static void heard(Connection session, String instance, boolean leader, String health) throws SQLException {
        String said = health == null ? null : health.substring(0, Math.min(health.length(), 300));
        try (PreparedStatement update = session.prepareStatement(
                "update cluster_member set heartbeat_at = current_timestamp, leader = ?, health = ? where instance = ?")) {
            update.setBoolean(1, leader);
            update.setString(2, said);
            update.setString(3, instance);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = session.prepareStatement("insert into cluster_member (instance, started_at,"
                        + " heartbeat_at, leader, health) values (?, current_timestamp, current_timestamp, ?, ?)")) {
                    insert.setString(1, instance);
                    insert.setBoolean(2, leader);
                    insert.setString(3, said);
                    insert.executeUpdate();
                }
                try (Statement forget = session.createStatement()) {
                    forget.executeUpdate("delete from cluster_member where heartbeat_at < current_timestamp - " + FORGET_AFTER);
                }
            }
        }
    }

    /** The instance stops: its row goes, and the lock it may hold is handed back before its session returns to the pool. */
    static void left(Connection session, String instance, boolean shared) {
        try (PreparedStatement delete = session.prepareStatement("delete from cluster_member where instance = ?")) {
            delete.setString(1, instance);
            delete.executeUpdate();
            if (shared) {
                try (Statement unlock = session.createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "leaving the cluster", e);
        }
    }
}
