package org.raccord.tracking;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the SQL migrations of {@code db/migration} when the application starts, before any
 * request is served and before any other start-up observer (polling) touches the database. Flyway owns the schema so that the same scripts run on H2 and PostgreSQL.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/raccord")
    DataSource dataSource;

    private volatile boolean applied;

    void onStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        MigrateResult result = flyway(dataSource, getClass().getClassLoader()).migrate();
        applied = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    /** Raccord's migrations on a database: the one configuration the server and the tests use. */
    public static Flyway flyway(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                // Liberty's class loader cannot list directories: Flyway finds the folder through
                // its empty flyway.location marker file. Callbacks, if any, live beside the scripts.
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /** Whether the schema is ready for use (readiness). */
    public boolean applied() {
        return applied;
    }
}
