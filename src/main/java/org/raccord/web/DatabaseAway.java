package org.raccord.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure that means the database is not answering (no connection to be had, or one it
 * closed while stopping) from a fault of the request or of the code: the first is answered 503
 * with a time to retry, or from stored data, never as an internal error.
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    /**
     * SQLState class 08 is a connection exception (refused, broken); 57P is PostgreSQL's operator
     * intervention (an administrator's shutdown, a database starting or stopping).
     */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
