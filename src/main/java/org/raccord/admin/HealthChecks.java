package org.raccord.admin;

import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.raccord.tracking.SchemaMigrations;
import org.raccord.wholesale.NetworkOwner;

/**
 * Raccord's MicroProfile Health checks. Liveness asks whether the process answers and its scheduled
 * loops still run (restarting cures nothing else); readiness needs the database with its schema; startup waits for the
 * migrations; each of the owner's interfaces is a named, detailed readiness check that stays UP.
 */
@ApplicationScoped
public class HealthChecks {

    @Resource(lookup = "jdbc/raccord")
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    NetworkOwner owner;

    @Inject
    Loops loops;

    @Produces
    @Liveness
    HealthCheck process() {
        return () -> new HealthCheckResponse("process", HealthCheckResponse.Status.UP, Optional.empty());
    }

    /** A loop that stopped running is cured by a restart: see {@link LoopsCheck}. */
    @Produces
    @Liveness
    HealthCheck loops() {
        return new LoopsCheck(loops::readings);
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return new DatabaseCheck(dataSource, migrations::applied);
    }

    @Produces
    @org.eclipse.microprofile.health.Startup
    HealthCheck schema() {
        return () -> new HealthCheckResponse("schema", migrations.applied() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(Map.of("migrationsApplied", migrations.applied())));
    }

    @Produces
    @Readiness
    HealthCheck accessOrders() {
        return new OwnerInterfaceCheck("accessOrder", owner::health);
    }

    @Produces
    @Readiness
    HealthCheck cutovers() {
        return new OwnerInterfaceCheck("cutover", owner::health);
    }
}
