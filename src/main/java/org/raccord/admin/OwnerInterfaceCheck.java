package org.raccord.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.raccord.wholesale.OperationHealth;

/**
 * One of the owner's interfaces, in readiness: always UP, because Raccord keeps serving stored
 * data (flagged degraded) while the owner is in trouble, and an orchestrator that took Raccord out
 * of service for it would only make things worse. The trouble shows in the data: each operation's
 * breaker state, last success, last error, and whether the owner asked us to wait.
 */
public final class OwnerInterfaceCheck implements HealthCheck {

    private final String iface;
    private final Supplier<List<OperationHealth>> operations;

    public OwnerInterfaceCheck(String iface, Supplier<List<OperationHealth>> operations) {
        this.iface = iface;
        this.operations = operations;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interface", iface);
        Instant now = Instant.now();
        boolean troubled = false;
        for (OperationHealth h : operations.get()) {
            if (!h.operation().startsWith(iface + ".")) {
                continue;
            }
            String op = h.operation().substring(iface.length() + 1);
            troubled |= h.troubled(now);
            data.put(op + ".breaker", h.breakerState());
            data.put(op + ".lastSuccess", h.lastSuccess() == null ? "never" : h.lastSuccess().toString());
            if (h.lastError() != null) {
                data.put(op + ".lastError", h.lastError());
            }
            if (h.pausedUntil() != null && h.pausedUntil().isAfter(now)) {
                data.put(op + ".pausedUntil", h.pausedUntil().toString());
            }
        }
        data.put("troubled", troubled);
        return new HealthCheckResponse("owner-" + iface, HealthCheckResponse.Status.UP, Optional.of(data));
    }
}
