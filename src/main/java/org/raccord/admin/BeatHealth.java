package org.raccord.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.raccord.cluster.InstanceHealth;

/**
 * This instance's liveness and readiness checks in one line, for the cluster's list of instances.
 * The lease's beat asks for it every second and must never wait on a check (a slow database
 * would hold the beat past the lease): it gets the last result, and a fresh one is computed on
 * another thread at most every five seconds.
 */
@ApplicationScoped
public class BeatHealth implements InstanceHealth {

    private static final long EVERY_NANOS = 5_000_000_000L;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean computing = new AtomicBoolean();
    private volatile String last;
    private volatile long computedAt = System.nanoTime() - EVERY_NANOS;

    @Override
    public String summary() {
        if (System.nanoTime() - computedAt >= EVERY_NANOS && computing.compareAndSet(false, true)) {
            try {
                executor.execute(this::compute);
            } catch (RejectedExecutionException e) {
                computing.set(false);
            }
        }
        return last;
    }

    private void compute() {
        try {
            List<HealthCheck> checks = new ArrayList<>();
            liveness.forEach(checks::add);
            readiness.forEach(checks::add);
            last = summary(HealthReport.of(checks));
        } finally {
            computedAt = System.nanoTime();
            computing.set(false);
        }
    }

    /** "UP", or "DOWN: " and the names of the checks that are not UP. */
    static String summary(HealthReport report) {
        if (report.up()) {
            return "UP";
        }
        List<String> down = report.body().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> !"UP".equals(c.getString("status"))).map(c -> c.getString("name")).toList();
        return "DOWN: " + String.join(", ", down);
    }
}
