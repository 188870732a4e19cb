package org.raccord.admin;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.raccord.cluster.SettingsChanged;
import org.raccord.cluster.SharedSettings;
import org.raccord.wholesale.NetworkOwner;

/**
 * An operator's breaker override holds on every instance of the cluster and across restarts: it
 * is a shared setting ({@code breaker.<operation>}: {@code open}, or {@code closed} with when),
 * applied at once by the instance that took it and by the others at their next beat. The breakers
 * themselves stay per instance (resilience4j), each judging the owner by its own calls.
 */
@ApplicationScoped
public class BreakerHolds {

    static final String PREFIX = "breaker.";
    private static final String OPEN = "open";

    @Inject
    SharedSettings settings;

    @Inject
    NetworkOwner owner;

    /** What this instance last applied, by operation: a setting is applied once, not at every beat. */
    private final Map<String, String> applied = new ConcurrentHashMap<>();

    /** Holds the breaker open, or closes it now, on every instance. */
    public void force(String operation, boolean open) {
        owner.forceBreaker(operation, open);
        String value = open ? OPEN : "closed " + Instant.now();
        settings.put(PREFIX + operation, value);
        applied.put(operation, value);
    }

    void changed(@Observes SettingsChanged changed) {
        apply(changed.settings());
    }

    void apply(Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                String operation = name.substring(PREFIX.length());
                if (!value.equals(applied.put(operation, value))) {
                    try {
                        owner.forceBreaker(operation, OPEN.equals(value));
                    } catch (IllegalArgumentException gone) {
                        // An operation this version no longer has: nothing to hold.
                    }
                }
            }
        });
    }
}
