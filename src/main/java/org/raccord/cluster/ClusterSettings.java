package org.raccord.cluster;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lease's settings. An instance's name defaults to its host and process (unique on one
 * machine and across machines); set {@code raccord.cluster.instance} for a name that survives
 * restarts on the console.
 */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    @ConfigProperty(name = "raccord.cluster.instance")
    Optional<String> instance;

    /** How long a leader may stay silent before it loses the lead (and the database ends its session). */
    @Inject
    @ConfigProperty(name = "raccord.cluster.leaseMillis", defaultValue = "5000")
    long leaseMillis;

    /** How often each instance beats: confirms its lock, or tries to take it. */
    @Inject
    @ConfigProperty(name = "raccord.cluster.beatMillis", defaultValue = "1000")
    long beatMillis;

    public String instance() {
        return instance.filter(name -> !name.isBlank()).orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    public long leaseMillis() {
        return leaseMillis;
    }

    public long beatMillis() {
        return beatMillis;
    }
}
