package org.raccord.wholesale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

/**
 * The owner's quota for a whole cluster: one row in PostgreSQL counts the calls granted in the
 * current window of {@link OwnerQuota#PERIOD}, numbered on the database's clock, so that every
 * instance draws from the same count whatever its own clock says. A grant is one statement, outside
 * any transaction (the non-transactional data source), so no caller's transaction ever holds the
 * row. Same arithmetic as the single-instance limiter: a sixth of the quota per quarter second.
 */
final class SharedQuota {

    private static final long WINDOWS_PER_SECOND = 1000 / OwnerQuota.PERIOD.toMillis();
    private static final String GRANT = "with now as (select floor(extract(epoch from clock_timestamp()) * "
            + WINDOWS_PER_SECOND + ")::bigint as w)"
            + " update owner_quota set granted = case when owner_quota.window_number = now.w then owner_quota.granted + 1 else 1 end,"
            + " window_number = now.w from now"
            // A grant that waited on the row behind a newer window's must not take the row back to its own.
            + " where owner_quota.name = 'owner' and owner_quota.window_number <= now.w"
            + " and (owner_quota.window_number < now.w or owner_quota.granted < ?)";
    private static final String GRANTED = "select case when window_number = floor(extract(epoch from clock_timestamp()) * "
            + WINDOWS_PER_SECOND + ") then granted else 0 end from owner_quota where name = 'owner'";

    private final DataSource sessions;
    private final int perWindow;
    private final Duration permitWait;

    SharedQuota(DataSource sessions, int perSecond, Duration permitWait) {
        this.sessions = sessions;
        this.perWindow = OwnerQuota.perPeriod(perSecond);
        this.permitWait = permitWait;
    }

    /** Waits up to the permit wait for a grant; false when none came (the call is declined). */
    boolean acquire() {
        long deadline = System.nanoTime() + permitWait.toNanos();
        while (true) {
            if (grant()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Until the next window by this machine's clock, plus a little: the database decides.
            long period = OwnerQuota.PERIOD.toNanos();
            long untilNext = period - Math.floorMod(System.currentTimeMillis() * 1_000_000L, period);
            LockSupport.parkNanos(Math.min(left, untilNext + ThreadLocalRandom.current().nextLong(5_000_000L)));
        }
    }

    /** Calls still grantable in the current window, cluster-wide. */
    int available() {
        try (Connection c = sessions.getConnection(); PreparedStatement s = c.prepareStatement(GRANTED);
             ResultSet r = s.executeQuery()) {
            return r.next() ? Math.max(0, perWindow - r.getInt(1)) : perWindow;
        } catch (SQLException e) {
            return 0;
        }
    }

    private boolean grant() {
        try (Connection c = sessions.getConnection(); PreparedStatement s = c.prepareStatement(GRANT)) {
            c.setAutoCommit(true);
            s.setInt(1, perWindow);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            // No database, no count: no call, rather than calls beyond the owner's quota.
            throw new WholesaleException.Declined("quota", "the shared quota could not be read: " + e.getMessage(), e);
        }
    }
}
