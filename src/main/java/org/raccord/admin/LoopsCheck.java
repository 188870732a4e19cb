package org.raccord.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.raccord.heartbeat.Heartbeat;

/**
 * Liveness of the scheduled loops: DOWN, naming the loop, when one has not completed a run for
 * longer than it may (it died or hangs). The lookups would still answer, but from data that no
 * longer moves and with no SMS leaving: a restart is the cure, which is what liveness asks for.
 */
public final class LoopsCheck implements HealthCheck {

    private final Supplier<List<Heartbeat.Reading>> loops;

    public LoopsCheck(Supplier<List<Heartbeat.Reading>> loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean stale = false;
        for (Heartbeat.Reading loop : loops.get()) {
            data.put(loop.loop() + ".ageSeconds", Math.round(loop.ageSeconds()));
            if (loop.stale()) {
                stale = true;
                data.put(loop.loop(), "no run for " + Math.round(loop.ageSeconds()) + " s (stale after "
                        + loop.staleAfterSeconds() + " s)");
            }
        }
        return new HealthCheckResponse("loops", stale ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP,
                Optional.of(data));
    }
}
