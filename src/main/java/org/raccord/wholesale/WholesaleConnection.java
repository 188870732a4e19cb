package org.raccord.wholesale;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the guarded network owner from configuration, once. When no owner address is configured, Raccord
 * talks to the simulator built into this server (the local default).
 */
@ApplicationScoped
public class WholesaleConnection {

    private static final Logger LOG = Logger.getLogger(WholesaleConnection.class.getName());

    @Inject
    @ConfigProperty(name = "raccord.wholesale.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "default.http.port", defaultValue = "9080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.operatorCode", defaultValue = "RACC")
    String operatorCode;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.connectTimeoutMillis", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.receiveTimeoutMillis", defaultValue = "5000")
    long receiveTimeoutMillis;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.maxXmlCharacters", defaultValue = "8388608")
    long maxXmlCharacters;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.maxElementCount", defaultValue = "100000")
    long maxElementCount;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.password")
    Optional<String> password;

    WholesaleSettings settings() {
        URI base = URI.create(url.map(String::trim).filter(u -> !u.isEmpty())
                .orElse("http://localhost:" + httpPort + "/simulator/soap"));
        return new WholesaleSettings(base, operatorCode, Duration.ofMillis(connectTimeoutMillis),
                Duration.ofMillis(receiveTimeoutMillis), maxXmlCharacters, maxElementCount,
                user.map(u -> new WholesaleSettings.Credentials(u, password.orElse(""))).orElse(null));
    }

    @Inject
    @ConfigProperty(name = "raccord.wholesale.quotaPerSecond", defaultValue = "40")
    int quotaPerSecond;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.breakerOpenSeconds", defaultValue = "30")
    int breakerOpenSeconds;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.retryAttempts", defaultValue = "3")
    int retryAttempts;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.breakerFailureRate", defaultValue = "50")
    float breakerFailureRate;

    @Inject
    @ConfigProperty(name = "raccord.wholesale.concurrentCalls", defaultValue = "4")
    int concurrentCalls;

    @Inject
    MeterRegistry meters;

    /** Statements outside any transaction: the shared quota's grants (see SharedQuota). */
    @Resource(lookup = "jdbc/raccordSessions")
    DataSource sessions;

    /** Reads the owner's shared state off the lookups' threads. */
    @Resource
    ManagedExecutorService executor;

    @Produces
    @Singleton
    NetworkOwner networkOwner() {
        WholesaleSettings settings = settings();
        LOG.info(() -> "Network owner at " + settings.baseUrl() + ", at most " + quotaPerSecond + " calls/s");
        GuardSettings d = GuardSettings.defaults();
        GuardSettings guards = new GuardSettings(quotaPerSecond, d.permitWait(), breakerFailureRate, d.window(),
                d.minimumCalls(), Duration.ofSeconds(breakerOpenSeconds), retryAttempts, d.retryBase(), concurrentCalls);
        return new NetworkOwner(new AccessOrderGateway(settings), new CutoverGateway(settings),
                shared(guards));
    }

    /**
     * On PostgreSQL, where several instances may share the owner, the quota is counted in the
     * database for all of them, and what one learns of the owner (its pauses, the feeds' health)
     * is told to the others; the embedded database has one instance, which keeps all that alone.
     */
    private OwnerGuards shared(GuardSettings guards) {
        Clock clock = Clock.systemUTC();
        boolean cluster;
        try (Connection c = sessions.getConnection()) {
            cluster = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("the database that shares the owner's quota is not reachable", e);
        }
        if (!cluster) {
            return new OwnerGuards(guards, clock, meters);
        }
        LOG.info(() -> "The owner's quota (" + guards.quotaPerSecond() + " calls/s) and state are shared by every instance");
        return new OwnerGuards(guards, clock, meters, new SharedQuota(sessions, guards.quotaPerSecond(), guards.permitWait()),
                new SharedOwnerState(sessions, clock, executor));
    }
}
