package org.raccord.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database not answering (a connection refused or broken, an administrator's shutdown) is told
 * from a fault of the request or of the code, however deep the driver's exception is wrapped.
 */
class DatabaseAwayTest {

    @Test
    void aConnectionRefusedOrAShutdownIsTheDatabaseAwayWhereverItIsWrapped() {
        assertThat(DatabaseAway.causedBy(new PersistenceException("query failed",
                new IllegalStateException("pool", new SQLException("Connection to localhost:55432 refused", "08001")))))
                .as("SQLState class 08, wrapped twice").isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("terminating connection due to administrator command", "57P01")))
                .as("PostgreSQL's administrator shutdown").isTrue();
        assertThat(DatabaseAway.causedBy(new RuntimeException(new SQLTransientConnectionException("no connection in 10 s"))))
                .as("a pool that had no connection to give, without a state").isTrue();
    }

    @Test
    void aFaultOfTheRequestOrOfTheCodeIsNot() {
        assertThat(DatabaseAway.causedBy(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseAway.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
