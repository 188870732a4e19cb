package org.raccord.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

/**
 * Where the simulated world's clock is anchored. Kept in a small file so that a restarted server
 * finds the owner's world where it left it, as a real owner's would be: the feeds then hold
 * everything that happened while Raccord was away. A change of seed or size starts a new world.
 */
final class Timeline {

    private Timeline() {
    }

    static SimulatedClock anchor(SimulatorSettings settings, Clock real) {
        Instant now = real.instant();
        if (settings.stateDir() == null) {
            return new SimulatedClock(real, now, now, settings.acceleration());
        }
        Path file = settings.stateDir().resolve("timeline.properties");
        String world = settings.seed() + "/" + settings.lines();
        try {
            if (Files.exists(file)) {
                Properties saved = new Properties();
                try (Reader in = Files.newBufferedReader(file)) {
                    saved.load(in);
                }
                if (world.equals(saved.getProperty("world"))
                        && Double.toString(settings.acceleration()).equals(saved.getProperty("acceleration"))) {
                    return new SimulatedClock(real, Instant.parse(saved.getProperty("realEpoch")),
                            Instant.parse(saved.getProperty("simulatedEpoch")), settings.acceleration());
                }
            }
            Files.createDirectories(settings.stateDir());
            Properties fresh = new Properties();
            fresh.setProperty("world", world);
            fresh.setProperty("acceleration", Double.toString(settings.acceleration()));
            fresh.setProperty("realEpoch", now.toString());
            fresh.setProperty("simulatedEpoch", now.toString());
            try (Writer out = Files.newBufferedWriter(file)) {
                fresh.store(out, "Anchor of the simulated owner's timeline");
            }
            return new SimulatedClock(real, now, now, settings.acceleration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the simulator timeline in " + file, e);
        }
    }
}
