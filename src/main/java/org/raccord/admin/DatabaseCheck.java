package org.raccord.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * Readiness: the database answers within two seconds and its schema migrations are applied.
 * Without it Raccord can serve nothing true, so it is the one check that makes Raccord unready.
 * The failure is named, never the database's address or credentials.
 */
public final class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;
    private final BooleanSupplier migrationsApplied;

    public DatabaseCheck(DataSource dataSource, BooleanSupplier migrationsApplied) {
        this.dataSource = dataSource;
        this.migrationsApplied = migrationsApplied;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean migrated = migrationsApplied.getAsBoolean();
        data.put("migrationsApplied", migrated);
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_WITHIN_SECONDS)) {
                data.put("error", "the database did not answer within " + VALID_WITHIN_SECONDS + " s");
                return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(data));
            }
        } catch (SQLException | RuntimeException e) {
            data.put("error", "unreachable: " + e.getClass().getSimpleName());
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(data));
        }
        return new HealthCheckResponse(NAME, migrated ? Status.UP : Status.DOWN, Optional.of(data));
    }
}
