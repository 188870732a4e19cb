package org.raccord.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The simulated owner of this server, built once from configuration when it is enabled. */
@ApplicationScoped
public class SimulatedOwner {

    private static final Logger LOG = Logger.getLogger(SimulatedOwner.class.getName());

    @Inject
    @ConfigProperty(name = "raccord.simulator.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "raccord.simulator.seed", defaultValue = "20111209")
    long seed;

    @Inject
    @ConfigProperty(name = "raccord.simulator.lines", defaultValue = "500")
    int lines;

    @Inject
    @ConfigProperty(name = "raccord.simulator.acceleration", defaultValue = "1440")
    double acceleration;

    @Inject
    @ConfigProperty(name = "raccord.simulator.historyDays", defaultValue = "20")
    int historyDays;

    @Inject
    @ConfigProperty(name = "raccord.simulator.futureDays", defaultValue = "20")
    int futureDays;

    @Inject
    @ConfigProperty(name = "raccord.simulator.state.dir")
    Optional<String> stateDir;

    @Inject
    @ConfigProperty(name = "raccord.simulator.latencyMillis", defaultValue = "0")
    long latencyMillis;

    @Inject
    @ConfigProperty(name = "raccord.simulator.errorRate", defaultValue = "0")
    double errorRate;

    @Inject
    @ConfigProperty(name = "raccord.simulator.quotaPerSecond", defaultValue = "50")
    int quotaPerSecond;

    @Inject
    @ConfigProperty(name = "raccord.simulator.maintenance")
    Optional<String> maintenance;

    @Inject
    @ConfigProperty(name = "raccord.simulator.postponement.minimumNoticeHours", defaultValue = "12")
    long minimumNoticeHours;

    @Inject
    @ConfigProperty(name = "raccord.simulator.postponement.maximumDays", defaultValue = "15")
    long maximumPostponementDays;

    @Inject
    @ConfigProperty(name = "raccord.simulator.postponement.maximumMoves", defaultValue = "2")
    int maximumMoves;

    @Inject
    @ConfigProperty(name = "raccord.simulator.postponement.fullDayShare", defaultValue = "0.01")
    double fullDayShare;

    private OwnerWorld world;
    private OwnerDesk desk;
    private PostponementDesk postponements;

    public boolean enabled() {
        return enabled;
    }

    public synchronized OwnerWorld world() {
        start();
        return world;
    }

    public synchronized OwnerDesk desk() {
        start();
        return desk;
    }

    public synchronized PostponementDesk postponements() {
        start();
        return postponements;
    }

    private void start() {
        if (!enabled) {
            throw new IllegalStateException("the wholesale simulator is disabled (raccord.simulator.enabled=false)");
        }
        if (world != null) {
            return;
        }
        SimulatorSettings settings = new SimulatorSettings(seed, lines, acceleration, Duration.ofDays(historyDays),
                Duration.ofDays(futureDays), stateDir.map(Path::of).orElse(null),
                new DeskSettings(latencyMillis, errorRate, quotaPerSecond, false, MaintenanceWindow.parse(maintenance.orElse(null))));
        Clock real = Clock.systemUTC();
        SimulatedClock clock = Timeline.anchor(settings, real);
        long started = System.nanoTime();
        // The moves the owner granted belong to one timeline: their file is named after its epoch.
        MoveLog moves = settings.stateDir() == null ? MoveLog.inMemory()
                : MoveLog.kept(settings.stateDir().resolve("cutover-moves-" + clock.epoch().toEpochMilli() + ".tsv"));
        world = new OwnerWorld(new Population(seed, lines, clock.epoch(), settings.history(), settings.future()), clock, moves);
        world.advance();
        desk = new OwnerDesk(real, seed, settings.desk());
        postponements = new PostponementDesk(world, new PostponementRules(Duration.ofHours(minimumNoticeHours),
                Duration.ofDays(maximumPostponementDays), maximumMoves, fullDayShare, Duration.ofMinutes(30)), seed);
        LOG.info(() -> String.format("Wholesale simulator: %d lines (seed %d), x%.0f time, %d order and %d cutover events published, built in %d ms",
                lines, seed, acceleration, world.lastSequence(ScriptedEvent.Feed.ORDER),
                world.lastSequence(ScriptedEvent.Feed.CUTOVER), (System.nanoTime() - started) / 1_000_000));
    }
}
