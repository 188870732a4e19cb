package org.raccord.polling;

import java.sql.SQLIntegrityConstraintViolationException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "another transaction wrote this line first", worth applying again. */
class LineRefreshTest {

    @Test
    void aConcurrentWriteIsRecognisedThroughItsWrappers() {
        Exception duplicate = new PersistenceException(new RuntimeException(new SQLIntegrityConstraintViolationException("uq")));
        Exception unrelated = new IllegalStateException("constraint", new RollbackException("timeout"));

        assertThat(LineRefresh.lostConcurrentWrite(duplicate)).isTrue();
        assertThat(LineRefresh.lostConcurrentWrite(new PersistenceException(new OptimisticLockException()))).isTrue();
        assertThat(LineRefresh.lostConcurrentWrite(new IllegalStateException("disk full"))).isFalse();
        assertThat(LineRefresh.lostConcurrentWrite(unrelated)).isFalse();
    }

    @Test
    void aUniqueKeyClashIsRecognisedByItsSqlStateAsPostgreSqlReportsIt() {
        // PostgreSQL's driver throws a plain SQLException (PSQLException) with SQLState 23505.
        Exception postgres = new PersistenceException(new RuntimeException(new java.sql.SQLException(
                "duplicate key value violates unique constraint", "23505")));
        Exception otherState = new PersistenceException(new java.sql.SQLException("connection lost", "08006"));

        assertThat(LineRefresh.lostConcurrentWrite(postgres)).isTrue();
        // Seen on PostgreSQL: the registration and the feed page inserting the same event deadlock.
        assertThat(LineRefresh.lostConcurrentWrite(new PersistenceException(new java.sql.BatchUpdateException(
                "deadlock detected", "40P01", new int[0])))).isTrue();
        assertThat(LineRefresh.lostConcurrentWrite(otherState)).isFalse();
    }
}
